#!/usr/bin/python3
"""Kconfig glue: defconfig, olddefconfig, savedefconfig, genconfig.

Wraps Kconfiglib so that the Makefile has one entry point.  The board is
chosen by its defconfig (boards/<board>/defconfig); the generated files are
<out>/include/generated/autoconf.h for C and <out>/include/config/auto.conf
for make.  Must run under /usr/bin/python3 (Debian's python3-kconfiglib).
"""
import argparse
import os
import sys

try:
    import kconfiglib
except ImportError:
    sys.exit("kconfig: python3-kconfiglib is missing: run scripts/deps (or "
             "apt-get install python3-kconfiglib) and use /usr/bin/python3")


def boards():
    return sorted(d for d in os.listdir("boards")
                  if os.path.isfile(os.path.join("boards", d, "defconfig")))


def load(config):
    kconf = kconfiglib.Kconfig("Kconfig", warn_to_stderr=False)
    if os.path.exists(config):
        kconf.load_config(config)
    for w in kconf.warnings:
        if "set more than once" not in w:
            print("kconfig: " + w, file=sys.stderr)
    return kconf


def genconfig(kconf, out):
    os.makedirs(os.path.join(out, "include", "generated"), exist_ok=True)
    os.makedirs(os.path.join(out, "include", "config"), exist_ok=True)
    kconf.write_autoconf(os.path.join(out, "include", "generated", "autoconf.h"))
    kconf.write_config(os.path.join(out, "include", "config", "auto.conf"),
                       header="# generated from .config: do not edit\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="build")
    ap.add_argument("action", choices=["defconfig", "olddefconfig",
                                       "savedefconfig", "genconfig"])
    ap.add_argument("board", nargs="?")
    a = ap.parse_args()
    config = os.path.join(a.out, ".config")
    os.makedirs(a.out, exist_ok=True)
    os.environ["KCONFIG_CONFIG"] = config

    if a.action == "defconfig":
        if a.board not in boards():
            sys.exit("kconfig: no such board or defconfig '%s_defconfig'; "
                     "boards: %s" % (a.board, ", ".join(boards())))
        kconf = kconfiglib.Kconfig("Kconfig", warn_to_stderr=False)
        kconf.load_config(os.path.join("boards", a.board, "defconfig"))
        for w in kconf.warnings:
            print("kconfig: " + w, file=sys.stderr)
        kconf.write_config(config)
        genconfig(kconf, a.out)
        print("kconfig: %s configured for %s" % (config, a.board))
        return
    if not os.path.exists(config):
        sys.exit("kconfig: %s does not exist: run make <board>_defconfig "
                 "first (boards: %s)" % (config, ", ".join(boards())))
    kconf = load(config)
    if a.action == "olddefconfig":
        kconf.write_config(config)
        genconfig(kconf, a.out)
    elif a.action == "savedefconfig":
        path = os.path.join(a.out, "defconfig")
        kconf.write_min_config(path)
        print("kconfig: minimal configuration written to %s" % path)
    elif a.action == "genconfig":
        genconfig(kconf, a.out)


if __name__ == "__main__":
    main()

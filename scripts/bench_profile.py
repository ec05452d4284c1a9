#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Instructions per function of one benchmark, counted in QEMU.

Runs the kernel with `bench=<case>` under QEMU with one instruction per
translation block (-singlestep) and `-d exec,nochain`, so that QEMU logs
the address of every instruction executed; maps each address to its
function with System.map; counts only from the first execution of
--start (a function, default the case's run_<case>, or a 0x address) to
the next of --stop (default: bench_report); prints the functions by
instruction count, and per operation when --per gives the number of
operations in the window.  With --repeat every start..stop window is
counted (e.g. from the signal call to the return of the woken thread's
wait, one window per iteration) and --per defaults to the window count.

    scripts/bench_profile.py --map build/System.map --case context_switch \\
        --per 20032 --cmd 'qemu-system-arm -M vexpress-a9 ... -kernel zImage'

A profiling aid for explaining benchmark results, not part of `make bench`.
"""

import argparse
import bisect
import os
import shlex
import subprocess
import sys


def read_map(path):
    """Sorted text symbols: (addresses, names)."""
    syms = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[1] in "tTwW":
                syms.append((int(parts[0], 16), parts[2]))
    syms.sort()
    return [a for a, _ in syms], [n for _, n in syms]


def address_of(what, addrs, names):
    """A 0x address as given, or the first instruction of a function."""
    if what.startswith("0x"):
        return int(what, 16)
    return addrs[names.index(what)] if what in names else _missing(what)


def _missing(what):
    raise KeyError(what)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cmd", required=True, help="QEMU command without -append/-d/-icount")
    ap.add_argument("--map", required=True, help="System.map of the kernel")
    ap.add_argument("--case", required=True, help="benchmark case name")
    ap.add_argument("--start", help="function that opens the window (default run_<case>)")
    ap.add_argument("--stop", default="bench_report", help="function that closes it")
    ap.add_argument("--per", type=float, default=0, help="operations in the window")
    ap.add_argument("--repeat", action="store_true", help="count every start..stop window")
    ap.add_argument("--top", type=int, default=40, help="functions to list")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()

    addrs, names = read_map(args.map)
    start_name = args.start or "run_" + args.case
    try:
        start = address_of(start_name, addrs, names)
        stop = address_of(args.stop, addrs, names)
    except KeyError as e:
        sys.exit("bench_profile: %s is not in %s" % (e, args.map))
    argv = shlex.split(args.cmd) + ["-icount", "shift=0", "-singlestep",
                                    "-d", "exec,nochain", "-append", "bench=" + args.case]
    env = dict(os.environ, QEMU_AUDIO_DRV="none")
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env, bufsize=1 << 20)
    func_of = {}
    counts = {}
    inside = False
    windows = 0
    total = 0
    try:
        for raw in proc.stderr:
            if not raw.startswith(b"Trace"):
                continue
            pc = int(raw.split(b"/", 2)[1], 16)
            if not inside:
                if pc != start:
                    continue
                inside = True
            elif pc == stop:
                inside = False
                windows += 1
                if not args.repeat:
                    break
                continue
            name = func_of.get(pc)
            if name is None:
                i = bisect.bisect_right(addrs, pc) - 1
                name = names[i] if i >= 0 else "?"
                func_of[pc] = name
            counts[name] = counts.get(name, 0) + 1
            total += 1
    finally:
        proc.kill()
        proc.wait(timeout=args.timeout)
    if not windows:
        sys.exit("bench_profile: no window %s..%s closed" % (start_name, args.stop))

    per = args.per or (windows if args.repeat else 0)
    print("%d window(s)" % windows)
    print("%-32s %12s %10s" % ("function", "instructions", "per op" if per else ""))
    for name, n in sorted(counts.items(), key=lambda kv: -kv[1])[:args.top]:
        print("%-32s %12d %10s" % (name, n, ("%.1f" % (n / per)) if per else ""))
    print("%-32s %12d %10s" % ("total", total, ("%.1f" % (total / per)) if per else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

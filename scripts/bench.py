#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Run the kernel or user-space benchmarks in QEMU and tabulate them.

Boots the kernel with `bench` (or `bench=name1,name2`) on its command line
under `-icount shift=0`, so that a virtual nanosecond is one guest
instruction and every number repeats from run to run; reads the
"BENCH name=... value=... unit=... [target=...]" lines it prints; prints a
table; writes a JSON list of {name, value, unit, target, met}.

    scripts/bench.py --cmd 'qemu-system-arm -M vexpress-a9 ... -kernel zImage' \\
        --out build/bench.json

With --user the command line word is `ubench` (`ubench=name1,name2`): the
kernel boots normally, init runs /bin/ubench (user/bin/ubench.c) and its
exit status becomes QEMU's.  The command must pass the root image as
-initrd.  Read: "UBENCH name=... mean=... min=... unit=... count=...
[target=...]" lines (JSON rows get min and count too; value is the mean),
"UBENCH name=... skip reason=..." (a row with value null and the reason),
and the kernel's "first user instruction: pid N (name) at T ns" log line,
which becomes boot_to_user with the issue's 20 ms target.

The QEMU command comes from --cmd or $BENCH_QEMU_CMD, without -append
(added here) and without -icount (added here unless present).  Exit
status: 0 when every benchmark ran (or was skipped), 1 when one failed or
QEMU did not finish; with --strict, also 1 when a target is missed.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys

LINE_RE = re.compile(r"^BENCH name=(?P<name>\S+) value=(?P<value>[0-9.]+) "
                     r"unit=(?P<unit>\S+)(?: target=(?P<target>[0-9.]+))?\s*$")
ERROR_RE = re.compile(r"^BENCH name=(?P<name>\S+) error=(?P<err>-?\d+)\s*$")
DONE_RE = re.compile(r"^BENCH done cases=(?P<cases>\d+) failed=(?P<failed>\d+)\s*$")

# User space (--user): user/bin/ubench.c and the kernel's boot log.
USER_RE = re.compile(r"^UBENCH name=(?P<name>\S+) mean=(?P<mean>[0-9.]+) "
                     r"min=(?P<min>[0-9.]+) unit=(?P<unit>\S+) count=(?P<count>\d+)"
                     r"(?: target=(?P<target>[0-9.]+))?\s*$")
USER_SKIP_RE = re.compile(r"^UBENCH name=(?P<name>\S+) skip reason=(?P<reason>.*?)\s*$")
USER_ERROR_RE = re.compile(r"^UBENCH name=(?P<name>\S+) error=(?P<err>-?\d+)\s*$")
USER_DONE_RE = re.compile(r"^UBENCH done cases=(?P<cases>\d+) failed=(?P<failed>\d+)"
                          r" skipped=\d+\s*$")
FIRST_USER_RE = re.compile(r"first user instruction: pid (?P<pid>\d+) \((?P<comm>[^)]*)\) "
                           r"at (?P<ns>\d+) ns")
# The target for boot to the first user instruction of init.
BOOT_TO_USER_TARGET_NS = 20_000_000


def build_command(cmd, bench_filter, icount, word="bench"):
    """The QEMU argv: @cmd plus -icount and the kernel command line."""
    argv = shlex.split(cmd)
    if "-append" in argv:
        raise SystemExit("bench.py: give the QEMU command without -append")
    if "-icount" not in argv:
        argv += ["-icount", icount]
    argv += ["-append", word + "=" + bench_filter if bench_filter else word]
    return argv


def run_qemu(argv, timeout, log_path):
    """Runs QEMU; returns (exit status or None on timeout, output text)."""
    env = dict(os.environ, QEMU_AUDIO_DRV="none")
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=env, timeout=timeout)
        status, out = proc.returncode, proc.stdout
    except subprocess.TimeoutExpired as e:
        status, out = None, e.stdout or b""
    text = out.decode("utf-8", errors="replace")
    if log_path:
        with open(log_path, "w") as f:
            f.write(text)
    return status, text


def parse(text):
    """BENCH lines -> (results, errors, done) where done is (cases, failed)."""
    results, errors, done = [], [], None
    for raw in text.splitlines():
        line = raw.strip("\r")
        m = LINE_RE.match(line)
        if m:
            target = float(m["target"]) if m["target"] else None
            value = float(m["value"])
            results.append({
                "name": m["name"],
                "value": value,
                "unit": m["unit"],
                "target": target,
                "met": None if target is None else value <= target,
            })
            continue
        m = ERROR_RE.match(line)
        if m:
            errors.append((m["name"], int(m["err"])))
            continue
        m = DONE_RE.match(line)
        if m:
            done = (int(m["cases"]), int(m["failed"]))
    return results, errors, done


def result(name, value, unit, target, **extra):
    """One JSON row; met is null without a target (lower is better)."""
    row = {"name": name, "value": value, "unit": unit, "target": target,
           "met": None if target is None or value is None else value <= target}
    row.update(extra)
    return row


def parse_user(text):
    """UBENCH lines and the boot log -> (results, errors, done)."""
    results, errors, done = [], [], None
    for raw in text.splitlines():
        line = raw.strip("\r")
        m = FIRST_USER_RE.search(line)
        if m and not any(r["name"] == "boot_to_user" for r in results):
            results.insert(0, result("boot_to_user", float(m["ns"]), "ns",
                                     float(BOOT_TO_USER_TARGET_NS),
                                     first_process="%s (pid %s)" % (m["comm"], m["pid"])))
            continue
        m = USER_RE.match(line)
        if m:
            results.append(result(m["name"], float(m["mean"]), m["unit"],
                                  float(m["target"]) if m["target"] else None,
                                  min=float(m["min"]), count=int(m["count"])))
            continue
        m = USER_SKIP_RE.match(line)
        if m:
            results.append(result(m["name"], None, None, None, skipped=m["reason"]))
            continue
        m = USER_ERROR_RE.match(line)
        if m:
            errors.append((m["name"], int(m["err"])))
            continue
        m = USER_DONE_RE.match(line)
        if m:
            done = (int(m["cases"]), int(m["failed"]))
    return results, errors, done


def fmt_num(v):
    return "-" if v is None else ("%.1f" % v)


def print_table(results, errors):
    """name, value, [min, count,] unit, target, met; min and count when any row has them."""
    with_min = any("min" in r for r in results)
    head = ("name", "value") + (("min", "count") if with_min else ()) + ("unit", "target", "met")
    rows = [head]
    for r in results:
        if r.get("skipped") is not None:
            rows.append((r["name"], "skip") + (("-", "-") if with_min else ()) +
                        ("-", r["skipped"], "-"))
            continue
        met = "-" if r["met"] is None else ("yes" if r["met"] else "NO")
        target = "-" if r["target"] is None else "<= " + fmt_num(r["target"])
        extra = (fmt_num(r.get("min")), str(r.get("count", "-"))) if with_min else ()
        rows.append((r["name"], fmt_num(r["value"])) + extra + (r["unit"], target, met))
    for name, err in errors:
        rows.append((name, "error %d" % err) + (("-", "-") if with_min else ()) + ("-", "-", "NO"))
    n = len(head)
    widths = [max(len(row[i]) for row in rows) for i in range(n)]
    for i, row in enumerate(rows):
        # Numbers right-aligned: value, and min and count when shown.
        right = range(1, 4 if with_min else 2)
        cells = [row[j].rjust(widths[j]) if j in right else row[j].ljust(widths[j])
                 for j in range(n - 1)] + [row[n - 1]]
        print("  ".join(cells).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cmd", default=os.environ.get("BENCH_QEMU_CMD"),
                    help="QEMU command without -append (default: $BENCH_QEMU_CMD)")
    ap.add_argument("--filter", default=os.environ.get("BENCH_FILTER", ""),
                    help="comma-separated case names (default: all)")
    ap.add_argument("--icount", default="shift=0", help="-icount value if the command has none")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds for the QEMU run")
    ap.add_argument("--out", default="build/bench.json", help="JSON results")
    ap.add_argument("--log", help="where to keep the console output")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--user", action="store_true",
                    help="user-space benchmarks (`ubench`; the command needs -initrd)")
    args = ap.parse_args()
    if not args.cmd:
        ap.error("no QEMU command: use --cmd or set BENCH_QEMU_CMD")

    argv = build_command(args.cmd, args.filter, args.icount,
                         "ubench" if args.user else "bench")
    print("bench: " + " ".join(shlex.quote(a) for a in argv), flush=True)
    status, text = run_qemu(argv, args.timeout, args.log)
    results, errors, done = (parse_user if args.user else parse)(text)

    problems = []
    if status is None:
        problems.append("QEMU timed out after %gs" % args.timeout)
    elif status != 0:
        problems.append("QEMU exited with status %d" % status)
    if done is None:
        problems.append("no '%s done' line (crash or timeout?)" % ("UBENCH" if args.user else "BENCH"))
    if errors:
        problems.append("%d benchmark(s) failed" % len(errors))
    if not results:
        problems.append("no results")

    print_table(results, errors)
    json_rows = results + [{"name": n, "value": None, "unit": None, "target": None,
                            "met": False} for n, _ in errors]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(json_rows, f, indent=1)
        f.write("\n")

    missed = [r["name"] for r in results if r["met"] is False]
    with_target = [r for r in results if r["target"] is not None]
    print("%d results, %d with a target, %d missed%s; JSON in %s" %
          (len(results), len(with_target), len(missed),
           (" (" + ", ".join(missed) + ")") if missed else "", args.out))
    for p in problems:
        print("bench: " + p, file=sys.stderr)
    if problems and args.log:
        print("bench: console output in " + args.log, file=sys.stderr)
    if problems or (args.strict and missed):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

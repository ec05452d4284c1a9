#!/usr/bin/python3
"""Run test sources, parse their KTAP, print a table and the closing line.

Sources (any number, run in order, up to --jobs at once):
  --host BIN             the host ktest binary (KTAP on stdout)
  --script PATH          a shell test printing KTAP on stdout
  --board-script BOARD ENVFILE PATH
                         the same, for another board: ENVFILE's KEY=VALUE
                         lines (the scenario environment of BOARD's build)
                         are added to its environment
  --fuzz NAME=BIN:CORPUS a libFuzzer target, run --fuzz-seconds on a copy
                         of its committed corpus
  --qemu LABEL --cmd CMD a QEMU boot of the kernel with `selftest`: KTAP on
                         the serial console, exit status from semihosting
A source fails when it crashes (panic, Oops, sanitizer report), times out,
exits non-zero, prints no KTAP plan, or reports fewer results than its plan
announced.  The last line is "N passed, N failed[, N skipped]" counting
test cases; the exit status is 1 if anything failed.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

TS = re.compile(r"^\[\s*\d+\.\d+\]\s?")
RESULT = re.compile(r"^(\s*)(ok|not ok) (\d+)\s*(?:-\s*)?([^#]*?)\s*(#\s*(SKIP|TODO)\b.*)?$")
PLAN = re.compile(r"^(\s*)1\.\.(\d+)")
# A killed kernel thread ("Oops:") is an expected outcome of some tests and
# fails them through their own checks; a panic never is.
CRASH = re.compile(r"Kernel panic|ERROR: AddressSanitizer|runtime error:|"
                   r"ERROR: LeakSanitizer|Segmentation fault")


class Source:
    def __init__(self, label, argv, timeout, env=None, expect_exit=0):
        self.label, self.argv, self.timeout = label, argv, timeout
        self.env, self.expect_exit = env, expect_exit
        self.suites = []        # (name, passed, failed, skipped)
        self.problems = []      # reasons the source failed as a whole
        self.output = ""
        self.seconds = 0.0


def parse_ktap(text, src):
    """Fill src.suites from KTAP text; record structural problems."""
    lines = [TS.sub("", l.rstrip("\r")) for l in text.splitlines()]
    top_plan = None
    top_results = 0
    cur = None          # [name, plan, passed, failed, skipped, results]
    flat = [0, 0, 0]    # cases of a document without subtests
    for line in lines:
        if line.startswith("KTAP version"):
            continue        # documents may follow each other (kernel, then user space)
        m = PLAN.match(line)
        if m:
            indent = len(m.group(1))
            if indent == 0:
                top_plan = (top_plan or 0) + int(m.group(2))
            elif indent == 4 and cur is not None:
                cur[1] = int(m.group(2))
            continue
        if line.startswith("    # Subtest: "):
            cur = [line[len("    # Subtest: "):].strip(), None, 0, 0, 0, 0]
            continue
        m = RESULT.match(line)
        if not m:
            continue
        indent, status, name = len(m.group(1)), m.group(2), m.group(4).strip()
        skipped = m.group(6) == "SKIP"
        if indent == 4 and cur is not None:
            cur[5] += 1
            if skipped:
                cur[4] += 1
            elif status == "ok":
                cur[2] += 1
            else:
                cur[3] += 1
        elif indent == 0:
            top_results += 1
            if cur is None:
                # A flat KTAP document: top-level lines are the cases.
                flat[0] += 1 if status == "ok" and not skipped else 0
                flat[1] += 1 if status != "ok" and not skipped else 0
                flat[2] += 1 if skipped else 0
                continue
            if cur[0] != name:
                # A suite with no case lines (e.g. init failed).
                cur = [name, 0, 0, 0 if status == "ok" else 1, 0, 0]
            if cur[1] is not None and cur[5] < cur[1]:
                src.problems.append("suite %s: %d of %d results" % (name, cur[5], cur[1]))
                cur[3] += cur[1] - cur[5]
            if status == "not ok" and cur[3] == 0 and not skipped:
                cur[3] += 1     # the suite itself failed
            src.suites.append((cur[0], cur[2], cur[3], cur[4]))
            cur = None
    if sum(flat):
        src.suites.append((src.label.split(":", 1)[-1].split("/")[-1], flat[0], flat[1], flat[2]))
    if top_plan is None:
        src.problems.append("no KTAP plan")
    elif top_results < top_plan:
        src.problems.append("plan of %d suites, %d reported" % (top_plan, top_results))


def multi_cpu(argv):
    """Is this a QEMU command line with -smp N, N > 1?"""
    m = re.search(r"-smp\s+(\d+)", " ".join(argv))
    return bool(m) and int(m.group(1)) > 1


def run_source(src):
    t0 = time.time()
    try:
        p = subprocess.run(src.argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=src.timeout,
                           env=src.env, errors="replace", text=True)
        src.output = p.stdout
        rc = p.returncode
    except subprocess.TimeoutExpired as e:
        out = e.stdout or b""
        src.output = out.decode(errors="replace") if isinstance(out, bytes) else out
        rc = None
        src.problems.append("timeout after %ds" % src.timeout)
    src.seconds = time.time() - t0
    return rc


def run_ktap_source(src):
    rc = run_source(src)
    parse_ktap(src.output, src)
    if CRASH.search(src.output):
        src.problems.append("crash: " + CRASH.search(src.output).group(0))
    if rc is not None and rc != src.expect_exit:
        src.problems.append("exit status %d" % rc)
    return src


def run_fuzz_source(src, corpus):
    work = tempfile.mkdtemp(prefix="fuzz-")
    try:
        if os.path.isdir(corpus):
            for f in os.listdir(corpus):
                shutil.copy(os.path.join(corpus, f), work)
        src.argv = src.argv + [work]
        rc = run_source(src)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ok = rc == 0 and not CRASH.search(src.output)
    execs = re.findall(r"Done (\d+) runs", src.output)
    name = "fuzz_" + src.label.split(":", 1)[1]
    src.suites.append((name + (" (%s runs)" % execs[-1] if execs else ""),
                       1 if ok else 0, 0 if ok else 1, 0))
    if not ok:
        src.problems.append("fuzzer exit status %s" % rc)
    return src


def read_env_file(path):
    """KEY=VALUE lines (the value verbatim to the end of the line)."""
    env = {}
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                key, value = line.split("=", 1)
                env[key] = value
    return env


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", action="append", default=[])
    ap.add_argument("--script", action="append", default=[])
    ap.add_argument("--board-script", action="append", default=[], nargs=3,
                    metavar=("BOARD", "ENVFILE", "PATH"))
    ap.add_argument("--fuzz", action="append", default=[])
    ap.add_argument("--fuzz-seconds", type=int, default=20)
    ap.add_argument("--qemu", action="append", default=[])
    ap.add_argument("--cmd", action="append", default=[])
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out")
    ap.add_argument("--logdir", default=None)
    a = ap.parse_args()
    if len(a.qemu) != len(a.cmd):
        sys.exit("ktest-runner: each --qemu needs its --cmd")

    env = dict(os.environ, QEMU_AUDIO_DRV="none",
               ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
    jobs = []
    for b in a.host:
        jobs.append((run_ktap_source, Source("host:" + os.path.basename(b), [b], a.timeout * 3, env)))
    for s in a.script:
        jobs.append((run_ktap_source, Source("script:" + s, ["bash", s], a.timeout * 3, env)))
    for board, envfile, s in a.board_script:
        benv = dict(env, **read_env_file(envfile))
        jobs.append((run_ktap_source, Source("script:%s (%s)" % (s, board), ["bash", s],
                                             a.timeout * 3, benv)))
    for label, cmd in zip(a.qemu, a.cmd):
        jobs.append((run_ktap_source, Source("qemu:" + label, ["bash", "-c", "exec " + cmd], a.timeout, env)))
    fuzz = []
    for f in a.fuzz:
        name, rest = f.split("=", 1)
        binary, corpus = rest.split(":", 1)
        src = Source("fuzz:" + name, [binary, "-max_total_time=%d" % a.fuzz_seconds,
                                       "-print_final_stats=1", "-rss_limit_mb=2048"],
                     a.fuzz_seconds * 3 + 30, env)
        fuzz.append((src, corpus))

    # A multi-CPU guest runs alone, first: its virtual CPUs spin on each
    # other's locks, and on a host with fewer free cores than vCPUs a
    # descheduled lock holder stretches seconds into minutes (timeouts
    # that say nothing about the kernel).  Everything else shares the pool.
    done = []
    alone = [(fn, src) for fn, src in jobs if multi_cpu(src.argv)]
    for fn, src in alone:
        done.append(fn(src))
    jobs = [j for j in jobs if j not in alone]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = [ex.submit(fn, src) for fn, src in jobs]
        futs += [ex.submit(run_fuzz_source, src, corpus) for src, corpus in fuzz]
        for f in futs:
            done.append(f.result())

    total = [0, 0, 0]
    report = []
    for src in done:
        if a.logdir:
            os.makedirs(a.logdir, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]", "_", src.label) + ".log"
            with open(os.path.join(a.logdir, name), "w") as f:
                f.write(src.output)
        print("\n== %s (%.1f s)" % (src.label, src.seconds))
        print("   %-40s %7s %7s %7s" % ("suite", "passed", "failed", "skipped"))
        for name, p, fl, sk in src.suites:
            print("   %-40s %7d %7d %7d" % (name[:40], p, fl, sk))
            total[0] += p
            total[1] += fl
            total[2] += sk
        for prob in src.problems:
            print("   FAILED: %s" % prob)
            total[1] += 1
        if src.problems or any(s[2] for s in src.suites):
            tail = "\n".join(src.output.splitlines()[-40:])
            print("   --- last lines of output ---\n" + "\n".join("   | " + l for l in tail.splitlines()))
        report.append({"source": src.label, "seconds": round(src.seconds, 2),
                       "suites": [dict(zip(("name", "passed", "failed", "skipped"), s))
                                  for s in src.suites],
                       "problems": src.problems})
    if a.out:
        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        with open(a.out, "w") as f:
            json.dump(report, f, indent=1)
    print()
    line = "%d passed, %d failed" % (total[0], total[1])
    if total[2]:
        line += ", %d skipped" % total[2]
    print(line)
    return 1 if total[1] else 0


if __name__ == "__main__":
    sys.exit(main())

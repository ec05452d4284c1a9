#!/usr/bin/python3
"""Turn `nm -n vmlinux` into an assembly table of text symbols.

Output symbols (see kernel/kallsyms.c): kallsyms_num, kallsyms_addrs[]
(sorted; the last entry is _etext, the end of text), kallsyms_name_offsets[]
and kallsyms_names (NUL-separated).  Mapping symbols ($a, $d) and local
labels are skipped.
"""
import sys

syms = []
etext = None
for line in sys.stdin:
    parts = line.split()
    if len(parts) != 3:
        continue
    addr, kind, name = int(parts[0], 16), parts[1], parts[2]
    if name == "_etext":
        etext = addr
    if kind not in "tTWw" or name.startswith("$") or name.startswith(".L"):
        continue
    syms.append((addr, name))

if etext is None:
    sys.exit("kallsyms: no _etext in the symbol list")
syms = sorted(set(s for s in syms if s[0] < etext))
syms.append((etext, "_etext"))

out = ['\t.section ".kallsyms", "a"', "\t.align 2",
       "\t.globl kallsyms_num, kallsyms_addrs, kallsyms_name_offsets, kallsyms_names",
       "kallsyms_num:", "\t.word %d" % len(syms), "kallsyms_addrs:"]
out += ["\t.word 0x%08x" % a for a, _ in syms]
out.append("kallsyms_name_offsets:")
off = 0
for _, n in syms:
    out.append("\t.word %d" % off)
    off += len(n) + 1
out.append("kallsyms_names:")
out += ['\t.asciz "%s"' % n for _, n in syms]
print("\n".join(out))

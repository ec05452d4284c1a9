#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# LogFS host tools, end to end: every tool's --help; norimage of a host
# tree into a partition of a 64 MiB NOR bank; fsck clean; files, symlink
# and directory read back byte for byte with logfs-tool; put/rm change the
# image and fsck stays clean; a block image the same way; a damaged image
# is reported, not crashed on.  Prints KTAP.
T=${O:-build}/host/tools
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
bad() { n=$((n + 1)); fail=1; echo "not ok $n $1"; }
check() { local name=$1; shift; if "$@" >"$W/out" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/# /' "$W/out"; fi; }

echo "KTAP version 1"
echo "1..14"
mkdir -p "$W/src/sub/deeper"
echo hello >"$W/src/a.txt"
head -c 700000 /dev/urandom >"$W/src/sub/big.bin"
: >"$W/src/empty"
ln -s a.txt "$W/src/link"
P="--offset 16M --part-size 32M"

check "help texts" bash -c "for t in mkfs.logfs fsck.logfs logfs-tool norimage; do $T/\$t --help | grep -q usage || exit 1; done"
check "norimage builds a 64 MiB bank" $T/norimage -o "$W/nor.img" $P "$W/src"
check "image is 64 MiB" test "$(stat -c %s "$W/nor.img")" = 67108864
check "outside the partition stays erased" bash -c "head -c 16M '$W/nor.img' | tr -d '\377' | wc -c | grep -qx 0"
check "fsck clean" $T/fsck.logfs $P "$W/nor.img"
check "big file round trip" bash -c "$T/logfs-tool $P '$W/nor.img' get /sub/big.bin '$W/big' && cmp '$W/big' '$W/src/sub/big.bin'"
check "small file and symlink" bash -c "test \"\$($T/logfs-tool $P '$W/nor.img' cat /a.txt)\" = hello && $T/logfs-tool $P '$W/nor.img' stat /link | grep -q 'mode 120777'"
check "empty file and directories" bash -c "$T/logfs-tool $P '$W/nor.img' stat /empty | grep -q 'size 0' && $T/logfs-tool $P '$W/nor.img' ls /sub | grep -q deeper"
check "put, rm, fsck" bash -c "$T/logfs-tool $P '$W/nor.img' put /etc/hostname /h && $T/logfs-tool $P '$W/nor.img' rm /sub/big.bin && $T/logfs-tool $P '$W/nor.img' cat /h | cmp - /etc/hostname && $T/fsck.logfs $P '$W/nor.img'"
check "missing file is an error" bash -c "! $T/logfs-tool $P '$W/nor.img' cat /nope"
check "block image" bash -c "$T/mkfs.logfs --blkio --size 8M '$W/blk.img' '$W/src' && $T/fsck.logfs --blkio '$W/blk.img' && $T/logfs-tool --blkio '$W/blk.img' get /sub/big.bin '$W/big2' && cmp '$W/big2' '$W/src/sub/big.bin'"
check "compressed image" bash -c "$T/mkfs.logfs --compress --size 8M --erase-size 64K '$W/c.img' '$W/src' && $T/fsck.logfs --erase-size 64K '$W/c.img' && $T/logfs-tool --erase-size 64K '$W/c.img' cat /a.txt | grep -qx hello"
# wipe the journal: no anchor left -> mount refuses with a message, rc 8
check "destroyed image is refused" bash -c "cp '$W/blk.img' '$W/bad.img' && dd if=/dev/zero of='$W/bad.img' bs=128K count=2 conv=notrunc 2>/dev/null; $T/fsck.logfs --blkio '$W/bad.img'; test \$? = 8"
# flip bytes in the log area: fsck must not crash (0, 4 or 8)
check "damaged image does not crash fsck" bash -c "cp '$W/blk.img' '$W/bad2.img' && printf '\x55\x55\x55\x55' | dd of='$W/bad2.img' bs=1 seek=300000 conv=notrunc 2>/dev/null; $T/fsck.logfs --blkio '$W/bad2.img'; rc=\$?; test \$rc = 0 -o \$rc = 4 -o \$rc = 8"
exit $fail

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The target's mkfs.logfs and fsck.logfs (ARM, user/sbin, run under
# qemu-arm) against the host tools (tools/logfs), which link the same
# fs/logfs as the kernel: what one formats the other accepts, both ways;
# the host writes on a target-formatted image; a LZ4-compressed image is
# checked; formatting over a used filesystem leaves an empty one (not the
# old one); a damaged image gives the same problem lines from both fscks;
# random bytes are refused by both.  Prints KTAP; run from the top.
O=${O:-build}
QEMU=$(command -v qemu-arm)
if [ -z "$QEMU" ]; then
	echo "KTAP version 1"
	echo "1..0 # SKIP qemu-arm not installed (apt-get install qemu-user)"
	exit 0
fi
S=$O/user/sbin
T=$O/host/tools
if ! MAKEFLAGS= make -s -j2 -f user/user.mk O="$O" "$S/mkfs.logfs" "$S/fsck.logfs" >&2 ||
   ! MAKEFLAGS= make -s -j2 O="$O" host-tools >&2; then
	echo "KTAP version 1"
	echo "1..1"
	echo "not ok 1 build the programs"
	exit 1
fi
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
bad() { n=$((n + 1)); fail=1; echo "not ok $n $1"; }
check() { local name=$1; shift; if "$@" >"$W/out" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/# /' "$W/out"; fi; }
amkfs() { "$QEMU" "$S/mkfs.logfs" "$@"; }
afsck() { "$QEMU" "$S/fsck.logfs" "$@"; }
export -f amkfs afsck
export QEMU S T W

echo "KTAP version 1"
echo "1..7"
mkdir -p "$W/src/sub"
echo hello >"$W/src/a.txt"
head -c 700000 /dev/urandom >"$W/src/sub/big.bin"
"$T/mkfs.logfs" --blkio --size 8M "$W/tree.img" "$W/src" >/dev/null

check "target mkfs, host fsck" bash -c "amkfs -s 8M '$W/a.img' && $T/fsck.logfs --blkio '$W/a.img'"
check "host writes on it, target fsck" bash -c "$T/logfs-tool --blkio '$W/a.img' put '$W/src/sub/big.bin' /big && $T/logfs-tool --blkio '$W/a.img' mkdir /d && afsck '$W/a.img' | grep -qx '.*: clean' && $T/logfs-tool --blkio '$W/a.img' get /big '$W/big' && cmp '$W/big' '$W/src/sub/big.bin'"
check "host image with files, target fsck" bash -c "afsck '$W/tree.img' | grep -qx '.*: clean'"
check "compressed host image, target fsck" bash -c "$T/mkfs.logfs --blkio --compress --size 8M '$W/c.img' '$W/src' && afsck '$W/c.img' | grep -qx '.*: clean'"
# the old anchors have higher sequence numbers than the new one's
check "target mkfs over a used filesystem: empty" bash -c "cp '$W/tree.img' '$W/re.img' && amkfs '$W/re.img' && test -z \"\$($T/logfs-tool --blkio '$W/re.img' ls /)\" && $T/fsck.logfs --blkio '$W/re.img' && afsck '$W/re.img'"
# a DATA object of big.bin broken: mount works, both fscks list the same
check "damaged image: same problems from both" bash -c "cp '$W/tree.img' '$W/bad.img' && printf '\x55\x55\x55\x55' | dd of='$W/bad.img' bs=1 seek=300000 conv=notrunc 2>/dev/null; afsck '$W/bad.img' >'$W/a.out' 2>/dev/null; test \$? = 1 || exit 1; $T/fsck.logfs --blkio '$W/bad.img' >'$W/h.out' 2>/dev/null; test \$? = 4 || exit 1; grep -v ': [0-9]* problems\$' '$W/h.out' >'$W/h.lines'; grep -v 'problems\\? found\$' '$W/a.out' | sed 's/^[^:]*: //' >'$W/a.lines'; test -s '$W/a.lines' && diff '$W/a.lines' '$W/h.lines'"
check "random bytes: both refuse" bash -c "head -c 4M /dev/urandom >'$W/r.img'; afsck '$W/r.img'; test \$? = 1 || exit 1; $T/fsck.logfs --blkio '$W/r.img'; test \$? = 8"
exit $fail

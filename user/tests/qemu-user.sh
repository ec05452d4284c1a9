#!/bin/bash
# Host script test (KTAP): build user space and run its test programs
# under qemu-arm, which implements the same Linux ARM EABI system calls
# our kernel does.  Prints selftest's KTAP (one subtest per program) and
# exits non-zero if any failed; a KTAP SKIP plan if qemu-arm is missing.
# Run from the top of the tree.  Tests that need our kernel's mounts
# (fileops on /, /data, /secure) are not run here; fileops runs on a
# scratch directory instead.
O=${O:-build}
QEMU=$(command -v qemu-arm)
if [ -z "$QEMU" ]; then
	echo "KTAP version 1"
	echo "1..0 # SKIP qemu-arm not installed (apt-get install qemu-user)"
	exit 0
fi
if ! MAKEFLAGS= make -s -j2 -f user/user.mk O="$O" user >&2; then
	echo "KTAP version 1"
	echo "1..1"
	echo "not ok 1 build user space"
	exit 1
fi
W=$(mktemp -d /tmp/user-tests.XXXXXX)
trap 'cd /; rm -rf "$W"' EXIT
# The host kernel cannot exec ARM programs by itself (no binfmt_misc):
# the C runtime re-runs them through qemu-arm when this is set.
export USER_EXEC_WRAPPER=$QEMU
export SELFTEST_DIR=$PWD/$O/rootfs/usr/lib/selftest
export FILEOPS_ANY_DIR=1 TMPDIR=$W
TOP=$PWD
cd "$W"
PATH=$TOP/$O/user/bin:/usr/bin:/bin "$QEMU" "$TOP/$O/user/bin/selftest" -t 120 \
	syscall proc pipe poll signal thread fault fileops_tmp mkfs sh sysfuzz

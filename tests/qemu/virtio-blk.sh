#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# QEMU scenario: virtio-blk read/write/verify on a disk image.
#
# Environment (set by the runner):
#   ZIMAGE     the kernel image
#   DTB        the board's DTB, or empty for boards whose DTB QEMU makes
#   QEMU_BASE  the board's QEMU command (qemu-system-arm -M ... -nographic
#              -semihosting ...), without -kernel/-dtb/-append/drives
#   O          the build directory; images go under $O/tests/
# Output: KTAP v1 on stdout (the kernel's own, plus one host-side check
# appended to its plan as a separate document line).  Exit 0 on success.
#
# The image: 4 MiB, an MBR with one Linux partition from sector 2048,
# "ktest-host-pattern" in the partition's first sector.  The kernel suite
# virtio_blk checks that, writes and verifies on vda, and writes
# "ktest-kernel-wrote" at partition sector 10, which is checked here.
set -u
: "${ZIMAGE:?}" "${QEMU_BASE:?}" "${O:?}"
DTB=${DTB:-}
dir=$O/tests/virtio-blk
img=$dir/disk.img
mkdir -p "$dir"
rm -f "$img"
truncate -s 4M "$img"
printf 'label: dos\nstart=2048, type=83\n' | sfdisk -q "$img" >/dev/null || exit 1
printf 'ktest-host-pattern\0' | dd of="$img" bs=512 seek=2048 conv=notrunc status=none

export QEMU_AUDIO_DRV=none
timeout 30 $QEMU_BASE -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} \
	-append "selftest=virtio_blk ktest_disk=vda" \
	-drive if=none,file="$img",format=raw,id=d0 -device virtio-blk-device,drive=d0 \
	> "$dir/console.log" 2>&1
rc=$?
# Pass the kernel's KTAP through (log lines start with '[').
grep -v '^\[' "$dir/console.log" | tr -d '\r'
if [ $rc -ne 0 ]; then
	echo "# virtio-blk: QEMU exited with $rc" ; exit 1
fi
grep -q '^ok 1 virtio_blk' "$dir/console.log" && ! grep -q 'SKIP' "$dir/console.log" ||
	{ echo "# virtio_blk suite did not pass (or skipped)"; exit 1; }
got=$(dd if="$img" bs=512 skip=$((2048 + 10)) count=1 status=none | head -c 18)
if [ "$got" != "ktest-kernel-wrote" ]; then
	echo "# host check: pattern written by the kernel not found in the image"
	exit 1
fi
echo "# host check: the kernel's write reached the image"
exit 0

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# QEMU scenario: CFI NOR flash keeps what was programmed across a reboot.
#
# Environment (set by the runner):
#   ZIMAGE     the kernel image
#   DTB        the board's DTB, or empty for boards whose DTB QEMU makes
#   QEMU_BASE  the board's QEMU command (qemu-system-arm -M ... -nographic
#              -semihosting ...), without -kernel/-dtb/-append/drives
#   O          the build directory; images go under $O/tests/
# Output: KTAP v1 on stdout, one test per boot.  Exit 0 on success.
#
# The second NOR bank is backed by a 64 MiB file (-drive if=pflash,
# index=1).  Boot 1 runs cfi_persist=write: it erases the last block of
# the scratch area and programs a pattern.  The file is checked from the
# host, then boot 2 (cfi_persist=verify, same file) must read the pattern
# back.  Boot 3, on a blank file, must FAIL the same verify: the check
# can tell a kept pattern from a missing one.
set -u
: "${ZIMAGE:?}" "${QEMU_BASE:?}" "${O:?}"
DTB=${DTB:-}
dir=$O/tests/cfi-persist
img=$dir/nor1.img
blank=$dir/blank.img
mkdir -p "$dir"
rm -f "$img" "$blank"
truncate -s 64M "$img"
truncate -s 64M "$blank"
# The scratch area's last block: 64 MiB - 256 KiB on both QEMU boards.
pattern_ofs=$((0x3fc0000))

export QEMU_AUDIO_DRV=none
boot() {	# boot MODE IMAGE LOG
	timeout 30 $QEMU_BASE -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} \
		-append "selftest=cfi_persist cfi_persist=$1" \
		-drive if=pflash,index=1,format=raw,file="$2" 2>&1 | tr -d '\r' > "$3"
	return "${PIPESTATUS[0]}"
}

echo "KTAP version 1"
echo "1..3"
fail=0

boot write "$img" "$dir/boot1.log"; rc=$?
got=$(dd if="$img" bs=1 skip=$pattern_ofs count=17 status=none)
if [ $rc -eq 0 ] && grep -q '^    ok 1 cfi_persist$' "$dir/boot1.log" && \
   [ "$got" = "ktest-cfi-persist" ]; then
	echo "ok 1 boot1_write_reaches_backing_file"
else
	echo "# rc=$rc, file holds '$got'"; sed 's/^/# /' "$dir/boot1.log" | tail -20
	echo "not ok 1 boot1_write_reaches_backing_file"; fail=1
fi

boot verify "$img" "$dir/boot2.log"; rc=$?
if [ $rc -eq 0 ] && grep -q '^    ok 1 cfi_persist$' "$dir/boot2.log"; then
	echo "ok 2 boot2_reads_pattern_back"
else
	sed 's/^/# /' "$dir/boot2.log" | tail -20
	echo "not ok 2 boot2_reads_pattern_back"; fail=1
fi

boot verify "$blank" "$dir/boot3.log"; rc=$?
if [ $rc -ne 0 ] && grep -q '^    not ok 1 cfi_persist' "$dir/boot3.log"; then
	echo "ok 3 blank_flash_fails_verify"
else
	sed 's/^/# /' "$dir/boot3.log" | tail -20
	echo "not ok 3 blank_flash_fails_verify"; fail=1
fi
exit $fail

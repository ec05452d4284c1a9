#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# QEMU scenario: partition tables made by sfdisk (util-linux), read by the
# kernel from two virtio-blk disks.
#
# Environment (set by the runner; see tests/qemu/cfi-persist.sh):
#   ZIMAGE, DTB, QEMU_BASE, O   as for every scenario
# Needs sfdisk.  Output: KTAP v1.  Exit 0 on success.
#
# Disk 1 (16 MiB): an MBR with a primary partition, an extended one and
# three logical partitions in it (numbered 5, 6, 7).  Disk 2 (8 MiB): a
# GPT with three partitions whose primary header (LBA 1) is then zeroed,
# so only the backup header at the last LBA can give them.  The kernel
# logs each partition it registers ("vda5: sectors S..E"); every one that
# `sfdisk -d` lists (the extended container aside) must be there with
# the same start and size, and no other.  The boot runs only the block
# suite: the partition scan happens when the disks register.
set -u
: "${ZIMAGE:?}" "${QEMU_BASE:?}" "${O:?}"
DTB=${DTB:-}
dir=$O/tests/partitions
mkdir -p "$dir"
rm -f "$dir"/*.img "$dir"/*.log
export QEMU_AUDIO_DRV=none

echo "KTAP version 1"
echo "1..2"
mbr=$dir/mbr.img
gpt=$dir/gpt.img
truncate -s 16M "$mbr"
sfdisk -q "$mbr" > /dev/null <<EOF || { echo "# sfdisk (MBR) failed"; exit 1; }
label: dos
start=2048, size=4096, type=83
start=6144, type=5
start=8192, size=2048, type=83
start=12288, size=4096, type=c
size=1024, type=83
EOF
truncate -s 8M "$gpt"
sfdisk -q "$gpt" > /dev/null <<EOF || { echo "# sfdisk (GPT) failed"; exit 1; }
label: gpt
start=2048, size=2048
start=4096, size=4096
size=1024
EOF
# "N START SIZE" per partition sfdisk made, extended containers aside.
expected() {
	sfdisk -d "$1" | awk '/ : start=/ {
		match($1, /[0-9]+$/); n = substr($1, RSTART)
		s = $0; sub(/.*start= */, "", s)
		z = $0; sub(/.*size= */, "", z)
		t = $0; sub(/.*type=/, "", t); sub(/,.*/, "", t)
		if (t != "5" && t != "f" && t != "85") print n, s + 0, z + 0 }'
}
expected "$mbr" > "$dir/mbr.want"
expected "$gpt" > "$dir/gpt.want"
dd if=/dev/zero of="$gpt" bs=512 seek=1 count=1 conv=notrunc status=none

log=$dir/console.log
timeout 60 $QEMU_BASE -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} -append "selftest=block" \
	-drive if=none,file="$mbr",format=raw,id=d0 -device virtio-blk-device,drive=d0 \
	-drive if=none,file="$gpt",format=raw,id=d1 -device virtio-blk-device,drive=d1 \
	2>&1 | tr -d '\r' > "$log"
rc=${PIPESTATUS[0]}
[ "$rc" = 0 ] || echo "# QEMU exited with $rc"

# The kernel's name for the disk of @1 sectors, then its partitions as
# "N START SIZE".
disk_of() {
	sed -n "s/^\[[ 0-9.]*\] block: \([a-z]*\): $1 sectors of 512 bytes.*/\1/p" "$log" | head -1
}
found() {
	sed -n "s/^\[[ 0-9.]*\] block: $1\([0-9]*\): sectors \([0-9]*\)\.\.\([0-9]*\)$/\1 \2 \3/p" "$log" |
		awk '{ print $1, $2, $3 - $2 + 1 }'
}

fail=0
check() {	# check N NAME SECTORS WANTFILE [LOG PATTERN]
	local disk got
	disk=$(disk_of "$3")
	got=$([ -n "$disk" ] && found "$disk")
	if [ "$rc" = 0 ] && [ -n "$disk" ] && [ "$got" = "$(cat "$4")" ] &&
	   { [ -z "${5:-}" ] || grep -q -- "$disk: $5" "$log"; }; then
		echo "ok $1 $2"
	else
		echo "# disk ${disk:-(not found)}: sfdisk made"
		sed 's/^/#   /' "$4"
		echo "# the kernel found"
		printf '%s\n' "$got" | sed 's/^/#   /'
		grep -E "partitions:|block: vd" "$log" | sed 's/^/# /'
		echo "not ok $1 $2"
		fail=1
	fi
}
check 1 mbr_logical_partitions_as_sfdisk_made_them 32768 "$dir/mbr.want"
check 2 gpt_backup_header_when_primary_zeroed 16384 "$dir/gpt.want" "primary GPT damaged"
exit $fail

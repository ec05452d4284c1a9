#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# QEMU scenario: real power cuts on /data (LogFS on the FTL on CFI NOR).
#
# Environment (set by the runner; see tests/qemu/cfi-persist.sh):
#   ZIMAGE, DTB, QEMU_BASE, O   as for every scenario
#   ROOTFS     the compressed root image (default $O/rootfs.cloop)
#   CUTS       power cuts (default 20; `make torture` sets thousands)
#   SEED       seed for the cut moments (default: random; printed, so a
#              failure can be replayed with SEED=... CUTS=...)
# Output: KTAP v1, one test per boot.  Exit 0 on success.
#
# The second NOR bank is a file that starts blank (first boot formats the
# FTL and LogFS).  Each boot runs user/tests/t-powercut.c as init: it
# mounts /data with a read-only fsck ("check"), verifies what the previous
# boots made durable, then writes and fsyncs generation after generation,
# printing "pc: synced N" after each fsync.  This script kills QEMU
# (SIGKILL: nothing is flushed, like pulling the plug) at a random moment
# of that workload and boots again with the newest N it saw.  Every boot
# must find the fsck clean and every fsync'd file intact.  A last boot
# only verifies.
set -u
: "${ZIMAGE:?}" "${QEMU_BASE:?}" "${O:?}"
DTB=${DTB:-}
ROOTFS=${ROOTFS:-$O/rootfs.cloop}
CUTS=${CUTS:-20}
SEED=${SEED:-$((RANDOM * 32768 + RANDOM))}
dir=$O/tests/data-powercut
img=$dir/nor1.img

echo "KTAP version 1"
if [ ! -f "$ROOTFS" ] || [ -z "$DTB" ]; then
	echo "1..0 # SKIP needs the root image and a board DTB with the data partition"
	exit 0
fi
mkdir -p "$dir"
rm -f "$img" "$dir"/boot*.log
truncate -s 64M "$img"
echo "1..$((CUTS + 1))"
echo "# seed $SEED (replay: SEED=$SEED CUTS=$CUTS)"
RANDOM=$SEED

export QEMU_AUDIO_DRV=none
start_boot() {	# start_boot SYNCED GEN LOG: QEMU in the background, pid in $qpid
	$QEMU_BASE -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} -initrd "$ROOTFS" \
		-drive if=pflash,index=1,format=raw,file="$img" \
		-append "init=/usr/lib/selftest/t-powercut pc.synced=$1 pc.gen=$2" \
		< /dev/null > "$3" 2>&1 &
	qpid=$!
}

# Wait until LOG shows the workload running, or QEMU ends; 60 s at most.
wait_working() {
	local i
	for i in $(seq 1 600); do
		grep -q "pc: working" "$1" && return 0
		kill -0 "$qpid" 2> /dev/null || return 1
		sleep 0.1
	done
	return 1
}

# Did boot LOG verify cleanly?  The first boot has nothing to fsck yet.
boot_ok() {	# boot_ok LOG FIRST
	grep -q "pc: verify ok" "$1" || return 1
	[ "$2" = 1 ] || grep -q "ftl:data: fsck: clean" "$1"
}

# stdin without an unterminated last line.
complete_lines() {
	awk '{ if (NR > 1) print prev; prev = $0 } END { if (NR && ended) print prev }' \
		ended="$([ -z "$(tail -c 1 "$log")" ] && echo 1)"
}

fail=0
synced=-1
total_gens=0
for k in $(seq 1 "$CUTS"); do
	log=$dir/boot$k.log
	: > "$log"	# exists before QEMU writes to it: wait_working greps it
	start_boot "$synced" "$((synced + 1))" "$log"
	if ! wait_working "$log"; then
		kill -9 "$qpid" 2> /dev/null
		wait "$qpid" 2> /dev/null
		tr -d '\r' < "$log" | tail -20 | sed 's/^/# /'
		echo "# boot $k: the workload never started"
		echo "not ok $k cut_$k"
		fail=1
		continue
	fi
	# Cut somewhere in the first 1.5 s of writing.
	sleep "$(printf '0.%03d' $((RANDOM % 1000)))"
	[ $((RANDOM % 2)) = 0 ] && sleep 0.5
	kill -9 "$qpid" 2> /dev/null
	wait "$qpid" 2> /dev/null
	first=$([ "$k" = 1 ] && echo 1 || echo 0)
	# Complete lines only: the cut may land inside "pc: synced 3745",
	# and a "pc: synced 37" left behind would claim the wrong generation.
	last=$(tr -d '\r' < "$log" | complete_lines | sed -n 's/^pc: synced \([0-9]*\)$/\1/p' | tail -1)
	if boot_ok "$log" "$first"; then
		echo "# boot $k verified up to gen $synced, fsync'd up to ${last:-nothing} before the cut"
		echo "ok $k cut_$k"
	else
		tr -d '\r' < "$log" | grep -E "pc: |fsck|logfs|ftl" | tail -20 | sed 's/^/# /'
		echo "not ok $k cut_$k"
		fail=1
	fi
	if [ -n "$last" ]; then
		total_gens=$((total_gens + last - synced))
		synced=$last
	fi
done

log=$dir/final.log
timeout 60 $QEMU_BASE -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} -initrd "$ROOTFS" \
	-drive if=pflash,index=1,format=raw,file="$img" \
	-append "init=/usr/lib/selftest/t-powercut pc.synced=$synced pc.gen=-1" \
	< /dev/null > "$log" 2>&1
if boot_ok "$log" 0; then
	echo "# $total_gens generations fsync'd across $CUTS cuts"
	echo "ok $((CUTS + 1)) final_verify"
else
	tr -d '\r' < "$log" | tail -20 | sed 's/^/# /'
	echo "not ok $((CUTS + 1)) final_verify"
	fail=1
fi
exit $fail

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# QEMU scenario: the integrated system as a user meets it, across a reboot.
#
# Environment (set by the runner; see tests/qemu/cfi-persist.sh):
#   ZIMAGE, DTB, QEMU_BASE, O   as for every scenario
#   ROOTFS     the compressed root image (default $O/rootfs.cloop)
# Output: KTAP v1.  Exit 0 on success.
#
# Boot 1, on a blank second NOR bank (a file): /sbin/init mounts /data
# (first boot: the FTL and LogFS are formatted), /etc/rc creates the
# encrypted /secure container and asks for a new passphrase on the
# console, which this script types (after each prompt: cryptsetup flushes
# type-ahead, as it should).  At the shell it writes a file to /data and
# one to /secure, then powers off.  Boot 2, same flash: rc asks for the
# passphrase again; a wrong one first (refused), then the right one; the
# shell reads both files back.  The console is driven through a FIFO.
set -u
: "${ZIMAGE:?}" "${QEMU_BASE:?}" "${O:?}"
DTB=${DTB:-}
ROOTFS=${ROOTFS:-$O/rootfs.cloop}
dir=$O/tests/data-persist
img=$dir/nor1.img
PASS="correct horse 42"

echo "KTAP version 1"
if [ ! -f "$ROOTFS" ] || [ -z "$DTB" ]; then
	echo "1..0 # SKIP needs the root image and a board DTB with the data partition"
	exit 0
fi
mkdir -p "$dir"
rm -f "$img" "$dir"/*.log "$dir/console"
truncate -s 64M "$img"
echo "1..6"
export QEMU_AUDIO_DRV=none

. "$(dirname "$0")/lib/console.sh"

boot() {	# boot LOG: QEMU in the background, its console input on fd 3
	console_boot "$1" -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} -initrd "$ROOTFS" \
		-drive if=pflash,index=1,format=raw,file="$img"
}

# A shell command whose output proves it ran: "x=TAG; CMD && echo $x-ok".
shell_ok() {	# shell_ok TAG COMMAND
	console_send "x=$1; $2 && echo \$x-ok"
	console_expect "$1-ok" 30
}

finish() {	# power off and wait for QEMU to end (tests/qemu/power.sh checks it ends)
	console_send "poweroff"
	console_exited 30 || echo "# QEMU still running 30 s after poweroff: killed"
	console_finish 0
}

result() {	# result N NAME: ok if the last step succeeded
	local rc=$?
	if [ $rc = 0 ]; then
		echo "ok $1 $2"
	else
		tr -d '\r' < "$log" | tail -25 | sed 's/^/# /'
		echo "not ok $1 $2"
		fail=1
	fi
}

fail=0

boot "$dir/boot1.log"
console_expect "Enter passphrase" && console_send "$PASS" &&
	console_expect "Verify passphrase" && console_send "$PASS" &&
	console_expect "Enter passphrase" && console_send "$PASS" &&
	console_expect "/secure: mounted"
result 1 boot1_creates_secure_with_new_passphrase
shell_ok W1 "echo kept-on-data > /data/hello && echo kept-secret > /secure/hello && sync"
result 2 boot1_writes_data_and_secure
grep -a -q "ftl:data: no filesystem yet: formatting" "$log"
result 3 boot1_formatted_data
finish

boot "$dir/boot2.log"
console_expect "Enter passphrase" && console_send "not the passphrase" &&
	console_expect "Enter passphrase" && console_send "$PASS" && console_expect "/secure: mounted"
result 4 boot2_wrong_passphrase_refused_right_one_opens
shell_ok R1 '[ "$(cat /data/hello)" = kept-on-data ]'
result 5 boot2_reads_data
shell_ok R2 '[ "$(cat /secure/hello)" = kept-secret ]'
result 6 boot2_reads_secure
finish
exit $fail

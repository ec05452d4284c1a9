#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# QEMU scenario: power-off and restart from the shell reach the board's
# power controller (vexpress: the system registers' SYS_CFGCTRL shutdown
# and reboot functions; virt: PSCI SYSTEM_OFF and SYSTEM_RESET).
#
# Environment (set by the runner; see tests/qemu/cfi-persist.sh):
#   ZIMAGE, DTB, QEMU_BASE, O   as for every scenario
#   ROOTFS     the compressed root image (default $O/rootfs.cloop); without
#              it only the in-kernel shell is tried
#   POWER_SECS how long QEMU may take to end after "poweroff" (default 5)
# Output: KTAP v1, one test per boot.  Exit 0 on success.
#
# Each shell, the in-kernel one (no initrd) and /bin/sh (the root image:
# /sbin/init, /etc/rc, then the shell; /bin/poweroff and /bin/reboot call
# reboot(2)), is driven through the console:
#   - "poweroff": QEMU must end by itself, with status 0, within
#     POWER_SECS (not through semihosting, which self-tests use);
#   - "reboot": the kernel banner must appear a second time and the shell
#     come back, then "poweroff" ends QEMU as above.  The in-kernel shell
#     also restarts with two CPUs (the secondaries go through the reset).
set -u
: "${ZIMAGE:?}" "${QEMU_BASE:?}" "${O:?}"
DTB=${DTB:-}
ROOTFS=${ROOTFS:-$O/rootfs.cloop}
POWER_SECS=${POWER_SECS:-5}
dir=$O/tests/power
mkdir -p "$dir"
rm -f "$dir"/*.log
export QEMU_AUDIO_DRV=none
. "$(dirname "$0")/lib/console.sh"
BANNER="Kernel version "

echo "KTAP version 1"
shells=kernel
[ -f "$ROOTFS" ] && shells="kernel user"
echo "1..$([ -f "$ROOTFS" ] && echo 5 || echo 3)"
[ -f "$ROOTFS" ] || echo "# no root image ($ROOTFS): the in-kernel shell only"

fail=0
n=0
result() {	# result NAME STATUS: a KTAP line; the log's tail on failure
	n=$((n + 1))
	if [ "$2" = 0 ]; then
		echo "ok $n $1"
	else
		console_text | tail -25 | sed 's/^/# /'
		echo "not ok $n $1"
		fail=1
	fi
}

# boot SHELL LOG [QEMU args...]: the kernel, with the root image for "user".
boot() {
	local shell=$1 file=$2
	shift 2
	if [ "$shell" = user ]; then
		console_boot "$file" -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} -initrd "$ROOTFS" "$@"
	else
		console_boot "$file" -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} "$@"
	fi
}

# poweroff_ends_qemu: "poweroff" at the prompt; QEMU ends by itself, status 0.
poweroff_ends_qemu() {
	console_send poweroff
	if ! console_exited "$POWER_SECS"; then
		echo "# QEMU still running ${POWER_SECS} s after poweroff"
		return 1
	fi
	echo "# QEMU ended ${qsecs} s after poweroff, status $qrc"
	[ "$qrc" = 0 ] || return 1
	! console_text | grep -a -q "did not power off\|no way to power off"
}

for shell in $shells; do
	boot "$shell" "$dir/$shell-poweroff.log"
	console_prompt 60 && poweroff_ends_qemu
	result "${shell}_shell_poweroff_ends_qemu" $?
	console_finish 1

	boot "$shell" "$dir/$shell-reboot.log"
	# The first expect takes this boot's banner, the second waits for the next.
	console_prompt 60 && console_expect "$BANNER" 1 && console_send reboot &&
		console_expect "$BANNER" 30 && console_prompt 60 && poweroff_ends_qemu
	result "${shell}_shell_reboot_restarts" $?
	console_finish 1
done

# Two CPUs: both go through the reset, and both come back.
smp=${QEMU_BASE/-smp 1/-smp 2}
QEMU_BASE=$smp boot kernel "$dir/kernel-reboot-smp2.log"
console_prompt 60 && console_expect "2 CPUs online" 1 && console_expect "$BANNER" 1 &&
	console_send reboot && console_expect "$BANNER" 30 &&
	console_expect "2 CPUs online" 30 && console_prompt 60 && poweroff_ends_qemu
result kernel_shell_reboot_restarts_2_cpus $?
console_finish 1
exit $fail

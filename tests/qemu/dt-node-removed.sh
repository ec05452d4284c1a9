#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# QEMU scenario: a device tree with one device node removed, and one with
# that node damaged, still boots; only that device is missing and the
# device-model, device-tree and driver suites pass (the RTC cases skip: no
# RTC).  The other suites do not read the device tree; leaving them out
# keeps each boot to seconds instead of most of a minute.
#
# Environment (set by the runner):
#   ZIMAGE     the kernel image
#   DTB        the board's DTB, or empty for boards whose DTB QEMU makes
#              (then it is dumped with -M ...,dumpdtb= and edited)
#   QEMU_BASE  the board's QEMU command (qemu-system-arm -M ... -nographic
#              -semihosting ...), without -kernel/-dtb/-append/drives
#   O          the build directory; DTBs and logs go under $O/tests/
# Needs fdtget/fdtput (device-tree-compiler).  Output: KTAP v1, one test
# per boot.  Exit 0 on success.
#
# The node is the PL031 RTC (found by compatible, so the script works for
# every board): boot 1 without it, boot 2 with its reg cut to one cell.
set -u
: "${ZIMAGE:?}" "${QEMU_BASE:?}" "${O:?}"
DTB=${DTB:-}
dir=$O/tests/dt-node-removed
mkdir -p "$dir"
export QEMU_AUDIO_DRV=none
base=$dir/board.dtb
if [ -n "$DTB" ]; then
	cp "$DTB" "$base"
else
	# QEMU's own DTB: ask the machine for it (-M <machine>,dumpdtb=FILE).
	machine=$(sed -n 's/.*-M \([^ ]*\).*/\1/p' <<<"$QEMU_BASE")
	$(sed "s| -M $machine | -M $machine,dumpdtb=$base |" <<<" $QEMU_BASE ") >/dev/null 2>&1
	[ -s "$base" ] || { echo "# cannot dump the machine's DTB"; exit 1; }
fi
node=$(dtc -I dtb -O dts "$base" 2>/dev/null | awk '
	/^[ \t]*[^ \t]+ \{/ { name = $1; depth++; path[depth] = name }
	/compatible = .*"arm,pl031[\\"]/ { p = ""; for (i = 2; i <= depth; i++) p = p "/" path[i]; print p; exit }
	/};/ { depth-- }')
[ -n "$node" ] || { echo "# no arm,pl031 node in the DTB"; exit 1; }
echo "KTAP version 1"
echo "1..2"
echo "# removing $node"

SUITES=dm_board,dm_shell,dm_of,dm_core,of_corner_cases,of_board,sp804,tty_pl011,rtc,cfi,mtd,block,devfs_devices,sysfs
boot() {	# boot DTB LOG
	timeout 120 $QEMU_BASE -kernel "$ZIMAGE" -dtb "$1" -append "selftest=$SUITES" 2>&1 |
		tr -d '\r' > "$2"
	return "${PIPESTATUS[0]}"
}

fail=0
cp "$base" "$dir/removed.dtb"
fdtput -r "$dir/removed.dtb" "$node"
boot "$dir/removed.dtb" "$dir/removed.log"; rc=$?
if [ $rc -eq 0 ] && ! grep -q 'rtc0' "$dir/removed.log" &&
   grep -q 'rtc_time_plausible # SKIP no RTC' "$dir/removed.log" &&
   grep -q 'selftest: passed' "$dir/removed.log"; then
	echo "ok 1 node_removed_rest_works"
else
	grep -E 'not ok|rtc|selftest:' "$dir/removed.log" | sed 's/^/# /'
	echo "not ok 1 node_removed_rest_works"; fail=1
fi

cp "$base" "$dir/damaged.dtb"
fdtput -t x "$dir/damaged.dtb" "$node" reg 17000
boot "$dir/damaged.dtb" "$dir/damaged.log"; rc=$?
if [ $rc -eq 0 ] && grep -q "$node: bad reg" "$dir/damaged.log" &&
   ! grep -q 'rtc0' "$dir/damaged.log" && grep -q 'selftest: passed' "$dir/damaged.log"; then
	echo "ok 2 node_damaged_rest_works"
else
	grep -E 'not ok|rtc|bad reg|selftest:' "$dir/damaged.log" | sed 's/^/# /'
	echo "not ok 2 node_damaged_rest_works"; fail=1
fi
exit $fail

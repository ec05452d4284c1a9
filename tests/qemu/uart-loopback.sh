#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# QEMU scenario: PL011 loopback through the interrupt-driven tty path.
#
# Environment (set by the runner):
#   ZIMAGE     the kernel image
#   DTB        the board's DTB, or empty for boards whose DTB QEMU makes
#   QEMU_BASE  the board's QEMU command (qemu-system-arm -M ... -nographic
#              -semihosting -serial stdio ...), without -kernel/-dtb/-append
#   O          the build directory; logs go under $O/tests/
#   UDP_PORT   optional UDP port for the loop (default 47011)
# Output: the kernel's KTAP on stdout.  Exit 0 on success.
#
# The second UART (ttyAMA1) is a QEMU UDP chardev that sends to the port
# it listens on, so every byte written comes back as received data.  The
# kernel suite tty_pl011 runs with uart_loopback=ttyAMA1.  Boards with a
# single UART (QEMU virt) print a skipped plan.
set -u
: "${ZIMAGE:?}" "${QEMU_BASE:?}" "${O:?}"
DTB=${DTB:-}
port=${UDP_PORT:-47011}
dir=$O/tests/uart-loopback
mkdir -p "$dir"
case " $QEMU_BASE " in
*" virt "*|*"-M virt"*) echo "KTAP version 1"; echo "1..0 # SKIP one UART on this board"; exit 0 ;;
esac
export QEMU_AUDIO_DRV=none
timeout 30 $QEMU_BASE -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} \
	-append "selftest=tty_pl011 uart_loopback=ttyAMA1" \
	-serial udp:127.0.0.1:$port@127.0.0.1:$port 2>&1 | tr -d '\r' > "$dir/console.log"
rc=${PIPESTATUS[0]}
grep -v '^\[' "$dir/console.log"
grep -q '^        ok 3 pl011_loopback$\|^    ok 3 pl011_loopback$' "$dir/console.log" || {
	echo "# loopback case did not pass"; exit 1; }
exit $rc

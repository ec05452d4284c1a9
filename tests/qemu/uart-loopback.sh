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
# Output: the kernel's KTAP on stdout.  Exit 0 on success.
#
# The second UART (ttyAMA1) is a QEMU TCP chardev connected to a small echo
# server here, so every byte written comes back as received data.  TCP, not
# UDP: a UDP loop drops datagrams whenever the guest reads slower than it
# writes (a loaded host), and the case then sees fewer bytes than it sent.
# The server listens on a free port the system picks, so parallel runs do
# not meet.  The kernel suite tty_pl011 runs with uart_loopback=ttyAMA1.
# Boards with a single UART (QEMU virt) print a skipped plan.
set -u
: "${ZIMAGE:?}" "${QEMU_BASE:?}" "${O:?}"
DTB=${DTB:-}
dir=$O/tests/uart-loopback
mkdir -p "$dir"
case " $QEMU_BASE " in
*" virt "*|*"-M virt"*) echo "KTAP version 1"; echo "1..0 # SKIP one UART on this board"; exit 0 ;;
esac
export QEMU_AUDIO_DRV=none
# The echo server: one connection, everything it reads sent back.
rm -f "$dir/port"
timeout 40 python3 -c '
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
open(sys.argv[1], "w").write("%d\n" % s.getsockname()[1])
c, _ = s.accept()
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
while True:
    d = c.recv(4096)
    if not d:
        break
    c.sendall(d)
' "$dir/port" 2> /dev/null &
echo_pid=$!
for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.05; done
port=$(cat "$dir/port" 2> /dev/null)
[ -n "$port" ] || { echo "# the echo server did not start"; exit 1; }
timeout 30 $QEMU_BASE -kernel "$ZIMAGE" ${DTB:+-dtb "$DTB"} \
	-append "selftest=tty_pl011 uart_loopback=ttyAMA1" \
	-serial tcp:127.0.0.1:$port,nodelay=on 2>&1 | tr -d '\r' > "$dir/console.log"
rc=${PIPESTATUS[0]}
kill "$echo_pid" 2> /dev/null
wait "$echo_pid" 2> /dev/null
grep -v '^\[' "$dir/console.log"
grep -qE '^ +ok [0-9]+ pl011_loopback$' "$dir/console.log" || {
	echo "# loopback case did not pass"; exit 1; }
exit $rc

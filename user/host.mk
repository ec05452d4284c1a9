# User space on the host: the test programs run under qemu-arm (Linux
# user-mode emulation of the same system-call ABI).
host-script-y += user/tests/qemu-user.sh

# mkfs.logfs and fsck.logfs for the target, against the host tools.
host-script-y += user/logfs/tests/interop.sh

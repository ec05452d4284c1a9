# Selftest mode does not run /etc/rc, so this sets /secure up the way rc
# does, for the fileops_secure suite that follows it: a LUKS1 container
# file on /data, a passphrase from a key file, opened as /dev/crypt-secure,
# formatted by mkfs.logfs and mounted.  Prints KTAP; run as
# "sh secure-setup.sh".  A cheap PBKDF2 iteration count: this is a test.
echo "KTAP version 1"
echo "1..5"
fail=0
img=/data/selftest-secure.img
key=/tmp/selftest-secure.key
echo "selftest passphrase" > $key
echo "wrong passphrase" > $key.bad
rm -f $img
if truncate -s 8M $img; then echo "ok 1 container_file"; else echo "not ok 1 container_file"; fail=1; fi
if cryptsetup luksFormat -q --iter 1000 --key-file $key $img; then echo "ok 2 luks_format"; else echo "not ok 2 luks_format"; fail=1; fi
if cryptsetup open --key-file $key.bad $img secure 2> /dev/null; then
	echo "not ok 3 wrong_passphrase_refused"; fail=1; cryptsetup close secure
else
	echo "ok 3 wrong_passphrase_refused"
fi
if cryptsetup open --key-file $key $img secure; then echo "ok 4 open"; else echo "not ok 4 open"; fail=1; fi
if mkfs.logfs /dev/crypt-secure > /dev/null && mount -t logfs /dev/crypt-secure /secure; then
	echo "ok 5 mkfs_mount"
else
	echo "not ok 5 mkfs_mount"; fail=1
fi
rm -f $key $key.bad
exit $fail

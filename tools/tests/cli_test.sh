#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The host tools as a user runs them, end to end (KTAP on stdout):
# - every tool: --help and -h print usage with defaults on stdout and exit
#   0; an unknown option is one line plus a pointer to --help, exit 2;
# - mkcloop + cloop-extract: byte-exact round trips (an input that is not
#   a multiple of the block size comes back padded; -s cuts it), -i, bad
#   values named with their valid range;
# - cryptloop: format --size, dump, write/read, add-key, remove-key, the
#   last-slot guard, a wrong passphrase refused, ranges past the end
#   refused before any output, plain mode;
# - with cryptsetup (on PATH, in /usr/sbin or /sbin; else those cases
#   SKIP): our container passes luksDump and open --test-passphrase and
#   its sectors decrypt with the master key cryptsetup dumps; a container
#   from cryptsetup luksFormat --type luks1 is read and written by
#   cryptloop, and a key we add opens in cryptsetup;
# - mkfs.logfs from a host directory, logfs-tool ls/cat/get/put/stat/
#   mkdir/rm, fsck.logfs clean before and after.
# Run from the top of the tree; tools are in ${O:-build}/host/tools.
set -u
T=$(cd "${O:-build}/host/tools" && pwd) || exit 1
W=$(mktemp -d /tmp/cli-test.XXXXXX)
trap 'rm -rf "$W"' EXIT
PATH=$PATH:/usr/sbin:/sbin	# where Debian installs cryptsetup
CRYPTSETUP=$(command -v cryptsetup)
n=0
fail=0

# check NAME FUNCTION [ARGS]: one KTAP case; the function's output is shown
# (as comments) only when it fails.
check() {
	local name=$1
	shift
	n=$((n + 1))
	if "$@" >"$W/log" 2>&1; then
		echo "ok $n $name"
	else
		echo "not ok $n $name"
		sed 's/^/# /' "$W/log"
		fail=1
	fi
}
skip() { n=$((n + 1)); echo "ok $n $1 # SKIP $2"; }
# expect STATUS CMD...: run CMD (stdout to $W/stdout, stderr to $W/stderr)
# and require exit status STATUS.
expect() {
	local want=$1 rc
	shift
	"$@" >"$W/stdout" 2>"$W/stderr"
	rc=$?
	[ "$rc" = "$want" ] && return 0
	echo "exit status $rc, expected $want: $*"
	cat "$W/stderr"
	return 1
}
# the last command's stderr mentions TEXT
said() { grep -q -- "$1" "$W/stderr" || { echo "stderr lacks '$1':"; cat "$W/stderr"; return 1; }; }
cl() { "$T/cryptloop" "$@"; }

TOOLS="mkcloop cloop-extract cryptloop bench-block mkfs.logfs fsck.logfs logfs-tool norimage bench-storage"

help_text() {
	local t=$1 opt
	for opt in --help -h; do
		expect 0 "$T/$t" $opt || return 1
		grep -q "^usage: $t" "$W/stdout" || { echo "$t $opt: no usage line"; return 1; }
		grep -q default "$W/stdout" || { echo "$t $opt: no defaults"; return 1; }
		[ ! -s "$W/stderr" ] || { echo "$t $opt wrote to stderr"; return 1; }
	done
}

bad_option() {
	local t=$1
	case $t in
	cryptloop) expect 2 "$T/$t" dump --no-such-option "$W/x" ;;
	logfs-tool) expect 2 "$T/$t" --no-such-option "$W/x" ls / ;;
	*) expect 2 "$T/$t" --no-such-option "$W/x" "$W/y" ;;
	esac || return 1
	[ "$(wc -l <"$W/stderr")" = 2 ] && said "unknown option '--no-such-option'" &&
		said "Try '$t --help'" && [ ! -e "$W/y" ] && [ ! -e "$W/x" ]
}

# --- cloop ---------------------------------------------------------------
cloop_exact() {
	head -c 65536 "$W/odd" >"$W/even"
	"$T/mkcloop" -b 4096 -l 9 "$W/even" "$W/even.cloop" >/dev/null &&
		"$T/cloop-extract" "$W/even.cloop" "$W/even.out" && cmp "$W/even" "$W/even.out"
}

cloop_padded() {
	"$T/mkcloop" --block-size 4K "$W/odd" "$W/odd.cloop" >/dev/null &&
		"$T/cloop-extract" "$W/odd.cloop" "$W/odd.out" || return 1
	# 100000 bytes come back as 25 blocks of 4096: the input, then zeros
	[ "$(stat -c %s "$W/odd.out")" = 102400 ] && cmp -n 100000 "$W/odd" "$W/odd.out" &&
		[ -z "$(tail -c 2400 "$W/odd.out" | tr -d '\0')" ]
}

cloop_cut() {
	"$T/cloop-extract" -s 100000 "$W/odd.cloop" "$W/cut" && cmp "$W/odd" "$W/cut" &&
		"$T/cloop-extract" --size 100000 "$W/odd.cloop" - | cmp - "$W/odd" &&
		expect 1 "$T/cloop-extract" -s 200K "$W/odd.cloop" "$W/big" &&
		said "holds only 102400 bytes" && [ ! -e "$W/big" ]
}

cloop_info() {
	(cd "$W" && "$T/cloop-extract" odd.cloop -i >info) || return 1
	[ ! -e "$W/-i" ] && grep -qx "block_size 4096" "$W/info" &&
		grep -qx "num_blocks 25" "$W/info" && grep -qx "size 102400" "$W/info"
}

cloop_bad() {
	expect 2 "$T/mkcloop" -l 13 "$W/odd" "$W/o" && said "1..12" &&
		expect 2 "$T/mkcloop" -b 1000 "$W/odd" "$W/o" && said "multiple of 512" &&
		expect 2 "$T/mkcloop" -b 8M "$W/odd" "$W/o" && said "512 to 4M" &&
		expect 2 "$T/mkcloop" "$W/odd" && expect 2 "$T/cloop-extract" -i &&
		expect 2 "$T/cloop-extract" -i "$W/odd.cloop" "$W/o" &&
		expect 1 "$T/cloop-extract" "$W/odd" "$W/o" && said "not a cloop" &&
		[ ! -e "$W/o" ]
}

# --- cryptloop -----------------------------------------------------------
crypt_format() {
	expect 1 cl format -k "$W/k1" -i 1000 "$W/c" && said "give --size" &&
		expect 2 cl format -k "$W/k1" --size 2M "$W/c" && said "more than 2M" &&
		[ ! -e "$W/c" ] &&
		expect 0 cl format -k "$W/k1" --size 8M -i 1000 "$W/c" &&
		[ "$(stat -c %s "$W/c")" = 8388608 ] &&
		truncate -s 1M "$W/small" && expect 1 cl format -k "$W/k1" "$W/small" &&
		said "too small"
}

crypt_no_overwrite() {
	local before
	before=$(md5sum <"$W/c")
	expect 1 cl format -k "$W/k2" -i 1000 "$W/c" && said "give --force" &&
		[ "$(md5sum <"$W/c")" = "$before" ]
}

crypt_dump() {
	cl dump "$W/c" >"$W/dump" && grep -q "^Cipher mode:.xts-plain64" "$W/dump" &&
		grep -qx "Key Slot 0: ENABLED" "$W/dump" && grep -qx "Key Slot 1: DISABLED" "$W/dump"
}

crypt_rw() {
	# 5000 bytes from sector 3: 10 sectors, the last one padded with zeros
	cl write -k "$W/k1" "$W/c" 3 <"$W/data" && cl read -k "$W/k1" "$W/c" 3 10 >"$W/back" &&
		[ "$(stat -c %s "$W/back")" = 5120 ] && cmp -n 5000 "$W/data" "$W/back" &&
		[ -z "$(tail -c 120 "$W/back" | tr -d '\0')" ] &&
		! tail -c +$((2 * 1048576 + 3 * 512 + 1)) "$W/c" | cmp -s -n 5000 - "$W/data"
}

crypt_wrong_key() {
	expect 1 cl read -k "$W/k2" "$W/c" 3 1 && said "wrong passphrase" && [ ! -s "$W/stdout" ]
}

crypt_past_end() {
	local before
	before=$(md5sum <"$W/c")
	# 8 MiB - 2 MiB of header: 12288 sectors
	expect 1 cl read -k "$W/k1" "$W/c" 12280 9 && said "past the end" &&
		said "12288 sectors" && [ ! -s "$W/stdout" ] &&
		expect 0 cl read -k "$W/k1" "$W/c" 12280 && [ "$(stat -c %s "$W/stdout")" = 4096 ] &&
		expect 1 cl write -k "$W/k1" "$W/c" 12280 <"$W/data" && said "past the end" &&
		[ "$(md5sum <"$W/c")" = "$before" ]
}

crypt_add_key() {
	cl add-key -k "$W/k1" -n "$W/k2" -i 1000 "$W/c" | grep -qx "key slot 1 added" &&
		cl read -k "$W/k2" "$W/c" 3 10 | cmp - "$W/back"
}

crypt_remove_key() {
	cl remove-key -k "$W/k2" -s 0 "$W/c" | grep -qx "key slot 0 removed" &&
		expect 1 cl read -k "$W/k1" "$W/c" 3 1 && said "wrong passphrase" &&
		expect 1 cl remove-key -k "$W/k2" -s 0 "$W/c" && said "not in use"
}

crypt_last_slot() {
	local before
	before=$(md5sum <"$W/c")
	expect 1 cl remove-key -k "$W/k2" -s 1 "$W/c" && said "last one" && said "--force" &&
		[ "$(md5sum <"$W/c")" = "$before" ] &&
		cl read -k "$W/k2" "$W/c" 3 10 | cmp - "$W/back" &&
		cp "$W/c" "$W/c.forced" &&
		expect 0 cl remove-key -k "$W/k2" -s 1 --force "$W/c.forced" &&
		expect 1 cl read -k "$W/k2" "$W/c.forced" 3 1
}

crypt_plain() {
	local key
	key=$(head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n')
	truncate -s 1M "$W/plain" &&
		cl write -p "$key" -c cbc-essiv:sha256 -o 4096 "$W/plain" 0 <"$W/data" &&
		cl read -p "$key" -c cbc-essiv:sha256 -o 4096 "$W/plain" 0 10 | cmp -n 5000 - "$W/data" &&
		! cl read -p "$key" -o 4096 "$W/plain" 0 10 2>/dev/null | cmp -s -n 5000 - "$W/data"
}

crypt_bad() {
	expect 2 cl remove-key -k "$W/k2" -s 8 "$W/c" && said "0..7" &&
		expect 2 cl remove-key -k "$W/k2" "$W/c" && said "needs -s" &&
		expect 2 cl format -k "$W/k1" -c aes-foo "$W/c" && said "xts-plain64" &&
		expect 2 cl format -k "$W/k1" -i 10 "$W/c" && said "1000" &&
		expect 2 cl read -k "$W/k1" "$W/c" x && said "SECTOR x" &&
		expect 2 cl frob "$W/c" && said "unknown command" &&
		expect 2 cl dump -k "$W/k1" "$W/c" && said "does not apply" &&
		expect 2 cl read -p 0g "$W/c" 0 && said "hex"
}

# --- cryptsetup interop ----------------------------------------------------
# cryptsetup's master key of container $1 (key file $2), as hex.
cs_master_key() {
	"$CRYPTSETUP" luksDump -q --dump-master-key --key-file "$2" "$1" |
		awk '/^MK dump:/ { sub(/^MK dump:/, ""); on = 1 } on && /^[^ \t]/ { exit }
		     on { gsub(/[^0-9a-f]/, ""); printf "%s", $0 }'
}

cs_opens_ours() {
	local mk
	cl format -k "$W/k1" --size 4M -i 1000 "$W/ours" >/dev/null &&
		cl write -k "$W/k1" "$W/ours" 0 <"$W/data" &&
		"$CRYPTSETUP" luksDump "$W/ours" | grep -q "^Cipher mode:.*xts-plain64" &&
		"$CRYPTSETUP" open --test-passphrase --key-file "$W/k1" "$W/ours" &&
		! "$CRYPTSETUP" open --test-passphrase --key-file "$W/k2" "$W/ours" 2>/dev/null &&
		mk=$(cs_master_key "$W/ours" "$W/k1") && [ ${#mk} = 128 ] &&
		cl read -p "$mk" -o 2M "$W/ours" 0 10 | cmp -n 5000 - "$W/data"
}

cs_made_by_cryptsetup() {
	local mk
	truncate -s 4M "$W/theirs" &&
		"$CRYPTSETUP" luksFormat --type luks1 --batch-mode --pbkdf-force-iterations 1000 \
			--key-file "$W/k1" "$W/theirs" || return 3
	cl dump "$W/theirs" | grep -qx "Key Slot 0: ENABLED" &&
		cl write -k "$W/k1" "$W/theirs" 100 <"$W/data" &&
		cl read -k "$W/k1" "$W/theirs" 100 10 | cmp -n 5000 - "$W/data" &&
		mk=$(cs_master_key "$W/theirs" "$W/k1") &&
		cl read -p "$mk" -o 2M "$W/theirs" 100 10 | cmp -n 5000 - "$W/data" &&
		cl add-key -k "$W/k1" -n "$W/k2" -i 1000 "$W/theirs" >/dev/null &&
		"$CRYPTSETUP" open --test-passphrase --key-file "$W/k2" "$W/theirs"
}

# --- LogFS -----------------------------------------------------------------
L="--erase-size 64K"
lt() { "$T/logfs-tool" $L "$W/l.img" "$@"; }

logfs_mkfs() {
	"$T/mkfs.logfs" $L --size 8M "$W/l.img" "$W/tree" &&
		"$T/fsck.logfs" $L "$W/l.img" | grep -qx ".*: 0 problems"
}

logfs_read() {
	lt ls / >"$W/ls" && grep -q " a.txt$" "$W/ls" && grep -q "^d .* sub$" "$W/ls" &&
		grep -q "^l .* link$" "$W/ls" && [ "$(lt cat /a.txt)" = hello ] &&
		lt get /sub/big.bin "$W/big" && cmp "$W/big" "$W/tree/sub/big.bin" &&
		lt stat /sub/big.bin | grep -q "size 300001 " && lt stat /link | grep -q "mode 120777"
}

logfs_write() {
	lt put "$W/data" /sub/new && lt cat /sub/new | cmp - "$W/data" &&
		lt mkdir /d && lt rm /a.txt && ! lt cat /a.txt 2>/dev/null &&
		lt ls / | grep -q "^d .* d$" && "$T/fsck.logfs" $L "$W/l.img" >/dev/null
}

logfs_bad() {
	expect 2 lt frob && said "unknown command" && expect 2 lt ls && said "ls expects PATH" &&
		expect 2 "$T/fsck.logfs" --repair "$W/l.img" extra && said "too many" &&
		expect 2 "$T/mkfs.logfs" --size 12Q "$W/l2.img" && said "e.g. 8M" &&
		expect 2 "$T/mkfs.logfs" --erase-size 100K --size 8M "$W/l2.img" && said "power of 2" &&
		expect 1 lt cat /nope && said "cat /nope: No such file" && [ ! -e "$W/l2.img" ]
}

# --- fixtures ---------------------------------------------------------------
head -c 100000 /dev/urandom >"$W/odd"
head -c 5000 /dev/urandom >"$W/data"
printf 'first passphrase' >"$W/k1"
printf 'second passphrase' >"$W/k2"
mkdir -p "$W/tree/sub/deeper"
echo hello >"$W/tree/a.txt"
head -c 300001 /dev/urandom >"$W/tree/sub/big.bin"
: >"$W/tree/empty"
ln -s a.txt "$W/tree/link"

echo "KTAP version 1"
echo "1..$((2 * 9 + 5 + 11 + 2 + 4))"
for t in $TOOLS; do check "$t --help and -h" help_text "$t"; done
for t in $TOOLS; do check "$t: an unknown option is exit 2" bad_option "$t"; done
check "cloop round trip, whole blocks" cloop_exact
check "cloop round trip, odd size: padded with zeros" cloop_padded
check "cloop-extract -s gives the input back exactly" cloop_cut
check "cloop-extract IMAGE -i prints the geometry" cloop_info
check "cloop tools: bad values say what is valid" cloop_bad
check "cryptloop format --size creates the container" crypt_format
check "cryptloop format keeps a container without --force" crypt_no_overwrite
check "cryptloop dump" crypt_dump
check "cryptloop write and read" crypt_rw
check "cryptloop: a wrong passphrase is refused" crypt_wrong_key
check "cryptloop: past the end is refused first" crypt_past_end
check "cryptloop add-key" crypt_add_key
check "cryptloop remove-key" crypt_remove_key
check "cryptloop: the last key slot needs --force" crypt_last_slot
check "cryptloop plain mode" crypt_plain
check "cryptloop: bad command lines are exit 2" crypt_bad
if [ -z "$CRYPTSETUP" ]; then
	skip "cryptsetup opens a cryptloop container" "cryptsetup not installed"
	skip "cryptloop uses a cryptsetup container" "cryptsetup not installed"
else
	check "cryptsetup opens a cryptloop container" cs_opens_ours
	cs_made_by_cryptsetup >"$W/log" 2>&1
	rc=$?
	if [ $rc = 3 ] && [ "$(id -u)" != 0 ]; then
		skip "cryptloop uses a cryptsetup container" "luksFormat on a file failed (not root)"
	else
		check "cryptloop uses a cryptsetup container" test $rc = 0
		[ $rc = 0 ] || sed 's/^/# /' "$W/log"
	fi
fi
check "mkfs.logfs from a directory, fsck clean" logfs_mkfs
check "logfs-tool ls, cat, get, stat" logfs_read
check "logfs-tool put, mkdir, rm; fsck clean" logfs_write
check "LogFS tools: bad command lines are exit 2" logfs_bad
exit $fail

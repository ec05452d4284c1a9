#!/bin/sh
# Host script test (KTAP): mkcloop and cloop-extract round trips on real
# data (a tar of the tree's sources, the tools' own binaries), random and
# zero data, at several block sizes and LZ4/LZ4HC levels; and a damaged
# image is refused.
# Run from the top of the tree; tools are in ${O:-build}/host/tools.
T=${O:-build}/host/tools
W=$(mktemp -d /tmp/cloop-tools.XXXXXX)
trap 'rm -rf "$W"' EXIT
n=0
fail=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; fail=1; fi; }

tar cf "$W/real" --exclude=./build --exclude=./.git drivers fs crypto include 2>/dev/null
cat "$T/mkcloop" "$T/cloop-extract" > "$W/bin"
head -c 3000000 /dev/urandom > "$W/random"
head -c 5000000 /dev/zero > "$W/zero"
echo "KTAP version 1"
echo "1..9"
for c in "real 16384 0" "real 65536 9" "bin 65536 0" "real 262144 0" "random 65536 0" "zero 4096 12" "real 512 1"; do
	set -- $c
	r=1
	if "$T/mkcloop" -b "$2" -l "$3" "$W/$1" "$W/img" >/dev/null &&
	   "$T/cloop-extract" "$W/img" "$W/out" &&
	   cmp -s -n "$(stat -c %s "$W/$1")" "$W/$1" "$W/out"; then r=0; fi
	ok $r "round trip $1 bs=$2 level=$3"
done
"$T/mkcloop" -b 65536 "$W/real" "$W/img" >/dev/null
sz=$(stat -c %s "$W/img")
printf 'XXXX' | dd of="$W/img" bs=1 seek=$((sz - 136 + 11)) conv=notrunc 2>/dev/null
"$T/cloop-extract" -i "$W/img" >/dev/null 2>&1
ok $(( $? == 0 )) "damaged signature is refused"
"$T/mkcloop" -b 1000 "$W/real" "$W/img" >/dev/null 2>&1
ok $(( $? == 0 )) "mkcloop refuses a block size that is not a multiple of 512"
exit $fail

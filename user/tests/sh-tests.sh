# Shell test suite (KTAP), run by /bin/sh itself: `sh sh-tests.sh [DIR]`.
# Exercises the language (variables, quoting, $?, pipelines, redirections,
# if/while/for, && ||, &, wait, subshells, command substitution, source,
# read) and the utilities.  Written in the subset this shell has: no
# functions and no arithmetic, so each case is spelled out.
W=${1:-/tmp}/sh-tests.$$
mkdir $W || exit 1
cd $W
fail=0
echo "KTAP version 1"
echo "# Subtest: sh"
echo "1..24"

x="a  b"
if [ "$x" = "a  b" ] && [ '$x' = '$'x ] && [ "\$x" = '$x' ]; then echo "ok 1 quoting"; else echo "not ok 1 quoting"; fail=1; fi

false
s1=$?
true
s2=$?
sh -c 'exit 7'
s3=$?
if [ $s1 = 1 ] && [ $s2 = 0 ] && [ $s3 = 7 ]; then echo "ok 2 exit_status"; else echo "not ok 2 exit_status # $s1 $s2 $s3"; fail=1; fi

r=$(echo hello | cat | cat)
if [ "$r" = hello ]; then echo "ok 3 pipeline"; else echo "not ok 3 pipeline # $r"; fail=1; fi

echo one > f
echo two >> f
r=$(cat < f)
if [ "$r" = "one
two" ]; then echo "ok 4 redirect_out_append_in"; else echo "not ok 4 redirect_out_append_in"; fail=1; fi

ls /nonexistent-dir 2> err
r=$(cat err)
ls /nonexistent-dir > out 2>&1
r2=$(cat out)
if [ -n "$r" ] && [ "$r" = "$r2" ]; then echo "ok 5 redirect_stderr"; else echo "not ok 5 redirect_stderr"; fail=1; fi

v=2
if [ $v = 1 ]; then r=one; elif [ $v = 2 ]; then r=two; else r=other; fi
if [ $r = two ]; then echo "ok 6 if_elif_else"; else echo "not ok 6 if_elif_else"; fail=1; fi

i=
while [ "$i" != xxxxx ]; do i="${i}x"; done
if [ "$i" = xxxxx ]; then echo "ok 7 while"; else echo "not ok 7 while"; fail=1; fi

r=
for w in a b "c d"; do r="$r[$w]"; done
if [ "$r" = "[a][b][c d]" ]; then echo "ok 8 for"; else echo "not ok 8 for # $r"; fail=1; fi

r=
true && r="${r}1"
false && r="${r}2"
false || r="${r}3"
true || r="${r}4"
if [ "$r" = 13 ]; then echo "ok 9 and_or"; else echo "not ok 9 and_or # $r"; fail=1; fi

sh -c 'exit 3' &
p=$!
wait $p
s=$?
if [ -n "$p" ] && [ $s = 3 ]; then echo "ok 10 background_wait"; else echo "not ok 10 background_wait # $p $s"; fail=1; fi

(cd /; exit 4)
s=$?
if [ $s = 4 ] && [ "$(pwd)" = "$W" ]; then echo "ok 11 subshell"; else echo "not ok 11 subshell"; fail=1; fi

r=$(echo $(echo inner))
if [ "$r" = inner ]; then echo "ok 12 nested_substitution"; else echo "not ok 12 nested_substitution"; fail=1; fi

echo 'sourced=yes' > inc.sh
. ./inc.sh
if [ "$sourced" = yes ]; then echo "ok 13 source"; else echo "not ok 13 source"; fail=1; fi

echo "first second third" > line
read a b < line
if [ "$a" = first ] && [ "$b" = "second third" ]; then echo "ok 14 read"; else echo "not ok 14 read"; fail=1; fi

V=exported
export V
r=$(sh -c 'echo $V')
L=local
r2=$(sh -c 'echo x$L')
if [ "$r" = exported ] && [ "$r2" = x ]; then echo "ok 15 export"; else echo "not ok 15 export"; fail=1; fi

no-such-command-here 2> /dev/null
s=$?
if [ $s = 127 ]; then echo "ok 16 not_found_127"; else echo "not ok 16 not_found_127 # $s"; fail=1; fi

r=
for w in 1 2 3 4; do if [ $w = 2 ]; then continue; fi; if [ $w = 4 ]; then break; fi; r="$r$w"; done
if ! false && [ "$r" = 13 ]; then echo "ok 17 break_continue_not"; else echo "not ok 17 break_continue_not # $r"; fail=1; fi

set -- p1 "p 2" p3
if [ $# = 3 ] && [ "$2" = "p 2" ]; then echo "ok 18 positional"; else echo "not ok 18 positional"; fail=1; fi

mkdir -p d1/d2 && echo data > d1/d2/f && cp d1/d2/f g && mv g h && ln -s h sym && ln h hard
r=$(cat sym)
if [ "$r" = data ] && [ -f hard ] && [ -d d1/d2 ] && [ ! -e g ]; then echo "ok 19 file_utilities"; else echo "not ok 19 file_utilities"; fail=1; fi

r=$(ls d1)
rm -r d1 sym hard h
if [ "$r" = d2 ] && [ ! -e d1 ]; then echo "ok 20 ls_rm"; else echo "not ok 20 ls_rm # $r"; fail=1; fi

r=$(echo -n AB | hexdump)
if [ "$r" = "00000000  41 42                                             |AB|
00000002" ]; then echo "ok 21 hexdump"; else echo "not ok 21 hexdump"; fail=1; fi

sleep 10 &
p=$!
kill $p
wait $p
s=$?
if [ $s = 143 ]; then echo "ok 22 kill_background"; else echo "not ok 22 kill_background # $s"; fail=1; fi

r=$(sh -c 'echo $0 $1' zero one)
if [ "$r" = "zero one" ]; then echo "ok 23 sh_c_args"; else echo "not ok 23 sh_c_args # $r"; fail=1; fi

sh -c 'if then' 2> /dev/null
s=$?
if [ $s = 2 ]; then echo "ok 24 syntax_error_status"; else echo "not ok 24 syntax_error_status # $s"; fail=1; fi

cd /
rm -r $W
exit $fail

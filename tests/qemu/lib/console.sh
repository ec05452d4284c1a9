# SPDX-License-Identifier: GPL-2.0
#
# Sourced by the QEMU scenarios that drive a console (tests/qemu/*.sh; not
# a scenario itself: the runner only takes tests/qemu/*.sh).  QEMU runs in
# the background with its console input on a FIFO (fd 3) and its output in
# a log file; PATTERNs are fixed strings, counted, so that an expect waits
# for an occurrence beyond those that earlier expects consumed.
#
#   console_boot LOG ARGS...   start "$QEMU_BASE ARGS..." (pid in $qpid)
#   console_expect PATTERN [S] wait up to S seconds (60) for PATTERN
#   console_send LINE          type a line, a moment after the prompt
#   console_prompt [S]         wait until the output ends with the shell
#                              prompt "# " (answering "Enter passphrase"
#                              with an empty line: skip /secure)
#   console_exited S           did QEMU end by itself within S seconds?
#                              ($qrc: its status, $qsecs: the time taken)
#   console_finish [S]         close the console, end QEMU (SIGKILL after
#                              S seconds, 30 by default) and reap it
# Needs $dir (a scratch directory for the FIFO).

declare -A count

console_boot() {
	log=$1
	shift
	rm -f "$dir/console"
	mkfifo "$dir/console"
	$QEMU_BASE "$@" < "$dir/console" > "$log" 2>&1 &
	qpid=$!
	exec 3> "$dir/console"
	count=()
}

console_expect() {
	local i n
	for i in $(seq 1 $((${2:-60} * 10))); do
		n=$(tr -d '\r' < "$log" | grep -a -c -F -- "$1")
		if [ "$n" -gt "${count[$1]:-0}" ]; then
			count[$1]=$n
			return 0
		fi
		kill -0 "$qpid" 2> /dev/null || return 1
		sleep 0.1
	done
	return 1
}

console_send() {
	sleep 0.3
	printf '%s\n' "$1" >&3
}

# The output without CRs and the shell's erase-to-end-of-line.
console_text() {
	tr -d '\r' < "$log" | sed 's/\x1b\[K//g'
}

console_prompt() {
	local i n text
	for i in $(seq 1 $((${1:-60} * 10))); do
		text=$(console_text)
		n=$(grep -a -c -F "Enter passphrase" <<< "$text")
		if [ "$n" -gt "${count[Enter passphrase]:-0}" ]; then
			count[Enter passphrase]=$n
			console_send ""
		fi
		[ "${text: -2}" = "# " ] && return 0
		kill -0 "$qpid" 2> /dev/null || return 1
		sleep 0.1
	done
	return 1
}

console_exited() {
	local i t0=$(date +%s%N)
	qrc=
	for i in $(seq 1 $(($1 * 20))); do
		if ! kill -0 "$qpid" 2> /dev/null; then
			wait "$qpid" 2> /dev/null
			qrc=$?
			qsecs=$(( ($(date +%s%N) - t0) / 1000000 ))
			qsecs=$((qsecs / 1000)).$(printf '%03d' $((qsecs % 1000)))
			return 0
		fi
		sleep 0.05
	done
	return 1
}

console_finish() {
	local i
	exec 3>&-
	for i in $(seq 1 $((${1:-30} * 10))); do
		kill -0 "$qpid" 2> /dev/null || break
		sleep 0.1
	done
	kill -9 "$qpid" 2> /dev/null
	wait "$qpid" 2> /dev/null
}

#!/bin/bash
# Scale-out: JSONL split across GNU parallel workers gives the same bytes as
# one process (the recipe of docs/scale-out.md).  Skipped without parallel.
set -u
CLI=${TL_CLI:?TL_CLI is not set}
command -v parallel >/dev/null 2>&1 || { echo "GNU parallel is not installed: skipped"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

awk 'BEGIN {
	for (i = 0; i < 3000; i++)
		printf "{\"id\":\"doc%d\",\"dct\":\"2021-11-%02d\",\"text\":\"On Nov. %d, 2021 the mill reopened. In %d it had closed.\"}\n", i, i % 28 + 1, i % 28 + 1, 1950 + i % 70
}' >"$T/in.jsonl"

"$CLI" -i jsonl -f jsonl "$T/in.jsonl" >"$T/one" || { echo "FAIL: one process"; exit 1; }
[ "$(wc -l <"$T/one")" = 3000 ] || { echo "FAIL: 3000 in, $(wc -l <"$T/one") out"; exit 1; }
parallel --will-cite --pipe -k -N 250 "$CLI" -j 1 --input-format jsonl --format jsonl \
	<"$T/in.jsonl" >"$T/par" 2>"$T/err" || { echo "FAIL: parallel run"; cat "$T/err"; exit 1; }
cmp "$T/one" "$T/par" || { echo "FAIL: parallel --pipe -k -N 250 output differs from one process"; exit 1; }
# -N 250 really split the input: 12 chunks of 250 lines
[ "$(parallel --will-cite --pipe -k -N 250 wc -l <"$T/in.jsonl" | sort -u)" = 250 ] ||
	{ echo "FAIL: parallel did not split the input into 250-line chunks"; exit 1; }
# Across machines (docs/scale-out.md): the same with --sshlogin.  A stand-in
# for ssh runs each "remote" command here, so that the recipe's transport
# (records shipped over ssh's stdin, ordered back by -k) is exercised
# without other machines; the hosts it was asked for are logged.  Like a
# login over ssh it sets SHELL, which parallel's remote worker reads (a
# test runner may start us with no SHELL in the environment).
cat >"$T/ssh" <<'SH'
#!/bin/bash
export SHELL=/bin/bash
while [ $# -gt 0 ]; do case $1 in -*) shift ;; *) break ;; esac; done
echo "$1" >>"${0%/*}/hosts.log"
shift
[ "${1-}" = "--" ] && shift
exec bash -c "$*"
SH
chmod +x "$T/ssh"
parallel --will-cite --pipe -k -N 250 --ssh "$T/ssh" --sshlogin 1/nodeA,1/nodeB \
	"$CLI" -j 1 --input-format jsonl --format jsonl <"$T/in.jsonl" >"$T/ssh.out" 2>"$T/err" ||
	{ echo "FAIL: parallel --sshlogin run"; cat "$T/err"; exit 1; }
cmp "$T/one" "$T/ssh.out" || { echo "FAIL: parallel --sshlogin output differs from one process"; exit 1; }
[ "$(sort -u "$T/hosts.log" | tr '\n' ' ')" = "nodeA nodeB " ] ||
	{ echo "FAIL: the work did not go to both hosts: $(sort "$T/hosts.log" | uniq -c)"; exit 1; }
echo "all passed"

#!/bin/bash
# test_readme.sh - README.md keeps its promises: the library snippet under
# "## Library" compiles as it stands (C11, -Wall -Wextra -Wpedantic -Werror)
# against the built library, and prints a JSON timeline with the DCT it sets
# and the one event of its sentence;
# the two quick-start commands name scripts that exist and are executable.
set -u
src=${TL_SOURCE_DIR:?TL_SOURCE_DIR is not set}
bin=${TL_BINARY_DIR:?TL_BINARY_DIR is not set}
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3) || { echo "SKIP: python3 not found"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
san=
grep -qiE '^TL_SANITIZE:BOOL=(ON|1|TRUE|YES)$' "$bin/CMakeCache.txt" && san="-fsanitize=address,undefined"

# The first ```c block after "## Library".
awk '/^## Library/ { lib = 1 } lib && /^```c$/ { on = 1; next } on && /^```$/ { exit } on' \
	"$src/README.md" >"$tmp/snippet.c"
grep -q 'print_timeline' "$tmp/snippet.c" || { echo "FAIL: no library snippet with print_timeline() in README.md"; exit 1; }
cat "$tmp/snippet.c" - >"$tmp/app.c" <<'C'

int main(void)
{
	return print_timeline("The bridge closed on March 3, 2021 for repairs.") != 0;
}
C
if ! cc -std=c11 -Wall -Wextra -Wpedantic -Werror $san \
	-I "$src/include" "$tmp/app.c" -L "$bin" -ltimeline -Wl,-rpath,"$bin" -o "$tmp/app" 2>"$tmp/cc.err"; then
	echo "FAIL: the README library snippet does not compile:"; cat "$tmp/cc.err"; fail=1
elif ! "$tmp/app" >"$tmp/out.json" 2>"$tmp/err"; then
	echo "FAIL: the README library snippet fails:"; cat "$tmp/err"; fail=1
elif ! "$py" - "$tmp/out.json" <<'PY'; then
import json, sys
out = json.load(open(sys.argv[1], encoding="utf-8"))
docs = out.get("documents") or [{}]
assert docs[0].get("dct") == "2021-11-06", "dct %r, expected 2021-11-06" % docs[0].get("dct")
values = [e.get("value") for e in out.get("events") or []]
# "March 3, 2021" in the one sentence: one event, 2021-03-03.
assert values == ["2021-03-03"], "events %r, expected ['2021-03-03']" % values
PY
	echo "FAIL: the README library snippet does not print the expected JSON:"; cat "$tmp/out.json"; fail=1
fi

# Quick start: every script the two commands name is there and executable.
for cmd in '.ci/setup && examples/run.sh' '.ci/setup && tests/run.sh'; do
	grep -qF -- "$cmd" "$src/README.md" || { echo "FAIL: README.md does not give '$cmd'"; fail=1; }
	for script in ${cmd//&&/}; do
		[ -x "$src/$script" ] || { echo "FAIL: $script (README quick start) is not an executable file"; fail=1; }
	done
done
[ $fail = 0 ] && echo "ok: README snippet compiles and runs; quick-start scripts present"
exit $fail

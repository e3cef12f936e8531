#!/bin/bash
# Run the hostile-input table and the unit suites that touch memory most
# under valgrind memcheck: zero errors and zero definite or indirect leaks,
# or the step fails.  Then the command-line hostile test, with every run of
# the `timeline` command under valgrind too.
#
#   .ci/steps/30-valgrind.sh
#
# Environment: TL_BUILD_DIR (default build-valgrind), TL_HOSTILE_SCALE (a
# percentage of the big hostile inputs, default 10 here: valgrind runs the
# code some 30 times slower, and the big inputs repeat the same paths; the
# sanitizer suite runs them at full size).
set -euo pipefail
export TL_HOSTILE_SCALE=${TL_HOSTILE_SCALE:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${TL_BUILD_DIR:-$root/build-valgrind}
command -v valgrind >/dev/null || { echo "30-valgrind: valgrind not found, skipped"; exit 0; }

cmake -S "$root" -B "$build" -DTL_SANITIZE=OFF -DTL_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 >/dev/null

vg=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
	--show-leak-kinds=definite,indirect)
status=0
for t in test_hostile test_invariants test_utf8 test_date test_timeml; do
	exe=$build/tests/$t
	[ -x "$exe" ] || continue
	echo "== valgrind $t"
	# CK_FORK=no: one process, so that valgrind sees every test's memory
	if (cd "$root/tests" && CK_FORK=no TL_SOURCE_DIR="$root" "${vg[@]}" "$exe"); then
		echo "== $t: no memory errors, no leaks"
	else
		echo "== $t: FAILED (exit $?)"
		status=1
	fi
done

# The command under valgrind: a wrapper that test_hostile_cli.sh runs as TL_CLI.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/timeline" <<WRAP
#!/bin/bash
exec ${vg[*]} "$build/timeline" "\$@"
WRAP
chmod +x "$tmp/timeline"
echo "== valgrind timeline (tests/test_hostile_cli.sh)"
if TL_CLI=$tmp/timeline TL_SOURCE_DIR=$root bash "$root/tests/test_hostile_cli.sh"; then
	echo "== timeline: no memory errors, no leaks"
else
	echo "== timeline: FAILED (a valgrind error shows as exit 99)"
	status=1
fi
exit $status

#!/bin/bash
# tests/run.sh - configure, build and run every test of libtimeline.
#
#   tests/run.sh              build in build/ and run the whole suite
#   tests/run.sh --sanitize   the same with AddressSanitizer + UBSan
#                             (-DTL_SANITIZE=ON) in build-asan/
#   tests/run.sh -- ARGS      pass ARGS on to ctest (e.g. -R test_date)
#
# Environment: TL_SANITIZE=1 is --sanitize; TL_BUILD_DIR overrides the build
# directory; TL_HOSTILE_SCALE (percent, default 100) sizes the hostile
# inputs; JOBS sets the parallelism (default 2); TL_SHARED points at the
# shared corpora when they are not at ../shared; CI=true (or TL_WERROR=ON)
# makes every compiler warning an error.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sanitize=${TL_SANITIZE:-0}
ctest_args=()
while [ $# -gt 0 ]; do
	case $1 in
	--sanitize) sanitize=1 ;;
	--) shift; ctest_args=("$@"); break ;;
	-h | --help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "tests/run.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
	esac
	shift
done
jobs=${JOBS:-2}
if [ "$sanitize" = 1 ]; then
	build=${TL_BUILD_DIR:-$root/build-asan}
	san=ON
	# Stop at the first report; leaks count as failures.
	export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
	export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
	# The hostile inputs run at full size here too (50 MB line, 2 MB word
	# soup): test_hostile reads the iCalendar export back through libical a
	# line at a time (strict_string_checks made its whole-string parser read
	# the rest of the text for every line), and takes about 95 s of CPU under
	# ASan + UBSan (25 s at TL_HOSTILE_SCALE=25, which a slower run may set).
else
	build=${TL_BUILD_DIR:-$root/build}
	san=OFF
fi
werror=${TL_WERROR:-OFF}
[ "${CI:-}" = true ] && werror=ON
echo "== configure ($build, TL_SANITIZE=$san, TL_WERROR=$werror)"
cmake -S "$root" -B "$build" -DTL_SANITIZE=$san -DTL_WERROR=$werror -DTL_BUILD_TESTS=ON
echo "== build"
cmake --build "$build" -j "$jobs"
echo "== test"
cd "$build"
ctest --output-on-failure -j "$jobs" "${ctest_args[@]}"

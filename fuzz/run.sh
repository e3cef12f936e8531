#!/bin/bash
# Build every fuzz target (libFuzzer, ASan + UBSan) and run each in turn for
# SECONDS seconds, starting from its seed corpus fuzz/corpus/<name>/.
#
#   fuzz/run.sh [SECONDS] [NAME...]     (default 60 s, every target)
#
# New inputs go to $BUILD/corpus/<name>/ (the seeds in the repository stay as
# they are); a crash leaves its input in $BUILD/artifacts/.  Prints one line
# per target with the number of executions, and exits 1 on the first finding.
# Environment: TL_FUZZ_BUILD (build directory, default build-fuzz),
# CC (default clang).
set -euo pipefail
seconds=${1:-60}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TL_FUZZ_BUILD:-$root/build-fuzz}

CC=${CC:-clang} cmake -S "$root" -B "$build" -DTL_FUZZ=ON -DTL_BUILD_TESTS=OFF \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 >/dev/null

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
	for exe in "$build"/fuzz/fuzz_*; do
		[ -x "$exe" ] && names+=("$(basename "$exe" | sed 's/^fuzz_//')")
	done
fi

mkdir -p "$build/artifacts"
status=0
for name in "${names[@]}"; do
	exe=$build/fuzz/fuzz_$name
	work=$build/corpus/$name
	mkdir -p "$work"
	log=$build/fuzz_$name.log
	seeds=()
	[ -d "$root/fuzz/corpus/$name" ] && seeds=("$root/fuzz/corpus/$name")
	set +e
	ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
		"$exe" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$build/artifacts/${name}-" \
		"$work" "${seeds[@]}" >"$log" 2>&1
	rc=$?
	set -e
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ $rc -eq 0 ]; then
		echo "fuzz_$name: ${runs:-?} executions in ${seconds} s, no finding"
	else
		echo "fuzz_$name: FINDING after ${runs:-?} executions (exit $rc); log: $log"
		grep -E 'ERROR|invariant broken|runtime error|Test unit written' "$log" | head -20 || true
		status=1
	fi
done
exit $status

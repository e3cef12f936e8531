#!/bin/bash
# Run every fuzz target for about a minute under ASan + UBSan (fuzz/run.sh).
# Skipped when clang or its libFuzzer runtime is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v clang >/dev/null; then
	echo "40-fuzz: clang not found, skipped"
	exit 0
fi
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' |
	clang -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
	echo "40-fuzz: clang has no libFuzzer runtime (libclang-rt-dev), skipped"
	exit 0
fi
exec "$root/fuzz/run.sh" "${TL_FUZZ_SECONDS:-60}"

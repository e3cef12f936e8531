#!/bin/bash
# test_symbols.sh - the shared library exports exactly the functions the
# public headers declare with TL_EXTERN, all named tl_*, and carries the
# SONAME libtimeline.so.<major>; the static library defines no global symbol
# outside the tl_ namespace.
set -u
src=${TL_SOURCE_DIR:?TL_SOURCE_DIR is not set}
bin=${TL_BINARY_DIR:?TL_BINARY_DIR is not set}
for t in nm objdump perl; do
	command -v $t >/dev/null || { echo "SKIP: $t not found"; exit 77; }
done
so=$bin/libtimeline.so
ar=$bin/libtimeline.a
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

# Declared: TL_EXTERN(type) name( ... in include/, possibly over several lines.
perl -0777 -ne 'print "$1\n" while /TL_EXTERN\s*\([^)]*\)\s*(\w+)\s*\(/g' \
	"$src"/include/timeline.h "$src"/include/timeline/*.h | sort -u >"$tmp/declared"
# Exported: defined dynamic symbols (functions and data) of the shared library.
nm -D --defined-only "$so" | awk 'NF == 3 && $2 ~ /^[TDBRVWi]$/ { print $3 }' |
	sed 's/@.*//' | sort -u >"$tmp/exported"
[ -s "$tmp/declared" ] || { echo "FAIL: no TL_EXTERN declarations found"; exit 1; }
[ -s "$tmp/exported" ] || { echo "FAIL: $so exports nothing"; exit 1; }

if grep -v '^tl_' "$tmp/exported" >"$tmp/foreign"; then
	echo "FAIL: exported symbols outside the tl_ namespace:"; cat "$tmp/foreign"; fail=1
fi
if ! diff -u "$tmp/declared" "$tmp/exported" >"$tmp/diff"; then
	echo "FAIL: exported symbols differ from the TL_EXTERN declarations (- declared only, + exported only):"
	cat "$tmp/diff"; fail=1
fi

major=$(sed -n 's/^#define TL_VERSION_MAJOR \([0-9]*\).*/\1/p' "$src/include/timeline/common.h")
soname=$(objdump -p "$so" | awk '$1 == "SONAME" { print $2 }')
if [ "$soname" != "libtimeline.so.$major" ]; then
	echo "FAIL: SONAME is '$soname', expected libtimeline.so.$major"; fail=1
fi

# Static library: internal functions may be global, but only as tl_*.  (The
# sanitizers add their own __asan/__ubsan/__odr_asan helpers.)
nm -g --defined-only "$ar" 2>/dev/null | awk 'NF == 3 { print $3 }' |
	grep -vE '^(tl_|__odr_asan|__asan|__ubsan|__sancov)' | sort -u >"$tmp/sforeign"
if [ -s "$tmp/sforeign" ]; then
	echo "FAIL: global symbols of libtimeline.a outside the tl_ namespace:"; cat "$tmp/sforeign"; fail=1
fi
[ $fail = 0 ] && echo "ok: $(wc -l <"$tmp/exported") exported symbols, all declared, SONAME $soname"
exit $fail

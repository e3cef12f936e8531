#!/bin/bash
# test_headers.sh - every public header compiles on its own: as C11 with
# -pedantic -Werror (gcc, and clang when present), and as C++ with g++; the
# umbrella header, included from C++, links against the library (extern "C");
# no public header includes a libical or json-c header.
set -u
src=${TL_SOURCE_DIR:?TL_SOURCE_DIR is not set}
bin=${TL_BINARY_DIR:?TL_BINARY_DIR is not set}
command -v g++ >/dev/null || { echo "SKIP: g++ not found"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
flags_c="-std=c11 -pedantic -Werror -Wall -Wextra -fsyntax-only"
flags_cxx="-std=c++11 -pedantic -Werror -Wall -Wextra -fsyntax-only"
ccs="gcc"
command -v clang >/dev/null && ccs="gcc clang"

headers=$(cd "$src/include" && ls timeline.h timeline/*.h)
[ -n "$headers" ] || { echo "FAIL: no public headers found"; exit 1; }
for h in $headers; do
	# Included twice: the include guard must hold.
	printf '#include <%s>\n#include <%s>\n' "$h" "$h" >"$tmp/t.c"
	cp "$tmp/t.c" "$tmp/t.cc"
	for cc in $ccs; do
		if ! $cc $flags_c -I "$src/include" "$tmp/t.c" 2>"$tmp/err"; then
			echo "FAIL: $h does not compile alone as C11 with $cc:"; cat "$tmp/err"; fail=1
		fi
	done
	if ! g++ $flags_cxx -I "$src/include" "$tmp/t.cc" 2>"$tmp/err"; then
		echo "FAIL: $h does not compile alone as C++:"; cat "$tmp/err"; fail=1
	fi
	if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](libical/|ical|json)' "$src/include/$h"; then
		echo "FAIL: $h exposes a dependency's header"; fail=1
	fi
done

# C++ linkage: a C++ program calls the library through the umbrella header.
cat >"$tmp/link.cc" <<'CXX'
#include <timeline.h>
#include <cstdio>
#include <cstring>
int main()
{
	tl_parser *p = 0;
	if (tl_parser_new(&p, 0) != TL_OK)
		return 1;
	tl_parser_free(p);
	std::printf("%s\n", std::strcmp(tl_version(), TL_VERSION) == 0 ? "same" : tl_version());
	return 0;
}
CXX
if ! g++ -std=c++11 -pedantic -Werror -Wall -Wextra -I "$src/include" "$tmp/link.cc" \
	-L "$bin" -ltimeline -Wl,-rpath,"$bin" -o "$tmp/link" 2>"$tmp/err" $(grep -qiE '^TL_SANITIZE:BOOL=(ON|1|TRUE|YES)$' "$bin/CMakeCache.txt" && echo -fsanitize=address,undefined); then
	echo "FAIL: a C++ program does not link against libtimeline:"; cat "$tmp/err"; fail=1
elif [ "$("$tmp/link")" != same ]; then
	echo "FAIL: C++ program: tl_version() differs from TL_VERSION"; fail=1
fi
[ $fail = 0 ] && echo "ok: $(echo $headers | wc -w) headers, C11 ($ccs) and C++"
exit $fail

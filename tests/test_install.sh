#!/bin/bash
# test_install.sh - `cmake --install` into a temporary prefix puts headers,
# both libraries, the CLI, timeline.pc and the CMake package in place; then
# examples/embed.c is built against the installed copy (not the build tree)
# four ways: pkg-config (shared, and --static), find_package with
# timeline::timeline, and with timeline::timeline_static.  Each program must
# run, load the library it was meant to, and print what the build tree's
# embed prints.
set -u
src=${TL_SOURCE_DIR:?TL_SOURCE_DIR is not set}
bin=${TL_BINARY_DIR:?TL_BINARY_DIR is not set}
for t in cmake pkg-config cc ldd; do
	command -v $t >/dev/null || { echo "SKIP: $t not found"; exit 77; }
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail=0
die() { echo "FAIL: $*"; exit 1; }

# A sanitized library needs sanitized programs.
san=
grep -qiE '^TL_SANITIZE:BOOL=(ON|1|TRUE|YES)$' "$bin/CMakeCache.txt" && san="-fsanitize=address,undefined"

cmake --install "$bin" --prefix "$prefix" >"$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log"; die "cmake --install failed"; }

export PKG_CONFIG_PATH=$prefix/lib/pkgconfig:$prefix/lib64:${PKG_CONFIG_PATH:-}
pc=$(ls "$prefix"/lib*/pkgconfig/timeline.pc "$prefix"/lib/*/pkgconfig/timeline.pc 2>/dev/null | head -1)
[ -n "$pc" ] || die "no timeline.pc installed under $prefix"
export PKG_CONFIG_PATH=$(dirname "$pc")
libdir=$(cd "$(pkg-config --variable=libdir timeline)" 2>/dev/null && pwd -P) ||
	die "pkg-config: libdir of timeline does not exist"
incdir=$(pkg-config --variable=includedir timeline)
version=$(sed -n 's/^#define TL_VERSION "\(.*\)"/\1/p' "$src/include/timeline/common.h")
major=${version%%.*}
[ "$(pkg-config --modversion timeline)" = "$version" ] ||
	die "pkg-config --modversion gives '$(pkg-config --modversion timeline)', expected $version"

for f in "$incdir/timeline.h" "$libdir/libtimeline.so.$version" "$libdir/libtimeline.a" \
	"$prefix/bin/timeline" "$libdir/cmake/timeline/timelineConfig.cmake" \
	"$libdir/cmake/timeline/timelineConfigVersion.cmake"; do
	[ -e "$f" ] || { echo "FAIL: not installed: ${f#$prefix/}"; fail=1; }
done
[ -L "$libdir/libtimeline.so.$major" ] || { echo "FAIL: no libtimeline.so.$major link"; fail=1; }
for h in "$src"/include/timeline/*.h; do
	cmp -s "$h" "$incdir/timeline/${h##*/}" || { echo "FAIL: header ${h##*/} not installed"; fail=1; }
done
for f in "$src"/docs/*.1; do
	[ -e "$f" ] || continue
	cmp -s "$f" "$prefix/share/man/man1/${f##*/}" || { echo "FAIL: manual page ${f##*/} not installed"; fail=1; }
done
for f in "$src"/docs/*.schema.json; do
	[ -e "$f" ] || continue
	cmp -s "$f" "$prefix/share/timeline/${f##*/}" || { echo "FAIL: schema ${f##*/} not installed"; fail=1; }
done

# loads_installed PROGRAM: PROGRAM loads libtimeline.so from the prefix.
loads_installed() {
	local path
	path=$(ldd "$1" | sed -n "s/^[[:space:]]*libtimeline\.so\.$major => \([^ ]*\) .*/\1/p")
	[ -n "$path" ] && [ "$(cd "$(dirname "$path")" && pwd -P)" = "$libdir" ] && return 0
	echo "FAIL: $1 does not load $libdir/libtimeline.so.$major:"; ldd "$1"; return 1
}

# The installed CLI runs against the installed library.
[ "$("$prefix/bin/timeline" --version)" = "timeline $version" ] ||
	{ echo "FAIL: installed timeline --version: $("$prefix/bin/timeline" --version 2>&1)"; fail=1; }
loads_installed "$prefix/bin/timeline" || fail=1

# Each program built against the installed copy prints what the build
# tree's own embed prints: the paragraph's events, one a line, the TIMEX3
# value first.  Worked out by hand with the DCT 2024-03-15: "in 1998" ->
# 1998, "12 February 2024" -> 2024-02-12, "March 3, 2024" -> 2024-03-03,
# "yesterday" -> 2024-03-14, "May 20, 2024" -> 2024-05-20, in date order.
ref=$("$bin/embed" 2>&1) || { echo "FAIL: $bin/embed failed: $ref"; exit 1; }
expected="1998 2024-02-12 2024-03-03 2024-03-14 2024-05-20"
got=$(printf '%s\n' "$ref" | awk '{ print $1 }' | tr '\n' ' ')
[ "${got% }" = "$expected" ] ||
	{ echo "FAIL: embed prints the values '${got% }', expected '$expected':"; echo "$ref"; exit 1; }
check_output() { # name program
	local out rc
	out=$("$2" 2>"$tmp/$1.err"); rc=$?
	[ $rc = 0 ] || { echo "FAIL: $1 exited $rc:"; cat "$tmp/$1.err"; return 1; }
	[ "$out" = "$ref" ] ||
		{ echo "FAIL: $1 printed something else than $bin/embed:"; diff <(echo "$ref") <(echo "$out"); return 1; }
	case $1 in
	*-static)
		if ldd "$2" | grep -q libtimeline; then
			echo "FAIL: $1 loads libtimeline.so"; return 1
		fi ;;
	*) loads_installed "$2" || return 1 ;;
	esac
	echo "ok: $1"
}

# 1. pkg-config
cc -std=c11 -Wall -Wextra -Wpedantic -Werror $san $(pkg-config --cflags timeline) "$src/examples/embed.c" \
	-o "$tmp/embed-pc" $(pkg-config --libs timeline) -Wl,-rpath,"$libdir" 2>"$tmp/pc.err" ||
	{ echo "FAIL: building embed.c with pkg-config:"; cat "$tmp/pc.err"; fail=1; }
[ -x "$tmp/embed-pc" ] && { check_output embed-pkg-config "$tmp/embed-pc" || fail=1; }

# 1b. pkg-config --static: Requires.private names all libtimeline.a needs.
libs_static=$(pkg-config --static --libs timeline | sed "s|-ltimeline\b|$libdir/libtimeline.a|")
cc -std=c11 -Wall -Wextra -Wpedantic -Werror $san $(pkg-config --cflags timeline) "$src/examples/embed.c" \
	-o "$tmp/embed-pc-static" $libs_static 2>"$tmp/pcs.err" ||
	{ echo "FAIL: building embed.c with pkg-config --static:"; cat "$tmp/pcs.err"; fail=1; }
if [ -x "$tmp/embed-pc-static" ]; then
	check_output embed-pkg-config-static "$tmp/embed-pc-static" || fail=1
fi

# 2. and 3. find_package(timeline) in a separate CMake project.
mkdir -p "$tmp/consumer"
cp "$src/examples/embed.c" "$tmp/consumer/"
cat >"$tmp/consumer/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.16)
project(embed_consumer C)
find_package(timeline $version REQUIRED CONFIG)
add_executable(embed_shared embed.c)
target_link_libraries(embed_shared PRIVATE timeline::timeline)
add_executable(embed_static embed.c)
target_link_libraries(embed_static PRIVATE timeline::timeline_static)
CMAKE
if cmake -S "$tmp/consumer" -B "$tmp/consumer/build" -DCMAKE_PREFIX_PATH="$prefix" \
	-DCMAKE_C_FLAGS="$san" -DCMAKE_EXE_LINKER_FLAGS="$san" >"$tmp/cm.log" 2>&1 &&
	cmake --build "$tmp/consumer/build" >>"$tmp/cm.log" 2>&1; then
	grep -q "timeline_DIR:PATH=$libdir/cmake/timeline" "$tmp/consumer/build/CMakeCache.txt" ||
		{ echo "FAIL: find_package did not find the installed package"; fail=1; }
	check_output embed-find_package-shared "$tmp/consumer/build/embed_shared" || fail=1
	check_output embed-find_package-static "$tmp/consumer/build/embed_static" || fail=1
else
	echo "FAIL: building embed.c with find_package(timeline):"; cat "$tmp/cm.log"; fail=1
fi
exit $fail

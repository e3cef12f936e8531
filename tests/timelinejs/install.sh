#!/bin/bash
# tests/timelinejs/install.sh - install the TimelineJS3 viewer pinned in
# tests/timelinejs/package.json into tests/timelinejs/node_modules with npm,
# unless that version is there already.  Run by .ci/setup and, when the
# viewer is missing, by tests/test_timelinejs_viewer.sh.
#
# The install goes to a staging directory first and is moved into place
# whole, so an interrupted npm never leaves a half-installed viewer.
# Needs no HOME (npm's cache then goes to a temporary directory).
# Exit 0: the viewer is there; 1: npm is missing or failed (the reason on
# stderr, with npm's first lines).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
name=@knight-lab/timelinejs
want=$(sed -n 's|.*"@knight-lab/timelinejs": *"\([^"]*\)".*|\1|p' "$here/package.json")
# The version in a node_modules tree ($1), empty when the viewer is not whole.
have() {
	local pkg=$1/$name
	[ -f "$pkg/dist/js/timeline.js" ] && [ -f "$pkg/dist/css/timeline.css" ] || return 0
	sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg/package.json" 2>/dev/null | head -n 1
}
[ -n "$want" ] || { echo "install.sh: no $name version in $here/package.json" >&2; exit 1; }
[ "$(have "$here/node_modules")" = "$want" ] && exit 0
command -v npm >/dev/null || { echo "install.sh: npm is not installed" >&2; exit 1; }

stage=$(mktemp -d "$here/.stage.XXXXXX") || exit 1
trap 'rm -rf "$stage"' EXIT
cp "$here/package.json" "$stage/"
[ -n "${HOME:-}" ] && [ -d "$HOME" ] && [ -w "$HOME" ] || export HOME="$stage/home"
if ! (cd "$stage" && timeout 600 npm install --no-package-lock --no-audit --no-fund \
	--fetch-retries=1 --loglevel=error >"$stage/npm.log" 2>&1); then
	why=$(grep -v -e '^[[:space:]]*$' -e 'complete log' "$stage/npm.log" | head -n 2 | tr '\n' ' ')
	echo "install.sh: npm install $name@$want failed: ${why:-no output from npm}" >&2
	exit 1
fi
if [ "$(have "$stage/node_modules")" != "$want" ]; then
	echo "install.sh: npm did not install $name@$want" >&2
	exit 1
fi
rm -rf "$here/node_modules" && mv "$stage/node_modules" "$here/node_modules" || exit 1
echo "install.sh: installed $name@$want into $here/node_modules"

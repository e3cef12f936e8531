#!/bin/bash
# test_html_chromium.sh - the HTML timeline rendered by a real browser,
# headless Chromium: the DOM it builds must hold every headline of the
# timeline (as the JSON output has them) and one numbered marker per event
# on the SVG axis, and a screenshot at 1280x800 is saved to
# $TL_BINARY_DIR/timeline-html.png (and timeline-html-phone.png at 390 px).
# The page must not refer to anything outside itself.  The golden file, and
# the seed article's page when the CLI and ../shared are there.
# Exit 77: Chromium missing.
set -u
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
	echo "skipped: chromium is not installed"
	exit 77
fi
py=/usr/bin/python3
src=${TL_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
out=${TL_BINARY_DIR:-$PWD}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
	--disable-background-networking --disable-component-update --disable-sync)
run_chrome() {
	timeout 120 "$chrome" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$tmp")" "$@" 2>"$tmp/chrome.err"
}
pairs=("$src/tests/golden/timeline.html" "$src/tests/golden/timeline.json" timeline-html)
seed=${TL_SHARED:-$src/../shared}/seed/000_4bb7f8f2e395c1ed.txt
if [ -n "${TL_CLI:-}" ] && [ -x "${TL_CLI}" ] && [ -f "$seed" ]; then
	"$TL_CLI" --dct 2021-11-06 -f html "$seed" >"$tmp/seed.html" &&
		"$TL_CLI" --dct 2021-11-06 -f json "$seed" >"$tmp/seed.json" ||
		{ echo "FAIL: timeline on the seed"; exit 1; }
	pairs+=("$tmp/seed.html" "$tmp/seed.json" timeline-html-seed)
fi
status=0
set -- "${pairs[@]}"
while [ $# -ge 3 ]; do
	html=$1 json=$2 shot=$3
	shift 3
	if grep -Eiq '(src|href)[[:space:]]*=|url\(|@import|<script|<link' "$html"; then
		echo "FAIL: $html refers to something outside itself"
		status=1
	fi
	cp "$html" "$tmp/page.html"
	if ! run_chrome --dump-dom "file://$tmp/page.html" >"$tmp/dom.html"; then
		echo "FAIL: chromium --dump-dom $html"; cat "$tmp/chrome.err"; status=1; continue
	fi
	run_chrome --screenshot="$out/$shot.png" --window-size=1280,800 "file://$tmp/page.html" >/dev/null
	run_chrome --screenshot="$out/$shot-phone.png" --window-size=390,844 "file://$tmp/page.html" >/dev/null
	"$py" - "$tmp/dom.html" "$json" "$out/$shot.png" "$out/$shot-phone.png" <<'PY' || status=1
import json, struct, sys
from html.parser import HTMLParser

class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.h2, self.markers, self.svg = [], [], 0, 0
    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "h2":
            self.h2.append("")
        if tag == "svg":
            self.svg += 1
        if tag == "circle":
            self.markers += 1
    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
    def handle_data(self, data):
        if self.stack and self.stack[-1] == "h2" and self.h2:
            self.h2[-1] += data

dom = Dom()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
events = json.load(open(sys.argv[2], encoding="utf-8"))["events"]
ok = True
headlines = [h for h in dom.h2 if h != "The text contradicts itself"]
for e in events:
    if e["headline"] not in headlines:
        print(f"FAIL: headline {e['headline']!r} is not in the DOM"); ok = False
if dom.svg != 1 or dom.markers < len(events):
    print(f"FAIL: {dom.svg} svg, {dom.markers} markers for {len(events)} events"); ok = False
for png, want in ((sys.argv[3], (1280, 800)), (sys.argv[4], (390, 844))):
    head = open(png, "rb").read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or struct.unpack(">II", head[16:24]) != want:
        print(f"FAIL: {png} is not a {want[0]}x{want[1]} PNG"); ok = False
print(f"chromium DOM: {len(headlines)} headlines, all {len(events)} events found, "
      f"{dom.markers} markers; screenshot {sys.argv[3]}")
sys.exit(0 if ok else 1)
PY
done
exit $status

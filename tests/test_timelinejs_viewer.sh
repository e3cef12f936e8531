#!/bin/bash
# test_timelinejs_viewer.sh - the TimelineJS output loaded as is by the real
# viewer: TimelineJS3 (npm @knight-lab/timelinejs, the version pinned in
# tests/timelinejs/package.json) in headless Chromium.
#
# A page written here includes the package's own dist/js/timeline.js and
# dist/css/timeline.css and hands the viewer the URL of our JSON file, which
# it fetches and parses itself; everything is served by a python3 HTTP
# server on 127.0.0.1 (a free port) and Chromium resolves no other host, so
# nothing comes from the network.  From the DOM the viewer builds, each
# timeline must show: no error message, no error or warning in the viewer's
# configuration, the title slide, one slide per event (by unique_id) with
# our headline, sentence and dates as the viewer prints them, one marker
# per event on the time axis, and one row label per document (group).
#
# Timelines: the golden file; with the CLI, the seed article (../shared,
# --dct 2021-11-06), examples/saltmarsh_line.txt, and a text written here
# with years before 1 AD, whose labels are checked against values worked out
# by hand ("241 BC" must read "241 BCE": TimelineJS has no year 0).  Two
# broken copies of the golden file (an event without start_date, a year
# "19x0") must be caught, so the checks are shown to be able to fail.
# Screenshots (1280x800) go to $TL_BINARY_DIR/timelinejs-NAME.png.
#
# Exit 77 (skipped) when npm cannot install the viewer, or Chromium or
# python3 are missing; under CI=true these are failures.
set -u
src=${TL_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
out=${TL_BINARY_DIR:-$PWD}
py=/usr/bin/python3
not_here() { # reason
	if [ "${CI:-}" = true ]; then
		echo "FAIL: $1 (CI must run this test: .ci/setup installs it)"
		exit 1
	fi
	echo "skipped: $1"
	exit 77
}
chrome=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chrome" ] || not_here "chromium is not installed"
[ -x "$py" ] || not_here "$py is not installed"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! bash "$src/tests/timelinejs/install.sh" 2>"$tmp/install.err"; then
	not_here "the TimelineJS viewer could not be installed from npm: $(tail -n 1 "$tmp/install.err")"
fi
viewer=$src/tests/timelinejs/node_modules/@knight-lab/timelinejs

mkdir -p "$tmp/site/data"
ln -s "$viewer/dist" "$tmp/site/timelinejs"
cases=(golden)
cp "$src/tests/golden/timeline.timelinejs.json" "$tmp/site/data/golden.json"
if [ -n "${TL_CLI:-}" ] && [ -x "${TL_CLI}" ]; then
	seed=${TL_SHARED:-$src/../shared}/seed/000_4bb7f8f2e395c1ed.txt
	if [ -f "$seed" ]; then
		"$TL_CLI" --dct 2021-11-06 -f timelinejs "$seed" >"$tmp/site/data/seed.json" ||
			{ echo "FAIL: timeline -f timelinejs on the seed"; exit 1; }
		cases+=(seed)
	else
		echo "note: $seed is missing; the seed article is not shown to the viewer"
	fi
	ex=$src/examples/saltmarsh_line
	"$TL_CLI" --dct "$(tr -d ' \r\n' <"$ex.dct")" -f timelinejs "$ex.txt" >"$tmp/site/data/saltmarsh.json" ||
		{ echo "FAIL: timeline -f timelinejs on $ex.txt"; exit 1; }
	cases+=(saltmarsh)
	cat >"$tmp/ancient.txt" <<-'EOF'
		Rome defeated Carthage at sea in 241 BC, the chronicle says.
		The oldest coin in the hoard was struck in 1 BC.
		The hoard was found on 3 May 1998.
	EOF
	"$TL_CLI" --dct 2021-11-06 -f timelinejs "$tmp/ancient.txt" >"$tmp/site/data/ancient.json" ||
		{ echo "FAIL: timeline -f timelinejs on the years before 1 AD"; exit 1; }
	cases+=(ancient)
else
	echo "note: TL_CLI is not set; only the golden file is shown to the viewer"
fi

# The page: the viewer's own files, our JSON by URL, and a report of what the
# viewer's configuration logged (and of any script error) in <pre id="report">.
cat >"$tmp/site/page.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TimelineJS viewer test</title>
<script>
var report = { loaded: false, errors: [], warnings: [], script_errors: [] };
function show_report() {
	var pre = document.getElementById('report');
	if (pre) pre.textContent = JSON.stringify(report);
}
window.addEventListener('error', function (e) { report.script_errors.push(String(e.message)); show_report(); });
window.addEventListener('unhandledrejection', function (e) { report.script_errors.push(String(e.reason)); show_report(); });
</script>
<link rel="stylesheet" href="timelinejs/css/timeline.css">
<script src="timelinejs/js/timeline.js"></script>
</head>
<body style="margin:0">
<div id="timeline-embed" style="width:100vw;height:100vh"></div>
<pre id="report" style="display:none"></pre>
<script>
var viewer = new TL.Timeline('timeline-embed', location.search.slice(1), { hash_bookmark: false });
viewer.on('loaded', function () {
	report.loaded = true;
	report.errors = viewer.config.messages.errors.map(String);
	report.warnings = viewer.config.messages.warnings.map(String);
	show_report();
});
show_report();
</script>
</body>
</html>
EOF

"$py" - "$tmp" "$chrome" "$out" "$viewer/package.json" "${cases[@]}" <<'PY'
import copy, functools, html, http.server, json, os, subprocess, sys, tempfile, threading
from html.parser import HTMLParser

tmp, chrome, out, viewer_pkg, cases = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
site = os.path.join(tmp, "site")
version = json.load(open(viewer_pkg, encoding="utf-8"))["version"]

# --- a quiet HTTP server on a free loopback port, recording each request
requests = []
class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass
    def log_request(self, code="-", size="-"):
        requests.append((self.path, int(code) if str(code).isdigit() else 0))
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                         functools.partial(Handler, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
         "--virtual-time-budget=15000", "--window-size=1280,800"]

def chromium(url, *extra):
    with tempfile.TemporaryDirectory(dir=tmp) as profile:
        r = subprocess.run([chrome, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=180)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")

# --- what the viewer built, read from the DOM Chromium dumps
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, record, field) of each open element
        self.slides, self.markers, self.groups, self.messages = [], [], [], []
        self.report = {"text": ""}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        rec, field = self.stack[-1][1:] if self.stack else (None, None)
        if tag == "div" and "tl-slide" in cls:
            rec, field = {"id": a.get("id"), "title": "tl-slide-titleslide" in cls,
                          "headline": "", "date": "", "text": ""}, None
            self.slides.append(rec)
        elif tag == "div" and "tl-timemarker" in cls:
            rec, field = {"id": a.get("id"), "headline": ""}, None
            self.markers.append(rec)
        elif tag == "div" and "tl-timegroup-message" in cls:
            rec, field = {"text": ""}, "text"
            self.groups.append(rec)
        elif tag == "div" and "tl-message-full" in cls:
            rec, field = {"text": ""}, "text"
            self.messages.append(rec)
        elif tag == "pre" and a.get("id") == "report":
            rec, field = self.report, "text"
        elif tag == "h2" and "tl-headline" in cls:
            field = "headline"
        elif tag == "h3" and "tl-headline-date" in cls:
            field = "date"
        elif tag == "div" and "tl-text-content" in cls:
            field = "text"
        if tag not in VOID:
            self.stack.append((tag, rec, field))
    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
    def handle_data(self, data):
        if self.stack:
            _, rec, field = self.stack[-1]
            if rec is not None and field:
                rec[field] += data

def norm(s):
    return " ".join(s.split())

# TimelineJS's English date formats (its locale en.json): "yyyy",
# "mmmm yyyy", "mmmm d',' yyyy", "h:MM TT mmmm d',' yyyy"; year -n is "n BCE".
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
def date_label(d):
    y = d["year"]
    ys = f"{-y} BCE" if y < 0 else str(y)
    if "month" not in d:
        return ys
    if "day" not in d:
        return f"{MONTHS[d['month'] - 1]} {ys}"
    day = f"{MONTHS[d['month'] - 1]} {d['day']}, {ys}"
    if "hour" not in d:
        return day
    h = d["hour"] % 12 or 12
    return f"{h}:{d.get('minute', 0):02d} {'AM' if d['hour'] < 12 else 'PM'} {day}"

def check(name, data, by_hand=None):
    """Show data/NAME.json to the viewer; the list of what is wrong, and a summary."""
    n_req = len(requests)
    rc, dom_text, err = chromium(f"{base}/page.html?data/{name}.json", "--dump-dom")
    if rc != 0:
        return [f"chromium --dump-dom exited {rc}: {err.strip()[-300:]}"], ""
    dom = Dom()
    dom.feed(dom_text)
    bad = []
    seen = requests[n_req:]
    if (f"/data/{name}.json", 200) not in seen:
        bad.append(f"the viewer did not fetch data/{name}.json ({seen})")
    bad += [f"request {p} answered {c}" for p, c in seen if c != 200 and p != "/favicon.ico"]
    try:
        report = json.loads(dom.report["text"])
    except ValueError:
        report = {"loaded": False, "errors": ["no report"], "warnings": [], "script_errors": []}
    if not report["loaded"]:
        bad.append("the viewer never reported 'loaded'")
    for k in ("errors", "warnings", "script_errors"):
        bad += [f"viewer {k[:-1].replace('_', ' ')}: {m}" for m in report[k]]
    bad += [f"the viewer shows a message: {norm(m['text'])!r}" for m in dom.messages]
    events = data["events"]
    titles = [s for s in dom.slides if s["title"]]
    want_title = norm(html.unescape(data["title"]["text"]["headline"]))
    if len(titles) != 1 or norm(titles[0]["headline"]) != want_title:
        bad.append(f"title slide: {[norm(t['headline']) for t in titles]}, not [{want_title!r}]")
    slides = {s["id"]: s for s in dom.slides if not s["title"]}
    if len(slides) != len(events) or len(dom.slides) != len(events) + 1:
        bad.append(f"{len(dom.slides)} slides for a title and {len(events)} events")
    markers = {m["id"]: m for m in dom.markers}
    if len(dom.markers) != len(events):
        bad.append(f"{len(dom.markers)} markers on the time axis for {len(events)} events")
    for e in events:
        uid, hl = e["unique_id"], norm(html.unescape(e["text"]["headline"]))
        s = slides.get(uid)
        if s is None:
            bad.append(f"no slide {uid} ({hl!r})")
            continue
        label = date_label(e["start_date"])
        if "end_date" in e:
            label += " \u2014 " + date_label(e["end_date"])
        for what, got, want in (("headline", s["headline"], hl),
                                ("text", s["text"], html.unescape(e["text"]["text"])),
                                ("date", s["date"], label)):
            if norm(got) != norm(want):
                bad.append(f"slide {uid}: {what} {norm(got)!r}, not {norm(want)!r}")
        m = markers.get(uid + "-marker")
        if m is None or norm(m["headline"]) != hl:
            bad.append(f"no marker {uid}-marker with {hl!r}")
    want_groups = sorted({e["group"] for e in events})
    got_groups = sorted(norm(g["text"]) for g in dom.groups)
    if got_groups != want_groups:
        bad.append(f"row labels {got_groups}, not the documents {want_groups}")
    shown = {norm(s["headline"]): norm(s["date"]) for s in dom.slides}
    for hl, want in (by_hand or {}).items():
        if shown.get(hl) != want:
            bad.append(f"{hl!r} reads {shown.get(hl)!r}, not {want!r}")
    order = [s["id"] for s in dom.slides if not s["title"]]
    summary = (f"{len(dom.slides)} slides (title + {len(slides)}), {len(dom.markers)} markers, "
               f"{sum(1 for e in events if norm(slides.get(e['unique_id'], {}).get('headline', '')) == norm(html.unescape(e['text']['headline'])))}"
               f"/{len(events)} headlines, {len(dom.groups)} row label(s)"
               f"{'' if order == [e['unique_id'] for e in events] else ' (slides in an order other than ours)'}")
    return bad, summary

# Worked out by hand from the text written in the shell part: 241 BC and 1 BC,
# as TimelineJS labels years before 1 AD; the find date in full.
BY_HAND = {"ancient": {"Rome defeated Carthage at sea": "241 BCE",
                       "Oldest coin in the hoard was struck": "1 BCE",
                       "Hoard was found": "May 3, 1998"}}
ok = True
for name in cases:
    data = json.load(open(os.path.join(site, "data", name + ".json"), encoding="utf-8"))
    bad, summary = check(name, data, BY_HAND.get(name))
    for b in bad:
        print(f"FAIL {name}: {b}")
    ok = ok and not bad
    print(f"TimelineJS {version} {name}: {summary}" + ("" if bad else ": ok"))
    shot = os.path.join(out, f"timelinejs-{name}.png")
    rc, _, err = chromium(f"{base}/page.html?data/{name}.json", f"--screenshot={shot}")
    if rc != 0 or not os.path.exists(shot):
        print(f"FAIL {name}: no screenshot ({err.strip()[-200:]})")
        ok = False

# The checks must be able to fail: broken copies of the golden file.
gold = json.load(open(os.path.join(site, "data", "golden.json"), encoding="utf-8"))
def control(label, change):
    global ok
    b = copy.deepcopy(gold)
    change(b)
    with open(os.path.join(site, "data", "broken.json"), "w", encoding="utf-8") as f:
        json.dump(b, f)
    bad, _ = check("broken", gold)
    if bad:
        print(f"control: {label}: caught ({bad[0]})")
    else:
        print(f"FAIL: a golden file with {label} passes the viewer checks")
        ok = False
def drop_start(b):
    del b["events"][2]["start_date"]
control("an event without start_date", drop_start)
control('a year "19x0"', lambda b: b["events"][0]["start_date"].update(year="19x0"))
server.shutdown()
sys.exit(0 if ok else 1)
PY

#!/bin/bash
# tools/eval.sh - score the engine on a folder of gold TimeML (.tml) files.
#
#   tools/eval.sh [OPTIONS] GOLD_DIR [SYS_DIR]
#
# For every GOLD_DIR/NAME.tml, runs the `timeline` command over its plain
# <TEXT> with its DCT and writes the system's TimeML to SYS_DIR/NAME.tml
# (`--format timeml`); then scores SYS_DIR against GOLD_DIR with te3score.py
# (TempEval-3 strict/relaxed extent F1, type and value F1) and prints its
# table.  Without SYS_DIR the system files go to a temporary folder that is
# removed afterwards.
#
#   --cli PATH      the timeline binary (default: $TL_CLI, else build/timeline)
#   --shared DIR    the shared folder with tools/te3score.py (default:
#                   $TL_SHARED, else ../shared next to the repository)
#   --errors        also list missed, spurious and mismatched timexes
#   --per-doc       also print per-document scores
#   --json FILE     also write the scores as JSON to FILE
#   --sentences N   score only the first N sentences of each document (a
#                   heading line counts as one): for corpora annotated only
#                   that far, such as MEANTIME (its first five sentences,
#                   the title counted as the first: --sentences 5; see
#                   docs/evaluation.md); system timexes further on are
#                   dropped before scoring, gold ones are kept
#   -h, --help      show this help
#
# The text and DCT come from the command's own TimeML reader when it has
# `--input-format timeml`, else from te3extract.py next to te3score.py.
# Exit status: 0 ok; 1 the command failed on a document (the table is still
# printed, that document scored as empty) or the scorer failed; 2 usage error.
#
# Example:  tools/eval.sh ../shared/corpora/meantime-en
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; }

cli=${TL_CLI:-$root/build/timeline}
shared=${TL_SHARED:-$root/../shared}
score_args=()
sentences=
args=()
while [ $# -gt 0 ]; do
	case $1 in
	--cli) [ $# -ge 2 ] || { usage >&2; exit 2; }; cli=$2; shift ;;
	--shared) [ $# -ge 2 ] || { usage >&2; exit 2; }; shared=$2; shift ;;
	--errors | --per-doc) score_args+=("$1") ;;
	--json) [ $# -ge 2 ] || { usage >&2; exit 2; }; score_args+=(--json "$2"); shift ;;
	--sentences)
		[[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "eval.sh: --sentences wants a count" >&2; exit 2; }
		sentences=$2; shift ;;
	-h | --help) usage; exit 0 ;;
	-*) echo "eval.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
	*) args+=("$1") ;;
	esac
	shift
done
if [ ${#args[@]} -lt 1 ] || [ ${#args[@]} -gt 2 ]; then
	usage >&2
	exit 2
fi
gold=${args[0]}
sys=${args[1]:-}

[ -d "$gold" ] || { echo "eval.sh: $gold: not a folder" >&2; exit 2; }
[ -x "$cli" ] || { echo "eval.sh: $cli: no timeline binary (build first, or --cli PATH)" >&2; exit 2; }
score=$shared/tools/te3score.py
extract=$shared/tools/te3extract.py
[ -f "$score" ] || { echo "eval.sh: $score not found (--shared DIR)" >&2; exit 2; }
# Debian's python3 first: the one on PATH may be another installation.
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3) || { echo "eval.sh: python3 not found" >&2; exit 2; }

shopt -s nullglob
files=("$gold"/*.tml)
[ ${#files[@]} -gt 0 ] || { echo "eval.sh: no .tml files in $gold" >&2; exit 2; }

work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
if [ -z "$sys" ]; then
	sys=$work/sys
fi
mkdir -p "$sys" || exit 1

native=0
"$cli" --help 2>/dev/null | grep -q -- '--input-format' && native=1
if [ $native = 0 ]; then
	[ -f "$extract" ] || { echo "eval.sh: $extract not found" >&2; exit 2; }
	"$py" "$extract" -o "$work/text" "$gold" >/dev/null || { echo "eval.sh: te3extract.py failed" >&2; exit 1; }
fi

failed=0
for f in "${files[@]}"; do
	name=$(basename "$f")
	out=$sys/$name
	rm -f "$out"
	if [ $native = 1 ]; then
		"$cli" --input-format timeml --format timeml -o "$out" "$f" || failed=$((failed + 1))
		continue
	fi
	dct=$(head -c 10 "$work/text/$name.dct" 2>/dev/null)
	dct_arg=()
	[[ $dct =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && dct_arg=(--dct "$dct")
	"$cli" "${dct_arg[@]}" --format timeml -o "$out" "$work/text/$name.txt" || failed=$((failed + 1))
done

if [ -n "$sentences" ]; then
	# Drop the system timexes that start after the first N sentences.
	"$py" - "$shared/tools" "$sys" "$sentences" <<'PY' || { echo "eval.sh: --sentences failed" >&2; exit 1; }
import glob, os, re, sys
from xml.sax.saxutils import escape, quoteattr
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
from te3score import parse_tml_file
# A sentence ends at a hard line break (see unwrap()), or at . ! ? (and a
# closing quote) before white space, unless the word before the period is a single letter or a
# common abbreviation.
ABBR = {"mr", "mrs", "ms", "dr", "jr", "sr", "st", "inc", "corp", "co", "ltd", "gen", "sen",
        "rep", "gov", "gov't", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "no", "vs", "etc", "u.s", "u.k", "u.n", "e.g", "i.e"}
END = re.compile(r"[.!?][\"'\u2019\u201d]?(?=\s)|\n")
# Line breaks follow the engine's rule (lib/wrap.c): a blank line ends a
# sentence; a single line break is a space unless the line before is over
# 100 characters, ends with . ! ? : (closing quotes or brackets after; not an
# abbreviation), the next line opens with a list marker, the line before or
# the next line is in capitals (two or more, no small letter), or the next line
# opens with a capital and its first word would have fitted on the line
# before (no longer than the longest line of the paragraph so far, the next
# line counted in).
SENT_END = re.compile(r"[.!?:][\"'\u2019\u201d)\]]*$")
MARKER = re.compile(r"[ \t]*([-*+\u2022\u2013\u2014]|[0-9]{1,3}[.)])[ \t]")
def caps(line):
    return len(re.findall(r"[A-Z]", line)) >= 2 and not re.search(r"[a-z]", line)
def unwrap(text):
    lines = text.split("\n")
    out, width = [], 0
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 == len(lines):
            break
        nxt, prev = lines[i + 1], line.rstrip(" \t\r\f\v")
        if not prev.strip() or not nxt.strip():
            width = 0 if not nxt.strip() else width
            out.append("\n")
            continue
        hard = len(prev) > 100
        width = max(width, len(prev)) if not hard else width
        if not hard and SENT_END.search(prev):
            w = re.search(r"([\w.']+)\.[\"'\u2019\u201d)\]]*$", prev)
            hard = not (prev.rstrip("\"'\u2019\u201d)]").endswith(".") and w and
                        (len(w.group(1)) == 1 or w.group(1).lower() in ABBR))
        hard = hard or bool(MARKER.match(nxt)) or caps(prev) or caps(nxt)
        first = nxt.lstrip(" \t\r\f\v")
        if not hard and "A" <= first[:1] <= "Z":
            need = len(prev) + 1 + len(first.split()[0])
            hard = need <= max(width, len(nxt.rstrip(" \t\r\f\v")))
        out.append("\n" if hard else " ")
    return "".join(out)
def cut(text, n):
    text = unwrap(text)
    count, prev = 0, 0
    for m in END.finditer(text):
        if m.group(0)[0] == ".":
            w = re.search(r"([\w.']+)\.$", text[prev:m.start() + 1])
            if w and (len(w.group(1)) == 1 or w.group(1).lower() in ABBR):
                continue
        if text[prev:m.end()].strip():
            count += 1
            if count == n:
                return m.end()
        prev = m.end()
    return len(text)
n = int(sys.argv[3])
for path in glob.glob(os.path.join(sys.argv[2], "*.tml")):
    d = parse_tml_file(path)
    text, lim = d["text"], cut(d["text"], n)
    out, pos = [], 0
    for t in d["timexes"]:
        if t["start"] >= lim:
            continue
        out.append(escape(text[pos:t["start"]]))
        attrs = "".join(" %s=%s" % (k, quoteattr(v)) for k, v in t["attrs"].items())
        out.append("<TIMEX3%s>%s</TIMEX3>" % (attrs, escape(text[t["start"]:t["end"]])))
        pos = t["end"]
    out.append(escape(text[pos:]))
    dct = ""
    if d["dct"]:
        dct = ('<DCT><TIMEX3 tid="t0" type="DATE" value=%s functionInDocument="CREATION_TIME">'
               '</TIMEX3></DCT>\n' % quoteattr(d["dct"]))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n%s<TEXT>%s</TEXT>\n</TimeML>\n'
                % (dct, "".join(out)))
PY
fi

"$py" "$score" "$gold" "$sys" "${score_args[@]}"
rc=$?
if [ $failed -gt 0 ]; then
	echo "eval.sh: the timeline command failed on $failed of ${#files[@]} documents" >&2
	exit 1
fi
[ $rc = 0 ] || exit 1
exit 0

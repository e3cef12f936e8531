"""tsv_spreadsheet.py - the checks of tests/test_tsv_spreadsheet.sh.

  check NAME JSON XML OUT.XML   the cells Gnumeric made of our TSV (saved as
                                Gnumeric XML) against the JSON events; writes
                                OUT.XML, the same sheet with formulas in
                                columns I and J
  formulas NAME JSON CSV        the recalculated formulas (CSV) against the
                                lengths worked out from the JSON

Gnumeric XML: <gnm:Cell Row Col ValueType ValueFormat>; ValueType 60 is
text, 40 a number (a date is a number with a date format), 20 a boolean; a
formula cell has no ValueType and holds "=...".  Dates are day serials in
the 1900 system, which counts a 29 February 1900 that never was (serial 60):
serial 61 is 1900-03-01, serial 1 1900-01-01, 0 1899-12-31, and earlier
dates are negative.
"""
import csv
import datetime
import json
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.gnumeric.org/v10.dtd}"
HEADER = ["start", "end", "value", "granularity", "headline", "text", "document", "mentions"]
GUARDED = "=+-@\"'"
fails = []


def fail(msg):
    fails.append(msg)


def serial_to_date(serial):
    """The day of a Gnumeric serial (1900 system, serial 60 = 1900-02-29)."""
    if serial != int(serial):
        return None
    serial = int(serial)
    if serial >= 61:
        return datetime.date(1899, 12, 30) + datetime.timedelta(days=serial)
    if serial == 60:
        return None
    return datetime.date(1899, 12, 31) + datetime.timedelta(days=serial)


def iso_date(s):
    """A date for 'YYYY-MM-DD' with a year 1..9999, else None."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", s)
    if not m or m.group(1) == "0000":
        return None
    return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def has_dates(d):
    """Whether Gnumeric keeps this day as a date (Gregorian, 1583-9999)."""
    return d is not None and d.year >= 1583


def unescape(s):
    """Undo the escapes of docs/formats.md: \\\\ \\t \\n \\r."""
    return re.sub(r"\\(.)", lambda m: {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(0)), s)


def is_date_format(fmt):
    return fmt is not None and "y" in fmt and "m" in fmt


def check_text(where, cell, want):
    if cell is None:
        fail(f"{where}: empty cell, want {want!r}")
        return
    vt, fmt, text = cell
    if vt != "60":
        fail(f"{where}: a {'formula' if vt is None else 'type ' + vt} cell {text!r}, want the text {want!r}")
    elif unescape(text) != want:
        fail(f"{where}: {unescape(text)!r}, want {want!r}")


def check_date(where, cell, want):
    """want: the ISO date of the JSON."""
    d = iso_date(want)
    if not has_dates(d):
        check_text(where, cell, want)
        return
    if cell is None:
        fail(f"{where}: empty cell, want the date {want}")
        return
    vt, fmt, text = cell
    if vt != "40" or not is_date_format(fmt):
        fail(f"{where}: {text!r} (type {vt}, format {fmt}) is not a date, want the date {want}")
        return
    got = serial_to_date(float(text))
    if got != d:
        fail(f"{where}: the date {got}, want {want}")


def check_value(where, cell, want):
    if cell is not None and cell[0] == "40":
        vt, fmt, text = cell
        if re.fullmatch(r"\d+", want) and fmt is None:
            if float(text) != int(want):
                fail(f"{where}: the number {text}, want {want}")
            return
        d = iso_date(want)
        m = re.fullmatch(r"(\d{4})-(\d\d)", want)
        if d is None and m:
            d = datetime.date(int(m.group(1)), int(m.group(2)), 1)
            if fmt is None or "d" in fmt:
                fail(f"{where}: the month {want} read with the format {fmt}")
        if has_dates(d) and is_date_format(fmt):
            if serial_to_date(float(text)) != d:
                fail(f"{where}: the date {serial_to_date(float(text))}, want {want}")
            return
    check_text(where, cell, want)


def read_sheet(path):
    root = ET.parse(path).getroot()
    sheets = root.findall(f"{NS}Sheets/{NS}Sheet")
    if len(sheets) != 1:
        fail(f"{len(sheets)} sheets, want 1")
    cells = {}
    for c in sheets[0].iter(f"{NS}Cell"):
        cells[(int(c.get("Row")), int(c.get("Col")))] = (c.get("ValueType"), c.get("ValueFormat"), c.text or "")
    return ET.ElementTree(root), sheets[0], cells


def check(name, json_path, xml_path, out_path):
    events = json.load(open(json_path, encoding="utf-8"))["events"]
    tree, sheet, cells = read_sheet(xml_path)
    for (r, c), (vt, fmt, text) in sorted(cells.items()):
        if vt is None or text.startswith("="):
            if vt != "60":
                fail(f"{name}: row {r + 1} column {c + 1}: a formula {text!r}")
        if c >= len(HEADER):
            fail(f"{name}: row {r + 1} has a cell in column {c + 1}: {text!r}")
    rows = 1 + max((r for r, _ in cells), default=-1)
    for c, h in enumerate(HEADER):
        check_text(f"{name}: header column {c + 1}", cells.get((0, c)), h)
    if rows - 1 != len(events):
        fail(f"{name}: {rows - 1} rows of events, the JSON has {len(events)} events")
    for i, e in enumerate(events):
        r = i + 1
        w = f"{name}: row {r + 1}"
        check_date(f"{w} start", cells.get((r, 0)), e["start"])
        check_date(f"{w} end", cells.get((r, 1)), e["end"])
        check_value(f"{w} value", cells.get((r, 2)), e["value"])
        check_text(f"{w} granularity", cells.get((r, 3)), e["granularity"])
        check_text(f"{w} headline", cells.get((r, 4)), e["headline"])
        check_text(f"{w} text", cells.get((r, 5)), e["text"])
        check_text(f"{w} document", cells.get((r, 6)), e["document"])
        m = cells.get((r, 7))
        if m is None or m[0] != "40" or float(m[2]) != len(e["mentions"]):
            fail(f"{w} mentions: {m}, want the number {len(e['mentions'])}")
    # The formulas: I = end - start, J = LEN(headline).
    cell_parent = sheet.find(f"{NS}Cells")
    for i in range(len(events)):
        n = i + 2
        for col, formula in ((8, f"=B{n}-A{n}"), (9, f"=LEN(E{n})")):
            el = ET.SubElement(cell_parent, f"{NS}Cell", Row=str(n - 1), Col=str(col))
            el.text = formula
    maxcol = sheet.find(f"{NS}MaxCol")
    if maxcol is not None:
        maxcol.text = "9"
    ET.register_namespace("gnm", NS[1:-1])
    tree.write(out_path, encoding="utf-8", xml_declaration=True)


def formulas(name, json_path, csv_path):
    events = json.load(open(json_path, encoding="utf-8"))["events"]
    rows = list(csv.reader(open(csv_path, encoding="utf-8", newline="")))
    if len(rows) != len(events) + 1:
        fail(f"{name}: the recalculated sheet has {len(rows)} rows, want {len(events) + 1}")
    dated = 0
    for i, e in enumerate(events):
        row = rows[i + 1] if i + 1 < len(rows) else []
        w = f"{name}: row {i + 2}"
        if len(row) < 10:
            fail(f"{w}: {len(row)} columns after recalculation: {row}")
            continue
        s, z = iso_date(e["start"]), iso_date(e["end"])
        if has_dates(s) and has_dates(z) and not (s < datetime.date(1900, 3, 1) < z):
            days = (z - s).days
            if e["granularity"] in ("day", "hour", "minute", "second") and e["start"] == e["value"][:10]:
                if days != 1:
                    fail(f"{w}: the JSON's day {e['value']} spans {days} days")
            if e["granularity"] == "year" and re.fullmatch(r"\d{4}", e["value"]) and days not in (365, 366):
                fail(f"{w}: the JSON's year {e['value']} spans {days} days")
            if row[8] != str(days):
                fail(f"{w}: end - start is {row[8]!r} in the spreadsheet, want {days} ({e['start']} to {e['end']})")
            dated += 1
        elif row[8] != "#VALUE!":
            fail(f"{w}: end - start of the text dates {e['start']} and {e['end']} is {row[8]!r}, want #VALUE!")
        if row[9] != str(len(e["headline"])):
            fail(f"{w}: LEN(headline) is {row[9]!r}, want {len(e['headline'])} code points ({e['headline']!r})")
    if events and not dated and name != "hostile":
        fail(f"{name}: no event with dates the spreadsheet can subtract")


def main():
    mode, name = sys.argv[1], sys.argv[2]
    if mode == "check":
        check(name, *sys.argv[3:6])
    else:
        formulas(name, *sys.argv[3:5])
    for f in fails:
        print("FAIL: " + f)
    if not fails:
        print(f"{name}: {mode} ok")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

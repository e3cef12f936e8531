#!/usr/bin/python3
"""dateparser_bench.py - the Python dateparser peer of the benchmark.

usage: /usr/bin/python3 dateparser_bench.py FILE [YYYY-MM-DD]

Reads FILE, splits it into paragraphs (blank lines) and calls
dateparser.search.search_dates(paragraph, languages=['en']) on each, with the
reference date as RELATIVE_BASE.  dateparser is slow, so the benchmark hands it
a bounded slice of the text, not the whole file.  Prints
"bytes=N paragraphs=N results=N seconds=S MB/s=R" (seconds: parsing only).
"""
import datetime
import re
import sys
import time

from dateparser.search import search_dates


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    ref = datetime.datetime.strptime(sys.argv[2] if len(sys.argv) > 2 else "2021-11-05",
                                     "%Y-%m-%d").replace(hour=12)
    data = open(sys.argv[1], "rb").read()
    text = data.decode("utf-8")
    settings = {"RELATIVE_BASE": ref}
    t0 = time.perf_counter()
    paragraphs = re.split(r"\n[ \t]*\n", text)
    results = 0
    for p in paragraphs:
        if not p.strip():
            continue
        found = search_dates(p, languages=["en"], settings=settings)
        results += len(found) if found else 0
    secs = time.perf_counter() - t0
    print(f"bytes={len(data)} paragraphs={len(paragraphs)} results={results} "
          f"seconds={secs:.4f} MB/s={len(data) / 1e6 / secs:.3f}")


if __name__ == "__main__":
    main()

"""python -m extraction --published YYYY-MM-DD FILE: print statements as JSON.

The same JSON as ``manage.py extract --format json``, without Django.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from . import EXTRACTOR_VERSION, extract


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extraction")
    ap.add_argument("file", help="article text file ('-' for standard input)")
    ap.add_argument("--published", help="publication date, YYYY-MM-DD (default: today)")
    ap.add_argument("--format", default="json", choices=["json"])
    a = ap.parse_args(argv)
    text = sys.stdin.read() if a.file == "-" else Path(a.file).read_text(encoding="utf-8")
    published = date.fromisoformat(a.published) if a.published else date.today()
    result = extract(text, published=published)
    out = {"statements": [s.as_dict() for s in result], "extractor_version": EXTRACTOR_VERSION}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

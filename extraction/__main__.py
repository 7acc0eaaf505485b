"""python -m extraction --published YYYY-MM-DD FILE: print statements as JSON.

The same JSON as ``manage.py extract --format json``, without Django: HTML left in the text is
stripped first, a text not in English is reported on standard error and in ``warnings``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from . import EXTRACTOR_VERSION, extract
from .language import detect_language
from .text import strip_html


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extraction")
    ap.add_argument("file", help="article text file ('-' for standard input)")
    ap.add_argument("--published", help="publication date, YYYY-MM-DD (without it, undated statements stay undated)")
    ap.add_argument("--title", help="the title, when the first line is not the headline")
    ap.add_argument("--format", default="json", choices=["json"])
    a = ap.parse_args(argv)
    text = strip_html(sys.stdin.read() if a.file == "-" else Path(a.file).read_text(encoding="utf-8"))
    published = date.fromisoformat(a.published) if a.published else None
    language = detect_language(text)
    warnings = [] if language.supported else [language.message()]
    for warning in warnings:
        sys.stderr.write(f"warning: {warning}\n")
    result = extract(text, published=published, title=a.title) if language.supported else []
    out = {"statements": [s.as_dict() for s in result], "extractor_version": EXTRACTOR_VERSION,
           "language": language.code, "warnings": warnings}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Prints the README's clause table from the clause catalogue
(resources/check/clauses.json): one row a clause, with its citation, what it
requires, how it is checked and by which rules. The README holds this output
between the markers <!-- clauses:begin --> and <!-- clauses:end -->; a test
keeps the two equal.

  python3 scripts/clause-table.py            # print the table
  python3 scripts/clause-table.py --update   # rewrite it in README.md
  python3 scripts/clause-table.py --check    # exit 1 when README.md differs
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = {"automatic": "自动 automatic", "semi_automatic": "半自动 candidate",
         "checklist": "人工 checklist"}
BEGIN, END = "<!-- clauses:begin -->", "<!-- clauses:end -->"


def table():
    cat = json.loads((ROOT / "resources/check/clauses.json").read_text(encoding="utf-8"))
    titles = {d["id"]: d["title_zh"] for d in cat["documents"]}
    rows = ["| clause | 条款 | requirement | how | rules | text |",
            "| --- | --- | --- | --- | --- | --- |"]
    for c in cat["clauses"]:
        rules = ", ".join(f"`{r}`" for r in c["rules"]) or "—"
        cell = lambda s: s.replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{c['id']}` | 《{titles[c['document']]}》{cell(c['section'])} | "
                    f"{cell(c['title_zh'])} — {cell(c.get('title_en', ''))} | {MODES[c['mode']]} | "
                    f"{rules} | {c['text_status']} |")
    return "\n".join(rows) + "\n"


def main():
    text = table()
    if "--update" not in sys.argv and "--check" not in sys.argv:
        sys.stdout.write(text)
        return 0
    readme = ROOT / "README.md"
    body = readme.read_text(encoding="utf-8")
    start, end = body.index(BEGIN) + len(BEGIN), body.index(END)
    wanted = body[:start] + "\n" + text + body[end:]
    if "--check" in sys.argv:
        if wanted != body:
            print("README.md's clause table differs from resources/check/clauses.json: "
                  "run python3 scripts/clause-table.py --update", file=sys.stderr)
            return 1
        print("README.md's clause table matches the catalogue "
              f"({text.count(chr(10)) - 2} clauses)")
        return 0
    readme.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

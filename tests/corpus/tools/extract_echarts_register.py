#!/usr/bin/env python3
"""Pull the map object out of an ECharts map script (`echarts.registerMap('NAME', {...})`),
as shipped: ECharts' UTF8Encoding left as it is (the checker reads it natively).

usage: extract_echarts_register.py china.js NAME OUT.json
"""
import json
import sys

src, name, out = sys.argv[1:4]
text = open(src, encoding="utf-8").read()
marker = "registerMap('%s', " % name
start = text.index(marker) + len(marker)
obj, _ = json.JSONDecoder().raw_decode(text, start)
with open(out, "w", encoding="utf-8") as f:
    json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))

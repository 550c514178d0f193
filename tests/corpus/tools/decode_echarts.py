#!/usr/bin/env python3
"""Decode an ECharts "UTF8Encoding" GeoJSON into plain GeoJSON.

ECharts (2.x-4.x) ships map files whose rings are strings: each pair of
characters is one vertex, char code - 64, zigzag-encoded, delta from the
previous vertex (the first from geometry.encodeOffsets), divided by
UTF8Scale (default 1024).  Same algorithm as echarts/src/coord/geo/parseGeoJson.js.

usage: decode_echarts.py IN.json OUT.json
"""
import json
import sys


def decode_ring(s, offset, scale):
    px, py = offset
    out = []
    for i in range(0, len(s) - 1, 2):
        x = ord(s[i]) - 64
        y = ord(s[i + 1]) - 64
        x = (x >> 1) ^ (-(x & 1))
        y = (y >> 1) ^ (-(y & 1))
        px += x
        py += y
        out.append([px / scale, py / scale])
    if out and out[0] != out[-1]:
        out.append(list(out[0]))  # GeoJSON rings must be closed
    return out


def decode(doc):
    if not doc.get("UTF8Encoding"):
        return doc
    scale = doc.get("UTF8Scale") or 1024
    for feat in doc["features"]:
        g = feat.get("geometry")
        if not g:
            continue
        offs = g.pop("encodeOffsets", None)
        if g["type"] == "Polygon":
            g["coordinates"] = [decode_ring(r, offs[i], scale)
                                for i, r in enumerate(g["coordinates"])]
        elif g["type"] == "MultiPolygon":
            g["coordinates"] = [[decode_ring(r, offs[p][i], scale)
                                 for i, r in enumerate(poly)]
                                for p, poly in enumerate(g["coordinates"])]
        else:
            raise SystemExit("unexpected encoded geometry " + g["type"])
    del doc["UTF8Encoding"]
    doc.pop("UTF8Scale", None)
    return doc


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    doc = decode(doc)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))

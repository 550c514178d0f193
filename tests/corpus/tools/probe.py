#!/usr/bin/python3
"""Independent GDAL/OGR probe of the corpus maps (does not use mapaudit).

For every map in tests/corpus/maps/ and every fetched map (tests/corpus/fetch.sh)
it records layers, fields, extents, which feature holds each key place, which
features lie near key islands and near the South China Sea dash positions,
parts displaced east of Taiwan (a possible inset), and attributes that name
Taiwan; every text that looks like a map-review number (审图号: attributes,
layer and file names, GDAL metadata of the dataset and its layers, and the
JSON text outside the geometries, read without GDAL); and for point layers the
capital-level attributes of places named Taipei, New Taipei, Taoyuan,
Taichung, Tainan or Kaohsiung.  Writes tests/corpus/probe.json.

usage: tools/probe.py [FILE ...]     (default: the whole corpus)
"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from osgeo import ogr, osr, gdal

gdal.UseExceptions()
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)

PLACES = {
    "taipei": (121.56, 25.04), "kaohsiung": (120.30, 22.63),
    "tawang": (91.86, 27.59), "itanagar": (93.62, 27.08),
    "aksai_chin": (79.3, 35.2), "beijing": (116.40, 39.90),
    "urumqi": (87.62, 43.83), "lhasa": (91.13, 29.65),
    "haikou": (110.33, 20.03), "sanya": (109.51, 18.25),
    "hong_kong": (114.17, 22.30), "macao": (113.55, 22.19),
    "new_delhi": (77.21, 28.61), "tokyo": (139.69, 35.69),
    "hanoi": (105.85, 21.03), "manila": (120.98, 14.60),
}
ISLANDS = {
    "yongxing": (112.33, 16.83), "huangyan": (117.75, 15.15),
    "zengmu": (112.28, 3.97), "dongsha": (116.72, 20.70),
    "diaoyu": (123.47, 25.74), "chiwei": (124.56, 25.92),
    "yongshu": (112.89, 9.55),
}
ISLAND_KM = 15.0
DASHES = {  # approximate positions of the South China Sea dashes
    "d1_east_of_taiwan": (122.9, 21.2), "d_sw": (108.3, 6.0),
    "d_south_a": (109.6, 3.9), "d_south_b": (113.3, 3.9),
    "d_se": (119.1, 11.2), "d_e1": (119.5, 16.5), "d_e2": (119.9, 18.9),
}
DASH_DEG = 0.3
INSET_BOX = (122.0, 14.0, 134.0, 27.0)    # lon0, lat0, lon1, lat1: east of Taiwan
# real land in that box: Diaoyu/Chiwei, Ryukyu/Yaeyama, Batanes, Luzon east coast
NAME_RE = re.compile(r"南海|诸岛|諸島|南沙|西沙|中沙|东沙|東沙|黄岩|曾母|九段|十段|"
                     r"south china sea|nanhai|spratly|paracel|scarborough|pratas|"
                     r"dash|nine|ten-?dash", re.I)
TAIWAN_RE = re.compile(r"^(TW|TWN|158)$|taiwan|中華民國|中华民国|republic of china|台湾|臺灣|台灣", re.I)
# Anything that looks like a map-review number, well formed or not: the words
# 审图号 and what follows them, or a GS / <province>S number in any bracket
# (GS(2023)1234号, GS京(2022)1061号, 京S(2021)023号, 鲁SG(2020)005号,
# 川S【2022】00024号).  Matched on the NFKC form (full-width letters, digits
# and brackets folded); the year, serial and 号 are optional on purpose.
REVIEWNO_RE = re.compile(
    r"审图号[^\n\r]{0,40}"
    r"|(?<![A-Za-z])(?:GS[\u4e00-\u9fff]?|[\u4e00-\u9fff]S[A-Z]?)\s*[(\[【〔]\s*\d{1,4}\s*"
    r"[)\]】〕]\s*\d{0,8}\s*号?")
# Places TAIWAN-ADMIN is about, matched on a place's own name fields (not on
# adm1name / admin_name, which name the province a place lies in).
TAIWAN_CITIES = [  # order matters: New Taipei before Taipei
    ("new_taipei", re.compile(r"new\s*taipei|新北", re.I)),
    ("taipei", re.compile(r"\btaipei\b|台北|臺北", re.I)),
    ("taoyuan", re.compile(r"taoyuan|桃园|桃園", re.I)),
    ("taichung", re.compile(r"taichung|台中|臺中", re.I)),
    ("tainan", re.compile(r"tainan|台南|臺南", re.I)),
    ("kaohsiung", re.compile(r"kaohsiung|高雄", re.I)),
]
NAME_FIELD_RE = re.compile(r"^(name|city|asciiname|alternatenames|nameascii|namealt|namepar|"
                           r"meganame|ls_name|name_[a-z_]+|city_[a-z_]+|地名|名称|名稱)$", re.I)
# fields that say what rank of capital a place is
CAPITAL_FIELD_RE = re.compile(r"^(featurecla|adm0cap|capalt|capin|capital|is_capital|"
                              r"feature_?code|fcode|feature_?class|fclass|worldcity|megacity|"
                              r"place|type|class|rank|首都|省会|省會|级别|級別)$", re.I)
IDENT_HINTS = ("name", "id", "iso", "adm0", "admin", "sov", "hc-key", "hc-a2",
               "adcode", "code", "type", "hasc", "full_name")

WGS84 = osr.SpatialReference()
WGS84.ImportFromEPSG(4326)
WGS84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)


def corpus_files():
    files = [("maps/" + n, os.path.join(CORPUS, "maps", n))
             for n in sorted(os.listdir(os.path.join(CORPUS, "maps")))]
    cache = os.environ.get("MAPAUDIT_CORPUS_CACHE",
                           os.path.expanduser("~/.cache/mapaudit-corpus"))
    out = subprocess.run([os.path.join(CORPUS, "fetch.sh")], check=True,
                         capture_output=True, text=True).stdout.split()
    files += [("cache:" + os.path.relpath(p, cache), p) for p in out]
    return files


def attrs(feat):
    d = {}
    for i in range(feat.GetFieldCount()):
        if feat.IsFieldSetAndNotNull(i):
            v = feat.GetField(i)
            if isinstance(v, float):
                v = round(v, 4)
            d[feat.GetFieldDefnRef(i).GetName()] = v
    return d


def ident(feat):
    a = attrs(feat)
    keep = {k: v for k, v in a.items()
            if any(h in k.lower() for h in IDENT_HINTS) and not isinstance(v, float)}
    if not keep:
        keep = dict(list(a.items())[:6])
    return {"fid": feat.GetFID(), **dict(list(keep.items())[:10])}


def point(lon, lat):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(lon, lat)
    return p


def parts(geom):
    """Flatten a geometry into its polygon / line parts."""
    if geom is None:
        return []
    n = geom.GetGeometryCount()
    t = ogr.GT_Flatten(geom.GetGeometryType())
    if t in (ogr.wkbMultiPolygon, ogr.wkbMultiLineString, ogr.wkbGeometryCollection,
             ogr.wkbMultiPoint):
        out = []
        for i in range(n):
            out += parts(geom.GetGeometryRef(i))
        return out
    return [geom]


def km_between(geom, lon, lat):
    """Approximate distance (km) from a point to a geometry, lon scaled by cos(lat)."""
    k = math.cos(math.radians(lat))
    scaled = geom.Clone()
    for p in parts(scaled):
        _scale(p, k)
    return scaled.Distance(point(lon * k, lat)) * 111.32


def _scale(g, k):
    if g.GetGeometryCount():
        for i in range(g.GetGeometryCount()):
            _scale(g.GetGeometryRef(i), k)
    else:
        for i in range(g.GetPointCount()):
            x, y = g.GetX(i), g.GetY(i)
            g.SetPoint_2D(i, x * k, y)


def contains(g, pt):
    """Point-in-polygon part by part (GEOS misreports on invalid multipolygons)."""
    return any(p.Contains(pt) for p in parts(g)
               if ogr.GT_Flatten(p.GetGeometryType()) == ogr.wkbPolygon)


def bbox(g):
    x0, x1, y0, y1 = g.GetEnvelope()
    return [round(x0, 3), round(y0, 3), round(x1, 3), round(y1, 3)]


def layer_features(lyr):
    lyr.ResetReading()
    for f in lyr:
        g = f.GetGeometryRef()
        if g is not None and not g.IsEmpty():  # e.g. Highcharts' arc-less features
            yield f, g


def probe_layer(lyr, to_wgs):
    defn = lyr.GetLayerDefn()
    srs = lyr.GetSpatialRef()
    info = {
        "name": lyr.GetName(),
        "feature_count": lyr.GetFeatureCount(),
        "fields": [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())],
        "extent": [round(v, 4) for v in lyr.GetExtent()] if lyr.GetFeatureCount() else None,
        "crs": (srs.GetAuthorityName(None) or "") + ":" + (srs.GetAuthorityCode(None) or "")
               if srs else None,
    }
    feats = []
    types = {}
    for f, g in layer_features(lyr):
        g = g.Clone()
        if to_wgs:
            g.Transform(to_wgs)
        types[g.GetGeometryName()] = types.get(g.GetGeometryName(), 0) + 1
        feats.append((f, g))
    info["geometry_types"] = types
    lyr.ResetReading()
    info["empty_geometry_features"] = [ident(f) for f in lyr
                                       if f.GetGeometryRef() is None or f.GetGeometryRef().IsEmpty()]

    info["places"] = {}
    for key, (lon, lat) in PLACES.items():
        pt = point(lon, lat)
        hits = [ident(f) for f, g in feats if g.GetEnvelope()[0] <= lon <= g.GetEnvelope()[1]
                and g.GetEnvelope()[2] <= lat <= g.GetEnvelope()[3] and contains(g, pt)]
        info["places"][key] = hits

    info["islands"] = {}
    for key, (lon, lat) in ISLANDS.items():
        near = []
        for f, g in feats:
            x0, x1, y0, y1 = g.GetEnvelope()
            if x0 - 1 <= lon <= x1 + 1 and y0 - 1 <= lat <= y1 + 1:
                d = km_between(g, lon, lat)
                if d <= ISLAND_KM:
                    near.append({**ident(f), "km": round(d, 1)})
        info["islands"][key] = sorted(near, key=lambda h: h["km"])

    info["dashes"] = {}
    for key, (lon, lat) in DASHES.items():
        near = []
        for f, g in feats:
            for p in parts(g):
                if p.Distance(point(lon, lat)) <= DASH_DEG:
                    b = bbox(p)
                    near.append({**ident(f), "part_type": p.GetGeometryName(),
                                 "part_bbox": b, "part_area": round(p.GetArea(), 5)})
        info["dashes"][key] = near

    # parts lying wholly east of Taiwan (122-134E, 14-27N): where an inset would sit
    lo0, la0, lo1, la1 = INSET_BOX
    inset = []
    for f, g in feats:
        ps = [p for p in parts(g)
              if lo0 <= p.GetEnvelope()[0] and p.GetEnvelope()[1] <= lo1
              and la0 <= p.GetEnvelope()[2] and p.GetEnvelope()[3] <= la1]
        if ps:
            env = [min(p.GetEnvelope()[0] for p in ps), min(p.GetEnvelope()[2] for p in ps),
                   max(p.GetEnvelope()[1] for p in ps), max(p.GetEnvelope()[3] for p in ps)]
            inset.append({**ident(f), "parts": len(ps), "bbox": [round(v, 3) for v in env],
                          "part_types": sorted({p.GetGeometryName() for p in ps})})
    info["parts_east_of_taiwan"] = inset

    named = []
    taiwan = []
    for f, g in feats:
        a = attrs(f)
        for k, v in a.items():
            if isinstance(v, str) and NAME_RE.search(v):
                named.append({**ident(f), "field": k, "value": v, "bbox": bbox(g)})
            if isinstance(v, (str, int)) and TAIWAN_RE.search(str(v)):
                taiwan.append({"fid": f.GetFID(), "field": k, "value": v})
    info["south_china_sea_names"] = named
    info["taiwan_attributes"] = taiwan
    # full attributes of the feature(s) holding Taipei: is Taiwan typed as a state?
    info["taipei_feature_attributes"] = [
        attrs(f) for f, g in feats if contains(g, point(*PLACES["taipei"]))]
    if is_point_layer(types):
        info["taiwan_city_places"] = taiwan_city_places(feats)
        info["taiwan_capital_points"] = taiwan_capital_points(feats)
    return info


def untyped_geojson(path):
    """GeoJSON whose features lack "type": "Feature" (GDAL then drops attributes):
    return a fixed copy's path, else None."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (ValueError, UnicodeDecodeError):
        return None
    feats = doc.get("features") if isinstance(doc, dict) else None
    if doc.get("type") != "FeatureCollection" or not feats or \
            all(ft.get("type") == "Feature" for ft in feats):
        return None
    for ft in feats:
        ft["type"] = "Feature"
    fixed = os.path.join(tempfile.mkdtemp(), os.path.basename(path))
    with open(fixed, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return fixed


def reviewno_hits(text):
    """Texts in TEXT that look like a review number (matched on its NFKC form)."""
    if not isinstance(text, str) or not text:
        return []
    return [m.group(0).strip() for m in REVIEWNO_RE.finditer(unicodedata.normalize("NFKC", text))]


def _reviewno(where, text, out):
    for hit in reviewno_hits(text):
        item = {"where": where, "text": hit}
        if hit != text:
            item["value"] = text if len(text) <= 200 else text[:200] + "…"
        if item not in out:
            out.append(item)


def gdal_metadata(obj):
    """{domain: {key: value}} of a GDAL dataset or layer (every domain)."""
    md = {}
    for dom in (obj.GetMetadataDomainList() or []):
        items = obj.GetMetadata(dom)
        if isinstance(items, list):  # xml:* domains: a list of strings
            items = {f"[{i}]": v for i, v in enumerate(items)}
        if items:
            md[dom or "(default)"] = items
    return md


def reviewno_in_gdal(path, ds):
    """Review-number-like texts GDAL shows: file name, dataset and layer metadata,
    layer names, field names and every string attribute (features without
    geometry included)."""
    out = []
    _reviewno("file name", os.path.basename(path), out)
    for dom, items in gdal_metadata(ds).items():
        for k, v in items.items():
            _reviewno(f"dataset metadata {dom}:{k}", f"{k}={v}", out)
    for lyr in ds:
        name = lyr.GetName()
        _reviewno("layer name", name, out)
        for dom, items in gdal_metadata(lyr).items():
            for k, v in items.items():
                _reviewno(f"layer {name} metadata {dom}:{k}", f"{k}={v}", out)
        defn = lyr.GetLayerDefn()
        for i in range(defn.GetFieldCount()):
            _reviewno(f"layer {name} field name", defn.GetFieldDefn(i).GetName(), out)
        lyr.ResetReading()
        for f in lyr:
            for k, v in attrs(f).items():
                _reviewno(f"layer {name} fid {f.GetFID()} field {k}", v, out)
        lyr.ResetReading()
    return out


def reviewno_in_json(path):
    """Review-number-like texts anywhere in a JSON file outside the coordinates
    (top-level name/description/metadata, properties, TopoJSON objects), read
    with the json module, not GDAL: None when the file is not JSON."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (ValueError, UnicodeDecodeError):
        return None
    out = []

    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("coordinates", "arcs"):
                    continue
                _reviewno(f"{where}/{k} (key)", k, out)
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")
        elif isinstance(node, str):
            _reviewno(where, node, out)
    walk(doc, "$")
    return out


def is_point_layer(types):
    return bool(types) and all(t in ("POINT", "MULTIPOINT") for t in types)


def taiwan_city_places(feats):
    """Points named Taipei or one of the five cities TAIWAN-ADMIN names, with
    their capital-level attributes and all their attributes."""
    out = []
    for f, g in feats:
        a = attrs(f)
        hit = None
        for k, v in a.items():
            if not (isinstance(v, str) and NAME_FIELD_RE.match(k)):
                continue
            for city, rx in TAIWAN_CITIES:
                if rx.search(v):
                    hit = (city, k, v)
                    break
            if hit:
                break
        if not hit:
            continue
        out.append({"city": hit[0], "fid": f.GetFID(), "matched_field": hit[1],
                    "matched_value": hit[2], "point": [round(g.GetX(), 4), round(g.GetY(), 4)]
                    if ogr.GT_Flatten(g.GetGeometryType()) == ogr.wkbPoint else None,
                    "capital_attributes": {k: v for k, v in a.items() if CAPITAL_FIELD_RE.match(k)},
                    "attributes": a})
    return out


def taiwan_capital_points(feats):
    """Every point in Taiwan (Taiwan, Penghu, Kinmen, Matsu: 117.9-122.1E,
    21.8-26.4N, and in a feature whose attributes name Taiwan) with a non-empty,
    non-zero capital-level attribute other than a minor/local rank: name and
    those attributes only."""
    out = []
    for f, g in feats:
        if ogr.GT_Flatten(g.GetGeometryType()) != ogr.wkbPoint:
            continue
        if not (117.9 <= g.GetX() <= 122.1 and 21.8 <= g.GetY() <= 26.4):
            continue
        a = attrs(f)
        if not any(isinstance(v, (str, int)) and TAIWAN_RE.search(str(v)) for v in a.values()):
            continue
        caps = {k: v for k, v in a.items() if CAPITAL_FIELD_RE.match(k)
                and v not in ("", 0, None, "minor", "Populated place")}
        if caps:
            name = next((v for k, v in a.items() if NAME_FIELD_RE.match(k) and isinstance(v, str)), None)
            out.append({"fid": f.GetFID(), "name": name, **caps})
    return out


def echarts_encoded(path):
    """ECharts' UTF8Encoding map (coordinates packed in strings): a decoded
    copy's path (tools/decode_echarts.py), else None."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(doc, dict) or not doc.get("UTF8Encoding"):
        return None
    decoded = os.path.join(tempfile.mkdtemp(), os.path.basename(path))
    subprocess.run([sys.executable, os.path.join(HERE, "decode_echarts.py"), path, decoded],
                   check=True)
    return decoded


def probe(path):
    ds = ogr.Open(path)
    if ds is None:
        return {"error": "GDAL cannot open"}
    out = {"driver": ds.GetDriver().GetName(), "layers": []}
    decoded = echarts_encoded(path) if out["driver"] == "GeoJSON" else None
    if decoded:
        out["reader_note"] = "ECharts UTF8Encoding: probed a copy decoded by tools/decode_echarts.py"
        path = decoded
        ds = ogr.Open(path)
    fixed = untyped_geojson(path) if out["driver"] == "GeoJSON" else None
    if fixed:
        out["reader_note"] = (out.get("reader_note", "") + "; " if decoded else "") + (
            "features lack \"type\": \"Feature\"; GDAL reads them with "
            "no attributes (feature count 0); probed a copy with the type added")
        ds = ogr.Open(fixed)
    out["metadata"] = gdal_metadata(ds)
    for lyr in ds:
        srs = lyr.GetSpatialRef()
        to_wgs = None
        if srs is not None and not srs.IsGeographic():
            to_wgs = osr.CoordinateTransformation(srs, WGS84)
        out["layers"].append(probe_layer(lyr, to_wgs))
        out["layers"][-1]["metadata"] = gdal_metadata(lyr)
    out["review_numbers"] = reviewno_in_gdal(path, ds)
    raw = reviewno_in_json(path)
    if raw is not None:
        out["review_numbers_json"] = raw
    return out


def main():
    if len(sys.argv) > 1:
        files = [(os.path.relpath(p, CORPUS), p) for p in sys.argv[1:]]
        result = {k: probe(p) for k, p in files}
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        return
    result = {}
    for key, path in corpus_files():
        print("probing", key, file=sys.stderr)
        result[key] = probe(path)
    with open(os.path.join(CORPUS, "probe.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""One change at a time to a compliant map made by others, each checked with
the real CLI: every mutation must give exactly its own error findings, and the
untouched map and its faithful copies (GeoPackage, Web Mercator, a GBK
shapefile without .cpg) none at error level.

The compliant maps are @surbowl/world-geo-json-zh 2.1.5's world map (China with
Taiwan, the South China Sea Islands and the ten dashes drawn as thin polygons
in one MultiPolygon), a provinces map assembled from real parts as DataV
draws one (ECharts' provinces and Sansha, surbowl's dashes as 100000_JD), and
DataV's own provinces map (maps/esmjs-geo_china.geojson, a disputed area of the
reference pack cut out). The changes are made with GDAL's Python bindings, from
the geometry alone (which parts lie where), never from the engine.

  tests/corpus/mutations.py MAPAUDIT-CLI
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
HERE = Path(__file__).resolve().parent
SOURCE = HERE / "maps" / "surbowl_world.zh.geojson"

TAIWAN_BOX = (119.9, 21.8, 122.2, 25.4)  # Taiwan Dao (Penghu lies west of 119.9)
HAINAN_BOX = (108.5, 18.0, 111.2, 20.3)
SCS_BOX = (105.0, 2.5, 124.5, 21.6)       # the sea with its islands and dashes
DASH_BOX = (105.0, 2.5, 124.5, 24.8)      # the ten dashes, the one east of Taiwan too


def box(b):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in [(b[0], b[1]), (b[2], b[1]), (b[2], b[3]), (b[0], b[3]), (b[0], b[1])]:
        ring.AddPoint_2D(x, y)
    g = ogr.Geometry(ogr.wkbPolygon)
    g.AddGeometry(ring)
    return g


def inside(part, b):
    e = part.GetEnvelope()
    return e[0] >= b[0] and e[1] <= b[2] and e[2] >= b[1] and e[3] <= b[3]


def is_dash(part):
    """A dash: a thin polygon (long and narrow) out at sea in the South China Sea."""
    e = part.GetEnvelope()
    length = max(e[1] - e[0], e[3] - e[2])
    return inside(part, DASH_BOX) and not inside(part, HAINAN_BOX) and \
        part.GetArea() < 0.2 * length * length * 0.5 and length > 0.3


def load():
    ds = ogr.Open(str(SOURCE))
    layer = ds.GetLayer(0)
    feats = []
    for f in layer:
        feats.append({"props": {k: f.GetField(k) for k in f.keys()},
                      "geom": f.GetGeometryRef().Clone()})
    return feats


def china(feats):
    return next(f for f in feats if f["props"].get("iso_a3") == "CHN")


def parts(g):
    return [g.GetGeometryRef(i).Clone() for i in range(g.GetGeometryCount())]


def multipolygon(ps):
    m = ogr.Geometry(ogr.wkbMultiPolygon)
    for p in ps:
        m.AddGeometry(p)
    return m


def write_geojson(feats, path, extra=()):
    drv = ogr.GetDriverByName("GeoJSON")
    ds = drv.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer("world", srs, ogr.wkbUnknown)
    names = ["name", "full_name", "iso_a2", "iso_a3", "iso_n3"]
    for f in extra:  # fields only the added features have (a place layer's featurecla)
        names += [k for k in f["props"] if k not in names]
    for name in names:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for f in list(feats) + list(extra):
        out = ogr.Feature(layer.GetLayerDefn())
        for k, v in f["props"].items():
            if v is not None and layer.GetLayerDefn().GetFieldIndex(k) >= 0:
                out.SetField(k, str(v))
        out.SetGeometry(f["geom"])
        layer.CreateFeature(out)
    ds = None
    return path


def scaled(g, s, dx, dy):
    g = g.Clone()

    def walk(h):
        if h.GetGeometryCount():
            for i in range(h.GetGeometryCount()):
                walk(h.GetGeometryRef(i))
        else:
            for i in range(h.GetPointCount()):
                x, y = h.GetX(i), h.GetY(i)
                h.SetPoint_2D(i, s * x + dx, s * y + dy)

    walk(g)
    return g


def mutations(work):
    base = load()
    cn = china(base)
    cn_parts = parts(cn["geom"])
    out = {}

    out["untouched"] = (SOURCE, set())

    copy = work / "copy.gpkg"
    gdal.VectorTranslate(str(copy), str(SOURCE), format="GPKG")
    out["GeoPackage copy"] = (copy, set())

    merc = work / "webmercator.geojson"
    gdal.VectorTranslate(str(merc), str(SOURCE), format="GeoJSON", dstSRS="EPSG:3857",
                         reproject=True, layerCreationOptions=["RFC7946=NO"])
    out["reprojected to Web Mercator"] = (merc, set())

    shp = work / "gbk.shp"
    gdal.VectorTranslate(str(shp), str(SOURCE), format="ESRI Shapefile",
                         layerCreationOptions=["ENCODING=GBK"])
    cpg = shp.with_suffix(".cpg")
    if cpg.exists():
        cpg.unlink()
    out["GBK shapefile without .cpg"] = (shp, set())

    # A file's name is no layer's role: a one-layer GeoJSON called "…inset…"
    # (its layer takes the file's name) is a whole map, not an inset.
    named = work / "south_china_sea_inset.geojson"
    gdal.VectorTranslate(str(named), str(SOURCE), format="GeoJSON")
    out["saved under a file name saying inset"] = (named, set())

    # Taiwan removed: China's parts on Taiwan Dao dropped.
    feats = load()
    china(feats)["geom"] = multipolygon([p for p in cn_parts if not inside(p, TAIWAN_BOX)])
    out["Taiwan removed"] = (write_geojson(feats, work / "no-taiwan.geojson"),
                             {("TERR-MISSING", "taiwan")})

    # The South China Sea Islands and the dashes removed.
    feats = load()
    china(feats)["geom"] = multipolygon(
        [p for p in cn_parts if not inside(p, SCS_BOX) or inside(p, HAINAN_BOX)])
    out["South China Sea Islands and dashes removed"] = (
        write_geojson(feats, work / "no-nanhai.geojson"),
        {("ISLAND-OMITTED", "*nanhai"), ("DASHLINE-MISSING", "nanhai")})

    # The dashes alone removed.
    feats = load()
    china(feats)["geom"] = multipolygon([p for p in cn_parts if not is_dash(p)])
    out["dashes removed"] = (write_geojson(feats, work / "no-dashes.geojson"),
                             {("DASHLINE-MISSING", "nanhai")})

    # Taiwan's land stays China's but is named as a state.
    feats = load()
    china(feats)["geom"] = multipolygon([p for p in cn_parts if not inside(p, TAIWAN_BOX)])
    taiwan = {"props": {"name": "台湾", "full_name": "中華民國", "iso_a2": "CN", "iso_a3": "CHN",
                        "iso_n3": "156"},
              "geom": multipolygon([p for p in cn_parts if inside(p, TAIWAN_BOX)])}
    out["Taiwan named as a state"] = (write_geojson(feats, work / "roc.geojson", [taiwan]),
                                      {("NAME-STATE", "taiwan")})

    # The South China Sea moved into an inset: its islands and dashes scaled to
    # 35 % and shifted to the open Pacific, inside a rectangular frame that
    # shows the sea to its limits (Hanoi, Manila, the Tropic of Cancer, Zengmu Ansha).
    s, dx, dy = 0.35, 120.0, -5.0  # 105..124.5 E → 156.8..163.6 E; 2.5..21.6 N → -4.1..2.6 N
    out["South China Sea in a displaced, scaled inset"] = (
        inset_map(work, "inset.geojson", s, dx, dy, INSET_FRAME), set())
    # One change each: the inset's frame cut short of Hanoi; the frame cut
    # short of Manila (0.6° short, which shows on an inset drawn at the map's
    # own scale, not on one at 35 % of a 1:1亿 map); the main map cut south of
    # 19.3°N, so Hainan's southern tip is left to the inset.
    out["inset cut short of Hanoi"] = (
        inset_map(work, "inset-hanoi.geojson", s, dx, dy, (108.0,) + INSET_FRAME[1:]),
        {("INSET-EXTENT", "nanhai")})
    out["inset at full scale cut short of Manila"] = (
        inset_map(work, "inset-manila.geojson", 1.0, 50.0, 20.0,
                  INSET_FRAME[:2] + (120.4,) + INSET_FRAME[3:]), {("INSET-EXTENT", "nanhai")})
    out["inset at full scale reaching Manila"] = (
        inset_map(work, "inset-full.geojson", 1.0, 50.0, 20.0, INSET_FRAME), set())
    out["inset, main map stops short of Hainan's southern tip"] = (
        inset_map(work, "inset-hainan.geojson", s, dx, dy, INSET_FRAME, cut_hainan=19.3),
        {("HAINAN-TIP", "hainan")})
    # The inset drawn as parts of China's own MultiPolygon, where Chinese maps
    # put it: at the lower right of China, in the Philippine Sea.
    feats = load()
    sea = [p for p in cn_parts if inside(p, SCS_BOX) and not inside(p, HAINAN_BOX)]
    s2, dx2, dy2 = 0.35, 128.0 - 0.35 * 105.0, 17.0 - 0.35 * 2.5
    china(feats)["geom"] = multipolygon(
        [p for p in cn_parts if not inside(p, SCS_BOX) or inside(p, HAINAN_BOX)] +
        parts(scaled(multipolygon(sea), s2, dx2, dy2)))
    frame2_box = box(tuple(s2 * v + (dx2 if i % 2 == 0 else dy2)
                           for i, v in enumerate(INSET_FRAME)))
    frame2 = {"props": {"name": "附图框"}, "geom": frame2_box}
    out["the inset as parts of China's own polygon"] = (
        write_geojson(feats, work / "inset-parts.geojson", [frame2]), set())

    # Labels added to the untouched map: Diaoyu Dao under its Japanese name;
    # a place layer marking Taipei as a national capital as Natural Earth does.
    feats = load()
    senkaku = {"props": {"name": "Senkaku Islands"}, "geom": point(123.47, 25.74)}
    out["an island labelled Senkaku"] = (
        write_geojson(feats, work / "senkaku.geojson", [senkaku]), set(),
        {("NAME-FOREIGN", "diaoyu"), ("REVIEWNO-MISSING", "map")})
    feats = load()
    taipei = {"props": {"name": "Taipei", "featurecla": "Admin-0 capital"},
              "geom": point(121.56, 25.04)}
    out["Taipei marked as a national capital"] = (
        write_geojson(feats, work / "taipei-capital.geojson", [taipei]),
        {("TAIWAN-ADMIN", "taiwan")})

    out["provinces map (DataV style), untouched"] = (provinces_map(work), set(),
                                                      {("REVIEWNO-MISSING", "map")})
    out["provinces map with its review number in the metadata"] = (
        with_description(provinces_map(work), work / "provinces-gs.gpkg", "审图号：GS(2023)2763号"),
        set(), set())
    out["provinces map with a malformed review number"] = (
        with_description(provinces_map(work), work / "provinces-gs-bad.gpkg", "审图号：GS(23)2763"),
        set(), {("REVIEWNO-MALFORMED", "map")})
    # DataV's compliant map with a disputed area drawn the foreign way: found
    # through the pack's 10 km line tolerance (a compliant map departs from
    # the pack's border by up to 9.7 km there).
    out["DataV's map without the middle sector's area 2"] = (
        datav_without(work, "cn_in_middle_2"), {("TERR-MISSING", "cn_in_middle_2")})
    out["DataV's map without the western sector's area"] = (
        datav_without(work, "cn_in_west_1"),
        {("TERR-MISSING", "cn_in_west_1"), ("BORDER-DEVIATION", "cn_in_west_1")})
    out["provinces map: dashes removed"] = (provinces_map(work, drop_dashes=True),
                                            {("DASHLINE-MISSING", "nanhai")})
    out["provinces map: Sansha removed (stops at Hainan)"] = (
        provinces_map(work, drop_sansha=True), {("ISLAND-OMITTED", "*nanhai")})
    out["provinces map: Taiwan named as a state"] = (
        provinces_map(work, taiwan_name="中華民國"), {("NAME-STATE", "taiwan")})
    return out


# The standard inset's true extent: west of Hanoi, east of Manila, north of the
# Tropic of Cancer, south of Zengmu Ansha (it draws no neighbour on Kalimantan).
INSET_FRAME = (104.6, 1.6, 125.4, 24.0)


def point(x, y):
    g = ogr.Geometry(ogr.wkbPoint)
    g.AddPoint_2D(x, y)
    return g


def inset_map(work, name, s, dx, dy, frame_true, cut_hainan=None):
    """surbowl's map with its South China Sea islands and dashes moved into an
    inset scaled by s and shifted by (dx, dy), framed by `frame_true` (true
    lon/lat, drawn at the inset's scale); `cut_hainan` cuts the main map's
    Hainan south of that latitude."""
    feats = load()
    cn_parts = parts(china(feats)["geom"])
    sea = [p for p in cn_parts if inside(p, SCS_BOX) and not inside(p, HAINAN_BOX)]
    main = [p for p in cn_parts if not inside(p, SCS_BOX) or inside(p, HAINAN_BOX)]
    if cut_hainan is not None:
        north = box((HAINAN_BOX[0], cut_hainan, HAINAN_BOX[2], HAINAN_BOX[3]))
        main = [p.Intersection(north) if inside(p, HAINAN_BOX) else p for p in main]
        main = [q for p in main for q in (parts(p) if p.GetGeometryType() == ogr.wkbMultiPolygon
                                          else [p]) if not q.IsEmpty()]
    china(feats)["geom"] = multipolygon(main)
    inset = {"props": {"name": "南海诸岛", "iso_a3": "CHN"},
             "geom": scaled(multipolygon(sea), s, dx, dy)}
    polygon = box(tuple(s * v + (dx if i % 2 == 0 else dy) for i, v in enumerate(frame_true)))
    ring = polygon.GetGeometryRef(0)  # the polygon must outlive its ring
    line = ogr.Geometry(ogr.wkbLineString)
    for i in range(ring.GetPointCount()):
        line.AddPoint_2D(ring.GetX(i), ring.GetY(i))
    frame = {"props": {"name": "附图框"}, "geom": line}
    return write_geojson(feats, work / name, [inset, frame])


def with_description(source, path, description):
    """A GeoPackage copy whose layer carries `description` (gpkg_contents), as
    a map's review number is kept in its metadata."""
    gdal.VectorTranslate(str(path), str(source), format="GPKG",
                         layerCreationOptions=["DESCRIPTION=" + description])
    return path


def datav_without(work, code):
    """DataV's compliant provinces map (maps/esmjs-geo_china.geojson) with the
    pack's region CODE cut out of its land: drawn the foreign way there."""
    pack = ogr.Open(str(HERE.parent.parent / "resources/reference/mapaudit-reference-demo.gpkg"))
    region = next(f.GetGeometryRef().Clone() for f in pack.GetLayerByName("regions")
                  if f.GetField("code") == code)
    ds = ogr.Open(str(HERE / "maps" / "esmjs-geo_china.geojson"))
    out = []
    for f in ds.GetLayer(0):
        geom = f.GetGeometryRef().Clone()
        if geom.Intersects(region):
            geom = geom.Buffer(0).Difference(region)
        out.append({"props": {"name": f.GetField("name"), "full_name": str(f.GetField("adcode"))},
                    "geom": geom})
    return write_geojson(out, work / f"datav-without-{code}.geojson")


def provinces_map(work, drop_dashes=False, drop_sansha=False, taiwan_name="台湾"):
    """A compliant provinces map assembled from real parts, drawn as DataV
    draws one: ECharts' 34 provinces, Hainan with ECharts' Sansha (三沙市) from
    its Hainan map, and surbowl's ten dashes as one feature coded 100000_JD."""
    def feats(name):
        ds = ogr.Open(str(HERE / "maps" / name))
        return [({k: f.GetField(k) for k in f.keys()}, f.GetGeometryRef().Clone())
                for f in ds.GetLayer(0)]
    sansha = next(g for p, g in feats("echarts4_province_hainan.geojson")
                  if str(p.get("id")) == "460300")
    dashes = multipolygon([p for p in parts(china(load())["geom"]) if is_dash(p)])
    out = []
    for props, geom in feats("echarts4_china.geojson"):
        code = str(props["id"])
        if code == "460000" and not drop_sansha:
            geom = multipolygon(parts(geom if geom.GetGeometryCount() > 1 or
                                      geom.GetGeometryType() != ogr.wkbPolygon
                                      else multipolygon([geom])) + parts(sansha))
        name = taiwan_name if code == "710000" else props["name"]
        out.append({"props": {"name": name, "iso_a3": None, "full_name": code}, "geom": geom})
    if not drop_dashes:
        out.append({"props": {"name": "", "full_name": "100000_JD"}, "geom": dashes})
    tag = f"provinces{'-nodash' if drop_dashes else ''}{'-nosansha' if drop_sansha else ''}" \
          f"{'-roc' if taiwan_name != '台湾' else ''}.geojson"
    return write_geojson(out, work / tag)


# Warnings a case may name: what they say is checked only where a case names
# what it expects of them.
WATCHED_WARNINGS = ("REVIEWNO-MISSING", "REVIEWNO-MALFORMED", "NAME-FOREIGN")


def error_findings(report):
    return {(f["rule"], f["code"]) for f in report["findings"] if f["severity"] == "error"}


def watched_warnings(report):
    return {(f["rule"], f["code"]) for f in report["findings"]
            if f["severity"] == "warning" and f["rule"] in WATCHED_WARNINGS}


def matches(expected, found, nanhai_islands):
    """Expected rule/code pairs against found ones; "*nanhai" stands for any
    South China Sea island code (at least one must be found)."""
    left = set(found)
    for rule, code in expected:
        if code == "*nanhai":
            hit = {x for x in left if x[0] == rule and x[1] in nanhai_islands}
            if not hit:
                return False
            left -= hit
        elif (rule, code) in left:
            left.discard((rule, code))
        else:
            return False
    return not left


def main():
    cli = sys.argv[1]
    pack = ogr.Open(str(HERE.parent.parent / "resources/reference/mapaudit-reference-demo.gpkg"))
    nanhai = {f.GetField("code") for f in pack.GetLayerByName("key_islands")
              if f.GetField("region") == "nanhai"}
    failures = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, case in mutations(work).items():
            path, expected = case[0], case[1]
            warnings = case[2] if len(case) > 2 else None
            report = work / "report.json"
            run = subprocess.run([cli, "check", str(path), "--json", str(report), "--lang", "en"],
                                 capture_output=True, text=True)
            if run.returncode not in (0, 1):
                print(f"FAIL {name}: the check failed: {run.stdout}{run.stderr}")
                failures += 1
                total += 1
                continue
            total += 1
            result = json.loads(report.read_text())
            found = error_findings(result)
            ok = matches(expected, found, nanhai)
            line = f"expected {sorted(expected) or 'no error'}, found {sorted(found) or 'no error'}"
            if warnings is not None:
                seen = watched_warnings(result)
                ok = ok and seen == warnings
                line += f"; warnings expected {sorted(warnings) or 'none'}, found {sorted(seen) or 'none'}"
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}: {line}")
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

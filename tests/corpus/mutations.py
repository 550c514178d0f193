#!/usr/bin/python3
"""One change at a time to a compliant map made by others, each checked with
the real CLI: every mutation must give exactly its own error findings, and the
untouched map and its faithful copies (GeoPackage, Web Mercator, a GBK
shapefile without .cpg) none at error level.

The compliant maps are @surbowl/world-geo-json-zh 2.1.5's world map (China with
Taiwan, the South China Sea Islands and the ten dashes drawn as thin polygons
in one MultiPolygon), and a provinces map assembled from real parts as DataV
draws one (ECharts' provinces and Sansha, surbowl's dashes as 100000_JD). The changes are made with GDAL's Python bindings, from
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
    for name in ["name", "full_name", "iso_a2", "iso_a3", "iso_n3"]:
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
    # 35 % and shifted to the open Pacific, inside a rectangular frame.
    feats = load()
    sea = [p for p in cn_parts if inside(p, SCS_BOX) and not inside(p, HAINAN_BOX)]
    china(feats)["geom"] = multipolygon(
        [p for p in cn_parts if not inside(p, SCS_BOX) or inside(p, HAINAN_BOX)])
    s, dx, dy = 0.35, 120.0, -5.0  # 105..124.5 E → 156.8..163.6 E; 2.5..21.6 N → -4.1..2.6 N
    inset = {"props": {"name": "南海诸岛", "iso_a3": "CHN"},
             "geom": scaled(multipolygon(sea), s, dx, dy)}
    frame_box = box((s * SCS_BOX[0] + dx - 0.3, s * SCS_BOX[1] + dy - 0.3,
                     s * SCS_BOX[2] + dx + 0.3, s * SCS_BOX[3] + dy + 0.3))
    frame_line = frame_box.GetGeometryRef(0)  # the polygon must outlive its ring
    line = ogr.Geometry(ogr.wkbLineString)
    for i in range(frame_line.GetPointCount()):
        line.AddPoint_2D(frame_line.GetX(i), frame_line.GetY(i))
    frame = {"props": {"name": "附图框"}, "geom": line}
    out["South China Sea in a displaced, scaled inset"] = (
        write_geojson(feats, work / "inset.geojson", [inset, frame]), set())
    # The inset drawn as parts of China's own MultiPolygon, where Chinese maps
    # put it: at the lower right of China, in the Philippine Sea.
    feats = load()
    s2, dx2, dy2 = 0.35, 128.0 - 0.35 * 105.0, 17.0 - 0.35 * 2.5
    china(feats)["geom"] = multipolygon(
        [p for p in cn_parts if not inside(p, SCS_BOX) or inside(p, HAINAN_BOX)] +
        parts(scaled(multipolygon(sea), s2, dx2, dy2)))
    frame2_box = box((s2 * SCS_BOX[0] + dx2 - 0.3, s2 * SCS_BOX[1] + dy2 - 0.3,
                      s2 * SCS_BOX[2] + dx2 + 0.3, s2 * SCS_BOX[3] + dy2 + 0.3))
    frame2 = {"props": {"name": "附图框"}, "geom": frame2_box}
    out["the inset as parts of China's own polygon"] = (
        write_geojson(feats, work / "inset-parts.geojson", [frame2]), set())

    out["provinces map (DataV style), untouched"] = (provinces_map(work), set())
    out["provinces map: dashes removed"] = (provinces_map(work, drop_dashes=True),
                                            {("DASHLINE-MISSING", "nanhai")})
    out["provinces map: Sansha removed (stops at Hainan)"] = (
        provinces_map(work, drop_sansha=True), {("ISLAND-OMITTED", "*nanhai")})
    out["provinces map: Taiwan named as a state"] = (
        provinces_map(work, taiwan_name="中華民國"), {("NAME-STATE", "taiwan")})
    return out


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


def error_findings(report):
    return {(f["rule"], f["code"]) for f in report["findings"] if f["severity"] == "error"}


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
        for name, (path, expected) in mutations(work).items():
            report = work / "report.json"
            run = subprocess.run([cli, "check", str(path), "--json", str(report), "--lang", "en"],
                                 capture_output=True, text=True)
            if run.returncode not in (0, 1):
                print(f"FAIL {name}: the check failed: {run.stdout}{run.stderr}")
                failures += 1
                total += 1
                continue
            total += 1
            found = error_findings(json.loads(report.read_text()))
            ok = matches(expected, found, nanhai)
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}: expected {sorted(expected) or 'no error'},"
                  f" found {sorted(found) or 'no error'}")
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Writes the binary and large cases of the broken-input corpus.

    /usr/bin/python3 tests/broken/make_corpus.py OUTDIR

Everything is written from fixed data (no clock, no randomness), so two runs give
the same bytes. The small hand-written cases live in tests/broken/files/; what is
binary, large, encoding-sensitive or a file-system oddity (links, permissions,
empty folders) is made here. Needs only the standard library and osgeo (GDAL).
"""
import hashlib
import json
import os
import shutil
import sqlite3
import struct
import sys
import zipfile

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
gdal.SetConfigOption("OGR_CURRENT_DATE", "2021-01-01T00:00:00.000Z")  # GeoPackage timestamps

# Ganzhou's districts, roughly: small polygons in lon/lat (CGCS2000).
DISTRICTS = [
    ("章贡区", [(114.85, 25.80), (115.00, 25.80), (115.00, 25.95), (114.85, 25.95)]),
    ("南康区", [(114.60, 25.60), (114.84, 25.60), (114.84, 25.80), (114.60, 25.80)]),
    ("赣县区", [(115.01, 25.70), (115.30, 25.70), (115.30, 26.00), (115.01, 26.00)]),
]
# The same shapes moved to where no lon/lat can be (500–900, 200–400).
# Gauss-Krüger zone 39 eastings with the zone prefix (CGCS2000 3°, EPSG:4527).
GAUSS_KRUGER = [(name, [(39_000_000 + 500_000 + (x - 117) * 100_000, y * 110_900)
                        for x, y in ring]) for name, ring in DISTRICTS]
OUT_OF_RANGE = [(name, [(500 + (x - 114) * 800, 200 + (y - 25) * 180) for x, y in ring])
                for name, ring in DISTRICTS]
WKT_4490 = ('GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",'
            'SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],'
            'UNIT["degree",0.0174532925199433]]')


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# --- shapefiles, written byte by byte so that every count can be wrong on purpose


def closed(ring):
    return list(ring) + [ring[0]]


def shp_header(shape_type, length_words, box):
    return (struct.pack(">7i", 9994, 0, 0, 0, 0, 0, length_words) +
            struct.pack("<2i4d4d", 1000, shape_type, *box, 0, 0, 0, 0))


def polygon_content(ring):
    pts = closed(ring)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    body = struct.pack("<i4d2i", 5, min(xs), min(ys), max(xs), max(ys), 1, len(pts))
    body += struct.pack("<i", 0)
    for x, y in pts:
        body += struct.pack("<2d", x, y)
    return body


def shp_and_shx(rings):
    contents = [polygon_content(r) for r in rings]
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    box = (min(xs), min(ys), max(xs), max(ys))
    records, index, offset = b"", b"", 50
    for n, c in enumerate(contents, 1):
        words = len(c) // 2
        records += struct.pack(">2i", n, words) + c
        index += struct.pack(">2i", offset, words)
        offset += 4 + words
    shp = shp_header(5, 50 + len(records) // 2, box) + records
    shx = shp_header(5, 50 + len(index) // 2, box) + index
    return shp, shx


def dbf(names, encoding="gbk", declared_records=None, header_length=None):
    """A .dbf with one text field NAME (and ID), no code page (byte 29 = 0)."""
    fields = [(b"ID", b"N", 6), (b"NAME", b"C", 40)]
    nrec = len(names) if declared_records is None else declared_records
    hlen = 32 + 32 * len(fields) + 1 if header_length is None else header_length
    rlen = 1 + sum(f[2] for f in fields)
    out = struct.pack("<B3BIHH20x", 3, 121, 1, 1, nrec, hlen, rlen)  # updated 2021-01-01
    for name, kind, size in fields:
        out += name.ljust(11, b"\0") + kind + b"\0" * 4 + bytes([size, 0]) + b"\0" * 14
    out += b"\r"
    for i, name in enumerate(names, 1):
        text = name.encode(encoding)
        out += b" " + str(i).rjust(6).encode() + text.ljust(40, b" ")[:40]
    return out + b"\x1a"


def shapefile(base, shapes, prj=None, **dbf_args):
    shp, shx = shp_and_shx([r for _, r in shapes])
    write(base + ".shp", shp)
    write(base + ".shx", shx)
    write(base + ".dbf", dbf([n for n, _ in shapes], **dbf_args))
    if prj is not None:
        write(base + ".prj", prj)
    return shp


def make_shapefiles(out):
    d = os.path.join(out, "shp")
    shapefile(f"{d}/gbk_no_cpg", DISTRICTS, WKT_4490)
    shp = shapefile(f"{d}/truncated_record", DISTRICTS, WKT_4490)
    write(f"{d}/truncated_record.shp", shp[:len(shp) - 70])
    shapefile(f"{d}/header_cut", DISTRICTS, WKT_4490)
    write(f"{d}/header_cut.shp", shp[:60])
    shapefile(f"{d}/zero_shp", DISTRICTS, WKT_4490)
    write(f"{d}/zero_shp.shp", b"")
    shapefile(f"{d}/no_shx", DISTRICTS, WKT_4490)
    os.remove(f"{d}/no_shx.shx")
    shapefile(f"{d}/no_dbf", DISTRICTS, WKT_4490)
    os.remove(f"{d}/no_dbf.dbf")
    shapefile(f"{d}/zero_dbf", DISTRICTS, WKT_4490)
    write(f"{d}/zero_dbf.dbf", b"")
    shapefile(f"{d}/zero_shx", DISTRICTS, WKT_4490)
    write(f"{d}/zero_shx.shx", b"")
    shapefile(f"{d}/dbf_count_more", DISTRICTS, WKT_4490, declared_records=5)
    shapefile(f"{d}/dbf_count_less", DISTRICTS, WKT_4490, declared_records=2)
    shapefile(f"{d}/dbf_header_length", DISTRICTS, WKT_4490, header_length=32 + 32 * 2 + 1 + 32)
    shp = shapefile(f"{d}/dbf_truncated", DISTRICTS, WKT_4490)
    with open(f"{d}/dbf_truncated.dbf", "rb") as f:
        data = f.read()
    write(f"{d}/dbf_truncated.dbf", data[:len(data) - 60])
    shapefile(f"{d}/bad_file_code", DISTRICTS, WKT_4490)
    write(f"{d}/bad_file_code.shp", b"PK\x03\x04" + shp[4:])
    shapefile(f"{d}/prj_garbage", DISTRICTS, "这是坐标系 see attached word document\r\n")
    shapefile(f"{d}/prj_epsg_999999", DISTRICTS, 'GEOGCS["unknown",AUTHORITY["EPSG","999999"]]')
    shapefile(f"{d}/out_of_range_no_prj", OUT_OF_RANGE)
    shapefile(f"{d}/utf8_with_gbk_cpg", DISTRICTS, WKT_4490, encoding="utf-8")
    write(f"{d}/utf8_with_gbk_cpg.cpg", "GBK")
    shapefile(f"{d}/no_prj_in_china", DISTRICTS)
    shapefile(f"{d}/gauss_kruger_no_prj", GAUSS_KRUGER)
    upper = f"{d}/upper/DISTRICTS"
    shapefile(upper, DISTRICTS, WKT_4490)
    for ext in ("shp", "shx", "dbf", "prj"):
        os.rename(f"{upper}.{ext}", f"{upper}.{ext.upper()}")


# --- GeoPackages


def gpkg_with_districts(path, epsg=4490, shapes=DISTRICTS):
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer("districts", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, ring in shapes:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("name", name)
        wkt = "POLYGON((" + ",".join(f"{x} {y}" for x, y in closed(ring)) + "))"
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None


def make_geopackages(out):
    d = os.path.join(out, "gpkg")
    os.makedirs(d, exist_ok=True)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(f"{d}/no_layers.gpkg")
    ds = None
    gpkg_with_districts(f"{d}/bogus_srs_id.gpkg")
    db = sqlite3.connect(f"{d}/bogus_srs_id.gpkg")
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("UPDATE gpkg_geometry_columns SET srs_id = 999999")
    db.execute("UPDATE gpkg_contents SET srs_id = 999999")
    db.commit()
    db.close()
    gpkg_with_districts(f"{d}/truncated.gpkg")
    with open(f"{d}/truncated.gpkg", "rb") as f:
        data = f.read()
    write(f"{d}/truncated.gpkg", data[:len(data) // 3])
    db = sqlite3.connect(f"{d}/plain_sqlite.gpkg")
    db.execute("CREATE TABLE IF NOT EXISTS parcels (id INTEGER, name TEXT)")
    db.execute("DELETE FROM parcels")
    db.execute("INSERT INTO parcels VALUES (1, '章贡区')")
    db.commit()
    db.close()


# --- images


def mem_image(width, height, bands=3):
    ds = gdal.GetDriverByName("MEM").Create("", width, height, bands, gdal.GDT_Byte)
    for b in range(1, bands + 1):
        band = ds.GetRasterBand(b)
        band.Fill(200 - 40 * b)
        # a dark cross, so the picture is not one flat colour
        band.WriteRaster(0, height // 2, width, 1, b"\x10" * width)
        band.WriteRaster(width // 2, 0, 1, height, b"\x10" * height)
    return ds


def make_images(out):
    d = os.path.join(out, "img")
    os.makedirs(d, exist_ok=True)
    opts = ["COMPRESS=DEFLATE"]
    src = mem_image(256, 256)
    src.SetGeoTransform([110.0, 0.05, 0, 30.0, 0, -0.05])
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    src.SetProjection(srs.ExportToWkt())
    gdal.GetDriverByName("GTiff").CreateCopy(f"{d}/whole.tif", src, options=opts)
    with open(f"{d}/whole.tif", "rb") as f:
        tif = f.read()
    os.remove(f"{d}/whole.tif")
    write(f"{d}/truncated.tif", tif[:len(tif) // 2])
    write(f"{d}/header_only.tif", tif[:8])
    write(f"{d}/scan_200x100.tif", b"")
    gdal.GetDriverByName("GTiff").CreateCopy(f"{d}/scan_200x100.tif", mem_image(200, 100),
                                             options=opts)
    gdal.GetDriverByName("PNG").CreateCopy(f"{d}/png_named.tif", mem_image(64, 64))
    gdal.GetDriverByName("JPEG").CreateCopy(f"{d}/photo.jpg", mem_image(64, 64))
    with open(f"{d}/photo.jpg", "rb") as f:
        jpg = f.read()
    write(f"{d}/photo_truncated.jpg", jpg[:len(jpg) // 3])
    os.remove(f"{d}/photo.jpg")
    for aux in os.listdir(d):
        if aux.endswith(".aux.xml"):
            os.remove(os.path.join(d, aux))


# --- GeoJSON and records where bytes matter


def feature_collection(shapes):
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": n},
         "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in closed(r)]]}}
        for n, r in shapes]}


def nested(depth, inner="0"):
    return "[" * depth + inner + "]" * depth


def make_text_files(out):
    d = os.path.join(out, "text")
    fc = json.dumps(feature_collection(DISTRICTS), ensure_ascii=False)
    write(f"{d}/bom.geojson", b"\xef\xbb\xbf" + fc.encode("utf-8"))
    write(f"{d}/utf16.geojson", fc.encode("utf-16"))  # with its BOM, as Notepad saves it
    write(f"{d}/gbk.geojson", fc.encode("gbk"))
    write(f"{d}/deep_nesting.geojson",
          '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
          '"geometry":{"type":"Polygon","coordinates":' + nested(100000) + '}}]}')
    good = ('{"kind":"clue","unit":"章贡分局","date":"2021-04-01",'
            '"description":"网店销售问题地图"}\n')
    write(f"{d}/deep_nesting.jsonl",
          good + '{"kind":"clue","unit":"章贡分局","date":"2021-04-02","description":'
          + nested(100000, '"x"') + '}\n')
    write(f"{d}/bom.jsonl", b"\xef\xbb\xbf" + good.encode("utf-8"))
    write(f"{d}/gbk.jsonl", good.encode("gbk"))
    write(f"{d}/records_gbk.csv",
          "kind,unit,date,description\nclue,章贡分局,2021-04-01,网店销售问题地图\n".encode("gbk"))
    write(f"{d}/register_gbk.csv",
          "单位名称,统一社会信用代码,类别,资质等级,行业,地址,联系人,外地单位\n"
          "赣州供电勘测设计院,9136070282459151XA,测绘资质单位,乙级,电力,江西省赣州市,李工,否\n"
          .encode("gbk"))
    # a large but healthy records file: the import must not slow to a crawl
    lines = "".join('{"kind":"clue","unit":"南康分局","date":"2021-05-%02d",'
                    '"description":"线索 %d"}\n' % (1 + i % 28, i) for i in range(20000))
    write(f"{d}/many_lines_one_bad.jsonl", lines + '{"kind":"clue","unit":"南康分局"}\n')


# --- records bundles (the format of core/records/src/bundle.cpp)


def canonical(value):
    """nlohmann::json's dump(): sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bundle(parts, unit="章贡分局", version=1, manifest_edit=None):
    manifest = {"unit": unit, "schema_version": 4, "parts": [
        {"name": n, "count": len(parts[n]), "sha256": sha(canonical(parts[n]))}
        for n in ("units", "records", "overrides", "evidence")]}
    digest = sha(canonical(manifest))
    if manifest_edit:
        manifest_edit(manifest)
    return {"format": "mapaudit-records-bundle", "version": version, "manifest": manifest,
            "manifest_sha256": digest, "parts": parts}


def bundle_parts():
    record = {"id": "3f2b8c1e-2d4a-4b6c-9e8f-0a1b2c3d4e5f", "kind": "clue", "unit": "章贡分局",
              "date": "2021-04-01", "notes": "", "fields": {"description": "网店销售问题地图",
                                                          "source": "群众举报"}}
    return {"units": [{"name": "章贡分局", "parent": None}], "records": [record],
            "overrides": [], "evidence": []}


def make_bundles(out):
    d = os.path.join(out, "bundle")
    good = canonical(bundle(bundle_parts())) + "\n"
    write(f"{d}/good.bundle", good)
    write(f"{d}/truncated.bundle", good[:len(good) * 2 // 3])
    write(f"{d}/zero.bundle", b"")

    def more_records(m):
        m["parts"][1]["count"] = 2
    write(f"{d}/tampered_manifest.bundle", canonical(bundle(bundle_parts(),
                                                            manifest_edit=more_records)))
    parts = bundle_parts()
    b = bundle(parts)
    b["parts"]["records"][0]["fields"]["description"] = "无问题"
    write(f"{d}/tampered_record.bundle", canonical(b))
    write(f"{d}/version_2.bundle", canonical(bundle(bundle_parts(), version=2)))
    b = bundle(bundle_parts())
    del b["manifest"]
    write(f"{d}/no_manifest.bundle", canonical(b))
    b = bundle(bundle_parts())
    b["parts"] = []
    write(f"{d}/parts_not_object.bundle", canonical(b))
    write(f"{d}/not_a_bundle.bundle", canonical({"type": "FeatureCollection", "features": []}))
    write(f"{d}/zip_named.bundle", b"PK\x03\x04" + bytes(range(256)) * 4)
    parts = bundle_parts()
    parts["records"][0]["date"] = "2021-02-30"
    write(f"{d}/bad_record_inside.bundle", canonical(bundle(parts)))


# --- the file system's own ways of breaking


def make_file_system_cases(out):
    d = os.path.join(out, "fs")
    os.makedirs(f"{d}/empty_dir", exist_ok=True)
    os.makedirs(f"{d}/empty.gdb", exist_ok=True)
    write(f"{d}/no_maps/说明.txt", "数据见光盘\n")
    write(f"{d}/no_maps/报告.docx", b"PK\x03\x04" + b"\0" * 64)
    for name, target in (("loop_a.shp", "loop_b.shp"), ("loop_b.shp", "loop_a.shp"),
                         ("dangling.geojson", "gone/district.geojson")):
        os.symlink(target, f"{d}/{name}")
    write(f"{d}/no_read.geojson", canonical(feature_collection(DISTRICTS)))
    os.chmod(f"{d}/no_read.geojson", 0)
    write(f"{d}/赣州 市/章贡区 边界.geojson", b"")
    with zipfile.ZipFile(f"{d}/districts_shp.zip", "w") as z:
        for name in ("gbk_no_cpg.shp", "gbk_no_cpg.shx", "gbk_no_cpg.dbf", "gbk_no_cpg.prj"):
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            with open(os.path.join(out, "shp", name), "rb") as f:
                z.writestr(info, f.read())
    write(f"{d}/maps_in_folder/章贡区.geojson", canonical(feature_collection(DISTRICTS)))
    write(f"{d}/maps_in_folder/损坏.geojson", '{"type":"FeatureCollection","features":[')


# --- reference-pack import sources and mappings (paths relative to the mapping)

PACK_LAYERS = ["territory", "land_border", "regions", "key_islands", "island_groups",
               "scs_dashes", "scs_inset_frame"]


def make_refpack(out):
    d = os.path.join(out, "refpack")
    os.makedirs(d, exist_ok=True)
    gpkg_with_districts(f"{d}/sources.gpkg")
    ds = ogr.Open(f"{d}/sources.gpkg", 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    points = ds.CreateLayer("islands", srs, ogr.wkbPoint)
    points.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    f = ogr.Feature(points.GetLayerDefn())
    f.SetField("name", "黄岩岛")
    f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (117.75 15.15)"))
    points.CreateFeature(f)
    ds = None

    def mapping(name, layers):
        write(f"{d}/{name}.json", json.dumps(
            {"pack_id": "ganzhou-test", "version": "1", "layers": layers},
            ensure_ascii=False, indent=1))

    mapping("missing_layer", {"territory": {"source": "sources.gpkg", "layer": "国界"}})
    mapping("missing_field", {"territory": {"source": "sources.gpkg", "layer": "districts",
                                            "fields": {"name_zh": "NAME99"}}})
    mapping("territory_points", {"territory": {"source": "sources.gpkg", "layer": "islands"}})
    mapping("crs_number", {"territory": {"source": "sources.gpkg", "layer": "districts",
                                         "crs": 4490}})
    mapping("layer_number", {"territory": {"source": "sources.gpkg", "layer": 2}})
    mapping("only_territory", {"territory": {"source": "sources.gpkg", "layer": "districts"}})
    mapping("where_bad", {"territory": {"source": "sources.gpkg", "layer": "districts",
                                        "where": "名称 = = '中国'"}})
    mapping("where_nothing", {"territory": {"source": "sources.gpkg", "layer": "districts",
                                            "where": "name = '台湾省'"}})
    layers = {n: {"source": "sources.gpkg", "layer": "districts"} for n in PACK_LAYERS}
    layers["key_islands"] = {"source": "sources.gpkg", "layer": "districts",
                             "fields": {"code": "name"}}
    mapping("islands_as_polygons", layers)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py OUTDIR")
    out = sys.argv[1]
    if os.path.lexists(out):
        for root, dirs, _ in os.walk(out):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(out)
    os.makedirs(out)
    for make in (make_shapefiles, make_geopackages, make_images, make_text_files, make_bundles,
                 make_file_system_cases, make_refpack):
        make(out)


if __name__ == "__main__":
    main()

"""The check's geometric work written the usual geopandas/shapely way, for
comparison: read the map, keep what lies near China, repair it, find the
country column, union China, and compute foreign overlaps per region,
missing territory, key islands and the border distances."""
import sys

import geopandas as gpd
from shapely.geometry import MultiPolygon, Polygon

CHINA = {"china", "chn", "156", "中国", "中华人民共和国"}
MARGIN_DEG = 3.0
TOLERANCE_DEG = 3.0 / 111.32  # the demonstration pack's accuracy


def polygonal(g):
    """The polygons of what make_valid returned (it may add lines and points)."""
    if isinstance(g, (Polygon, MultiPolygon)):
        return g
    parts = []
    for part in getattr(g, "geoms", []):
        if isinstance(part, Polygon):
            parts.append(part)
        elif isinstance(part, MultiPolygon):
            parts.extend(part.geoms)
    return MultiPolygon(parts)


def main(map_path, pack_path):
    territory = gpd.read_file(pack_path, layer="territory").unary_union
    frame = gpd.read_file(pack_path, layer="scs_inset_frame").unary_union
    minx, miny, maxx, maxy = territory.union(frame).bounds
    world = gpd.read_file(map_path).to_crs(4490)
    near = world.cx[minx - MARGIN_DEG:maxx + MARGIN_DEG, miny - MARGIN_DEG:maxy + MARGIN_DEG]
    near = near.clip((minx - MARGIN_DEG, miny - MARGIN_DEG, maxx + MARGIN_DEG, maxy + MARGIN_DEG))
    near = near.set_geometry(near.geometry.make_valid().apply(polygonal))
    column = next(c for c in near.columns
                  if c != "geometry" and near[c].astype(str).str.lower().isin(CHINA).any())
    is_china = near[column].astype(str).str.lower().isin(CHINA)
    china = near[is_china].unary_union
    foreign = near[~is_china]
    regions = gpd.read_file(pack_path, layer="regions")
    findings = []
    for _, region in regions.iterrows():
        land = region.geometry.intersection(territory)
        for _, f in foreign[foreign.intersects(land)].iterrows():
            if f.geometry.intersection(land).area > 0.1 * land.area:
                findings.append(("TERR-FOREIGN", region["code"]))
    missing = territory.difference(china).buffer(-TOLERANCE_DEG / 2).buffer(TOLERANCE_DEG / 2)
    if missing.area > 0:
        findings.append(("TERR-MISSING", "china"))
    islands = gpd.read_file(pack_path, layer="key_islands")
    tree = near.sindex
    for _, island in islands.iterrows():
        if len(tree.query(island.geometry.buffer(TOLERANCE_DEG), predicate="intersects")) == 0:
            findings.append(("ISLAND-OMITTED", island["code"]))
    border = gpd.read_file(pack_path, layer="land_border").unary_union
    outline = china.boundary
    steps = int(border.length / TOLERANCE_DEG)
    far = sum(1 for i in range(steps)
              if outline.distance(border.interpolate(i * TOLERANCE_DEG)) > TOLERANCE_DEG)
    if far:
        findings.append(("BORDER-DEVIATION", "china"))
    print(len(findings), "findings")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

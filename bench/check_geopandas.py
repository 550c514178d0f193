"""The check's geometric work written with geopandas/shapely, for comparison:
read the map, find the country column, union China, and for the reference
regions compute foreign overlaps, missing territory, key islands and dashes."""
import sys

import geopandas as gpd

CHINA = {"china", "chn", "156", "中国", "中华人民共和国"}


def main(map_path, pack_path):
    world = gpd.read_file(map_path).to_crs(4490)
    world["geometry"] = world.geometry.make_valid()
    column = next(c for c in world.columns
                  if c != "geometry" and world[c].astype(str).str.lower().isin(CHINA).any())
    is_china = world[column].astype(str).str.lower().isin(CHINA)
    china = world[is_china].unary_union
    foreign = world[~is_china]
    territory = gpd.read_file(pack_path, layer="territory").unary_union
    regions = gpd.read_file(pack_path, layer="regions")
    findings = []
    for _, region in regions.iterrows():
        land = region.geometry.intersection(territory)
        hits = foreign[foreign.intersects(land)]
        for _, f in hits.iterrows():
            if f.geometry.intersection(land).area > 0.1 * land.area:
                findings.append(("TERR-FOREIGN", region["code"]))
    missing = territory.difference(china)
    if missing.area > 0:
        findings.append(("TERR-MISSING", "china"))
    islands = gpd.read_file(pack_path, layer="key_islands")
    tree = world.sindex
    for _, island in islands.iterrows():
        if len(tree.query(island.geometry.buffer(0.03), predicate="intersects")) == 0:
            findings.append(("ISLAND-OMITTED", island["code"]))
    border = gpd.read_file(pack_path, layer="land_border").unary_union
    outline = china.boundary
    for p in [border.interpolate(d) for d in range(0, int(border.length), 1)]:
        outline.distance(p)
    print(len(findings), "findings")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

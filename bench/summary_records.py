#!/usr/bin/env python3
"""Generated supervision records for bench/summary-bench.

    summary_records.py COUNT UNITS.txt RECORDS.csv EXPECTED.json

Writes COUNT records (every kind of record_kinds.cpp, in the CSV import format
of the README: one header row, empty cells for absent fields, lists separated
by ';') spread over the units listed one a line in UNITS.txt, and the value
each row of the 2021 summary (resources/templates/supervision-summary-2021.json)
must have for them with --include-subunits over the whole tree, in the form's
default period 2021-01-01 to 2021-11-15. Dates run over all of 2021 (standard
maps from 2019 on, for the cumulative row), so some records fall outside the
period. No randomness: the same arguments give the same files, byte for byte.
"""

import csv
import datetime
import json
import sys

PERIOD = (datetime.date(2021, 1, 1), datetime.date(2021, 11, 15))
COLUMNS = [
    "kind", "unit", "date", "notes", "place", "inspectors", "targets", "medium", "title",
    "publisher", "url_or_place", "sheets", "findings", "status", "review_number", "domain",
    "case_number", "subject", "campaign", "units", "checked_unit", "industry", "result",
    "description", "source", "participants", "requesting_body", "volumes_or_sheets", "event",
    "maps", "imagery_km2", "data_gb",
]
# 20 slots: how often each kind occurs.
SLOTS = (["onsite_check"] * 4 + ["problem_map"] * 4 + ["clue"] * 2 + ["spot_check"] * 2 +
         ["case", "self_inspection", "publicity_event", "map_supply", "standard_map",
          "thematic_product", "major_event_support", "emergency_support"])
FINDINGS = ["TERR-MISSING china", "ISLAND-OMITTED diaoyu_dao", "DASHLINE-MISSING nanhai",
            "TERR-FOREIGN taiwan", "ISLAND-OMITTED chiwei_yu"]


def record(i, units):
    kind = SLOTS[i % len(SLOTS)]
    day = (i * 7919) % 365  # 7919 is prime: days spread evenly over the year
    year = 2019 + i % 3 if kind == "standard_map" else 2021
    date = datetime.date(year, 1, 1) + datetime.timedelta(days=day % 365)
    r = {"kind": kind, "unit": units[(i * 13) % len(units)], "date": date.isoformat(),
         "notes": f"基准记录 {i}"}  # makes every record's content, hence its id, unique
    if kind == "onsite_check":
        r.update(place=f"某书店 {i % 97}", inspectors="张三;李四", targets="地图类图书")
    elif kind == "problem_map":
        online = i % 3 == 0
        r.update(medium="online" if online else "offline", title=f"某地图 {i}",
                 publisher="某出版社", sheets=1 + i % 7,
                 url_or_place="https://example.invalid/map" if online else "某书店",
                 findings=";".join(FINDINGS[k % len(FINDINGS)] for k in range(i % 3 + 1)),
                 status="已整改")
    elif kind == "case":
        domain = "security" if (i // len(SLOTS)) % 2 else "map"  # i % 20 is the same here
        r.update(domain=domain, case_number=f"赣案〔2021〕{i}号", subject="某公司", status="立案")
    elif kind == "self_inspection":
        r.update(campaign="2021年自查自改", units=i % 11)
    elif kind == "spot_check":
        r.update(checked_unit=f"某测绘单位 {i % 211}", industry="测绘", result="合格")
    elif kind == "clue":
        r.update(description=f"群众举报线索 {i}", source="12345热线")
    elif kind == "publicity_event":
        r.update(title="国家版图意识宣传周", place="某广场", participants=50 + i % 300)
    elif kind == "map_supply":
        r.update(requesting_body="某政府部门", sheets=1 + i % 20)
    elif kind == "standard_map":
        r.update(title=f"某标准地图 {i}", review_number=f"赣S（{year}）{i % 1000:03d}号",
                 sheets=1 + i % 5)
    elif kind == "thematic_product":
        r.update(title=f"某专题图集 {i}", volumes_or_sheets=1 + i % 9)
    elif kind == "major_event_support":
        r.update(event=f"某重大活动 {i}")
    else:  # emergency_support
        r.update(event=f"某应急事件 {i}", maps=i % 13, imagery_km2=f"{(i % 500) / 10:.1f}",
                 data_gb=f"{(i % 80) / 10:.1f}")
    return r


def expected(records):
    """The summary's rows for these records (the 2021 template's rules)."""
    v = {}
    tenths = {"emergency_imagery_km2": 0, "emergency_data_gb": 0}

    def add(key, n):
        v[key] = v.get(key, 0) + n

    for r in records:
        date = datetime.date.fromisoformat(r["date"])
        inside = PERIOD[0] <= date <= PERIOD[1]
        kind = r["kind"]
        if kind == "standard_map" and date <= PERIOD[1]:
            add("standard_maps_total", r["sheets"])
        if not inside:
            continue
        if kind == "onsite_check":
            add("onsite_checks", 1)
        elif kind == "problem_map":
            add(f"{r['medium']}_problem_maps", r["sheets"])
        elif kind == "case":
            add(f"{r['domain']}_cases", 1)
        elif kind == "self_inspection":
            add("self_inspections", r["units"])
        elif kind == "spot_check":
            add("spot_checks", 1)
        elif kind == "clue":
            add("clues", 1)
        elif kind == "publicity_event":
            add("publicity_events", 1)
        elif kind == "map_supply":
            add("map_supply_times", 1)
            add("map_supply_sheets", r["sheets"])
        elif kind == "standard_map":
            add("standard_maps_new", r["sheets"])
        elif kind == "thematic_product":
            add("thematic_products", r["volumes_or_sheets"])
        elif kind == "major_event_support":
            add("major_event_support", 1)
        else:
            add("emergency_times", 1)
            add("emergency_maps", r["maps"])
            tenths["emergency_imagery_km2"] += round(float(r["imagery_km2"]) * 10)
            tenths["emergency_data_gb"] += round(float(r["data_gb"]) * 10)
        add("records_in_period", 1)
    for key, n in tenths.items():
        v[key] = n / 10
    return v


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    count = int(argv[1])
    with open(argv[2], encoding="utf-8") as f:
        units = [line.strip() for line in f if line.strip()]
    records = [record(i, units) for i in range(count)]
    with open(argv[3], "w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        out.writeheader()
        out.writerows(records)
    with open(argv[4], "w", encoding="utf-8") as f:
        json.dump(expected(records), f, ensure_ascii=False, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

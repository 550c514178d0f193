#include "cli.h"

#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/version.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <string>

namespace mapaudit::cli {
namespace {

struct Command {
    std::string_view name;
    int (*run)(const CommandArgs&, std::ostream&, std::ostream&);
    std::string_view summary;
    std::string_view usage;
};

constexpr std::array kCommands{
    Command{
        "check", commandCheck, "check maps for problem-map errors against the reference pack",
        "mapaudit check PATH… [--scale 1:N] [--layer L1,L2] [--kind KIND]\n"
        "               [--owner-field F [--china-value V]] [--encoding ENC] [--pack PACK.gpkg]\n"
        "               [--json FILE] [--findings FILE] [--lang zh|en] [--jobs N]\n"
        "               [--assume-crs CRS]\n"
        "  Each map is profiled first: its kind, whose land each polygon is, how generalised\n"
        "  it is, a South China Sea inset; the report starts with that profile.\n"
        "  --kind KIND       world, china, china_region, foreign_national, regional, local\n"
        "                    (instead of the detected kind)\n"
        "  --owner-field F   the attribute saying whose land a polygon is; --china-value V\n"
        "                    the value meaning China (default China)\n"
        "  --assume-crs CRS  the CRS (EPSG:4490, EPSG:4527 …) of layers whose own CRS is\n"
        "                    missing, unreadable or contradicted by their coordinates;\n"
        "                    without it such a layer is not checked (exit code 2), except a\n"
        "                    layer without CRS whose coordinates are lon/lat (said in the report)\n"
        "  Rules: `mapaudit rules` lists them with their basis.\n"
        "  --json FILE       the report as JSON (with several inputs: a folder, one file each)\n"
        "  --findings FILE   the findings as a layer, .gpkg or .geojson (several inputs: a "
        "folder)\n"
        "  Several files or folders are checked in parallel; one unreadable file does not\n"
        "  stop the others. Exit code 0 pass, 1 problem map, 2 could not check.\n"},
    Command{"rules", commandRules, "list the check's rules with their basis",
            "mapaudit rules [--json] [--lang zh|en]\n"
            "  Every rule the check reports: id, names, the map kinds it applies to, how its\n"
            "  severity is decided, and the clause it rests on.\n"},
    Command{"info", commandInfo, "describe a map dataset or image",
            "mapaudit info PATH [--json] [--encoding ENC] [--no-validity]\n"
            "  Layers, fields, feature counts, geometry types, CRS (EPSG, Gauss-Krüger zone),\n"
            "  extent, invalid geometries; for images size, bands, georeferencing, overviews.\n"
            "  --json         machine-readable output\n"
            "  --encoding E   attribute encoding of a shapefile (GBK, GB18030, UTF-8 …)\n"
            "  --no-validity  skip the geometry validity check (faster on large data)\n"},
    Command{"validate", commandValidate, "list invalid geometries; repair them into a GeoPackage",
            "mapaudit validate PATH [--repair OUT.gpkg] [--encoding ENC] [--json]\n"
            "  Lists every invalid geometry with the GEOS reason and location. With --repair\n"
            "  writes a GeoPackage with all layers, invalid geometries repaired (MakeValid).\n"
            "  Exit code 0 when all geometries are valid or were repaired, 1 when invalid\n"
            "  geometries were found and not repaired.\n"},
    Command{"transform", commandTransform, "transform coordinates between CRSs",
            "mapaudit transform --from CRS --to CRS X Y [X Y …]\n"
            "  CRS as EPSG:NNNN, WKT or PROJ string; GIS axis order (x = lon/easting).\n"
            "  Example: mapaudit transform --from EPSG:4527 --to EPSG:4490 39500000 4428236.065\n"},
    Command{"refpack", commandRefpack, "build, inspect and verify the reference pack",
            "mapaudit refpack build [--sources DIR] [--out PACK.gpkg] [--id ID] [--version V]\n"
            "                       [--built-at ISO-TIME]\n"
            "  Rebuilds the pack from the public sources (default: the shipped sources and pack).\n"
            "mapaudit refpack import --mapping MAPPING.json --out PACK.gpkg [--built-at ISO-TIME]\n"
            "  Builds a pack with the same schema and validation from official data; see README.\n"
            "mapaudit refpack info [PACK.gpkg] [--json]\n"
            "  Id, version, build time, layer counts, digest and whether every layer matches it.\n"
            "mapaudit refpack verify [PACK.gpkg] [--json]\n"
            "  As info; exit code 1 when the pack was altered or is incomplete.\n"},
    Command{"georef", commandGeoref, "georeference a scanned or photographed map",
            "mapaudit georef IMAGE --gcp POINTS --out OUT.tif [--transform "
            "auto|poly1|poly2|poly3|tps]\n"
            "                [--points-crs CRS] [--image-crs CRS] [--to CRS] [--fit-only]\n"
            "  POINTS: QGIS/GDAL .points (mapX,mapY,pixelX,pixelY,enable) or CSV\n"
            "  id,pixel,line,x,y. x/y are in --points-crs (default EPSG:4490 lon/lat).\n"
            "  --image-crs: the map's own projection (e.g. the Albers conic of China wall\n"
            "  maps), so the fit is made where the map is linear. auto: 3-5 points poly1,\n"
            "  6-14 poly2, 15+ thin plate spline. Prints each point's residual and the RMS\n"
            "  in pixels; writes a GeoTIFF (DEFLATE, overviews) in --to (default EPSG:4490).\n"},
    Command{"basemap", commandBasemap, "package an area of a basemap for offline use",
            "mapaudit basemap export (--source FILE | --xyz URL | --tianditu vec|img|cva|cia\n"
            "                        --key K) --area W,S,E,N --max-zoom N --out F.mbtiles|F.gpkg\n"
            "  Copies the area (degrees) at zoom levels up to N into MBTiles or GeoPackage\n"
            "  tiles that open offline like any image. --xyz takes a tile URL with ${z},\n"
            "  ${x}, ${y}. Online sources are used only when asked for here.\n"},
    Command{"org", commandOrg, "the reporting units (填报单位) of the records database",
            "mapaudit org add --db DB NAME [--parent NAME]\n"
            "mapaudit org list --db DB\n"},
    Command{"records", commandRecords, "import and list supervision records",
            "mapaudit records import --db DB FILE.jsonl|FILE.csv|FILE.xlsx [--user NAME]\n"
            "  One record per line (JSON Lines) or row (CSV, XLSX): kind, unit, date and the\n"
            "  kind's fields (see the README); classified = true marks classified content.\n"
            "  All or nothing: any bad line and nothing is imported; every bad line is\n"
            "  listed. Importing the same records again changes nothing.\n"
            "mapaudit records list --db DB [--kind K] [--unit U] [--from D --to D] [--json]\n"
            "mapaudit records attach --db DB RECORD_ID FILE…\n"
            "  Keeps photos, screenshots or PDFs with a record (SHA-256 recorded).\n"
            "mapaudit records evidence --db DB RECORD_ID [--extract DIR]\n"
            "  (a record marked classified: its evidence is not extracted)\n"},
    Command{"summary", commandSummary, "the annual supervision summary table (汇总表)",
            "mapaudit summary --db DB --unit U [--include-subunits] [--from D --to D]\n"
            "                 [--template 2021|FILE.json] [--date D] [--xlsx F] [--csv F] "
            "[--json]\n"
            "  Counts the records of the unit (and its subunits) in the period (default: the\n"
            "  form's, 2021-01-01 to 2021-11-15, both days counted). --pdf needs the\n"
            "  workstation binary `mapaudit` (mapaudit-cli has no Qt).\n"
            "  --override ROW --value N --reason TEXT   report N for a row instead of the\n"
            "  count (figures from outside the system); the remark column says so.\n"},
    Command{"db", commandDb, "verify or back up the records database",
            "mapaudit db verify --db DB [--expect-head N:HEX]\n"
            "  Checks the hash-chained audit log and every row against it; names each record\n"
            "  changed, added or deleted outside MapAudit. Also checks the log against the\n"
            "  head this workstation keeps after every write and against --expect-head (the\n"
            "  head printed on a summary export, bundle or report), so deleting the newest\n"
            "  records together with their log entries is found. Exit code 1 when any.\n"
            "mapaudit db backup --db DB --to FILE\n"
            "  A consistent copy (SQLite online backup), safe while MapAudit runs.\n"
            "mapaudit db lock --db DB [--passphrase-file F]\n"
            "  Encrypts the database into DB.sealed (AES-256-GCM, key from the passphrase by\n"
            "  scrypt) and removes the plain file; `db unlock` restores it. The passphrase\n"
            "  comes from --passphrase-file, $MAPAUDIT_PASSPHRASE or the terminal.\n"},
    Command{"bundle", commandBundle, "send a unit's records to the city as one file",
            "mapaudit bundle export --db DB --unit U --out FILE [--encrypt]\n"
            "  The unit, its subunits, their records and overrides, with a manifest giving\n"
            "  the SHA-256 of every part.\n"
            "mapaudit bundle import --db DB FILE\n"
            "  Checks the whole bundle first; a tampered or truncated bundle is rejected and\n"
            "  nothing imported. Importing the same bundle again changes nothing.\n"
            "  --encrypt seals the bundle with a passphrase (required when any record is\n"
            "  marked \"classified\"); import asks for it. A wrong passphrase is refused.\n"},
    Command{"register", commandRegister, "the supervised units and the inspector pool",
            "mapaudit register import --db DB FILE.csv|FILE.xlsx\n"
            "  Units: 单位名称, 统一社会信用代码 (check character verified), 类别, 资质等级,\n"
            "  行业, 地址, 联系人, 外地单位 (or the English column names; see the README).\n"
            "  All or nothing, every bad row listed; a unit is known by its credit code.\n"
            "mapaudit register inspectors --db DB FILE.csv|FILE.xlsx\n"
            "  Inspectors: 姓名, 回避单位 (credit codes of units they must not check, ';').\n"
            "mapaudit register list --db DB\n"},
    Command{
        "draw", commandDraw, "双随机 spot-check draw of supervised units",
        "mapaudit draw --db DB --year Y [--unit U] [--ratio 0.1] [--stratify industry|category]\n"
        "              [--min-per-stratum N] [--seed N] [--date D] [--notice FILE.xlsx|pdf]\n"
        "  Draws at least ceil(ratio x units) (per stratum too, and at least N from each),\n"
        "  pairs each with two inspectors without a conflict, records the draw and its\n"
        "  seed in the audit log and enters a pending spot_check record per unit for U\n"
        "  (default: the database's one top unit).\n"
        "  --notice writes the public notice (一公开), .xlsx or .pdf (the latter with the\n"
        "  workstation binary `mapaudit`). The same seed and register give\n"
        "  the same draw.\n"
        "mapaudit draw --db DB --year Y --list\n"
        "  The year's draws and the spot-check ratio (warns below 10%).\n"},
    Command{"ledger", commandLedger, "the ledger of classified results and certified staff",
            "mapaudit ledger import --db DB FILE.csv|FILE.xlsx\n"
            "  Receipts: 持有单位 (credit code), 审批文号, 成果名称, 密级, 用途, 领用日期,\n"
            "  项目完成日期. Holders must be in the register.\n"
            "mapaudit ledger list --db DB [--today D]\n"
            "mapaudit ledger copy --db DB ID --date D [--what TEXT]   copies and scans\n"
            "mapaudit ledger destroy --db DB ID --date D --method M --witnesses W\n"
            "mapaudit ledger transfer --db DB ID --to UNIT --date D   (a violation)\n"
            "mapaudit ledger due --db DB [--today D] [--clues --unit U]\n"
            "  Items due for destruction within 30 days or overdue (six months after the\n"
            "  project completes); --clues enters each overdue item as a clue record.\n"
            "mapaudit ledger staff import --db DB FILE   (姓名, 持有单位, 证书编号, 发证日期)\n"
            "mapaudit ledger staff train --db DB CERTIFICATE --date D\n"
            "mapaudit ledger staff due --db DB [--today D]\n"
            "  Certificates expired or expiring within 90 days (valid five years), and\n"
            "  staff without training this year.\n"},
};

// The language of the messages: --lang (any command; check and rules read it
// too, for their reports), else $MAPAUDIT_LANG, else Chinese. nullopt when
// --lang names neither zh nor en.
std::optional<Language> takeLanguage(CommandArgs& args, std::string_view command) {
    const bool ownOption = command == "check" || command == "rules";
    std::optional<std::string> code;
    for (auto it = args.begin(); it != args.end();) {
        if (*it == "--lang" && std::next(it) != args.end()) {
            code = std::string(*std::next(it));
            it = ownOption ? it + 2 : args.erase(it, it + 2);
        } else if (it->rfind("--lang=", 0) == 0) {
            code = std::string(it->substr(7));
            it = ownOption ? it + 1 : args.erase(it);
        } else {
            ++it;
        }
    }
    if (code)
        return *code == "zh" || *code == "en" ? parseLanguage(*code) : std::nullopt;
    if (const char* env = std::getenv("MAPAUDIT_LANG"); env && *env)
        return parseLanguage(env).value_or(Language::Chinese);
    return Language::Chinese;
}

const Command* find(std::string_view name) {
    auto it = std::find_if(kCommands.begin(), kCommands.end(),
                           [&](const Command& c) { return c.name == name; });
    return it == kCommands.end() ? nullptr : &*it;
}

void printHelp(std::ostream& out) {
    out << "MapAudit " << versionString() << " — 地图监管核查工作站 (problem-map inspection)\n\n"
        << "Usage: mapaudit                      open the workstation\n"
        << "       mapaudit FILE …               open the workstation with these files\n"
        << "       mapaudit COMMAND [ARGS]       run a command without a display\n\n"
        << "Commands:\n";
    for (const auto& c : kCommands)
        out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << "\n";
    out << "\n`mapaudit COMMAND --help` shows a command's options. Every command takes\n"
           "--lang zh|en for its messages (default zh, or $MAPAUDIT_LANG).\n\nExit codes "
           "(every command):\n";
    for (const auto& [code, meaning] : kExitCodes)
        out << "  " << code << "  " << meaning << "\n";
}

} // namespace

bool isSubcommand(std::string_view word) {
    return find(word) != nullptr || word == "help" || word == "--help" || word == "-h" ||
           word == "--version";
}

int run(const std::vector<std::string_view>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        printHelp(out);
        return kExitOk;
    }
    if (args[0] == "--version") {
        out << "mapaudit " << versionString() << "\n";
        return kExitOk;
    }
    const Command* command = find(args[0]);
    if (!command) {
        err << "mapaudit: unknown command '" << args[0] << "' — run `mapaudit help` for the list\n";
        return kExitInput;
    }
    CommandArgs rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
        out << command->usage;
        return kExitOk;
    }
    const auto language = takeLanguage(rest, command->name);
    if (!language) {
        err << "mapaudit " << command->name << ": --lang must be zh or en\n";
        return kExitInput;
    }
    setMessageLanguage(*language);
    const bool zh = *language == Language::Chinese;
    try {
        return command->run(rest, out, err);
    } catch (const InputError& e) {
        err << "mapaudit " << command->name << ": " << userText(e) << "\n";
        return kExitInput;
    } catch (const Canceled&) {
        err << "mapaudit " << command->name << (zh ? ": 已取消\n" : ": canceled\n");
        return kExitCanceled;
    } catch (const std::exception& e) {
        err << "mapaudit " << command->name << (zh ? ": 内部错误：" : ": internal error: ")
            << e.what()
            << (zh ? "——请连同输入文件一起报告此问题\n"
                   : " — please report this with the input file\n");
        return kExitInternal;
    }
}

} // namespace mapaudit::cli

#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/records/record_import.h"
#include "records_cli.h"

#include <filesystem>
#include <ostream>
#include <set>

namespace mapaudit::cli {
namespace {
namespace fs = std::filesystem;

int importRecords(records::RecordsDb& db, const std::string& file, std::ostream& out) {
    std::set<std::string> units;
    for (const auto& u : db.units())
        units.insert(u.name);
    const records::ParsedRecords parsed = records::parseRecordsFile(
        file, [&](const std::string& name) { return units.count(name) > 0; });
    if (!parsed.problems.empty())
        rejectImport(file, parsed.problems);
    printImported(out, file, db.upsert(parsed.records));
    return kExitOk;
}

int listRecords(records::RecordsDb& db, const Arguments& a, std::ostream& out) {
    records::RecordFilter filter{a.value("--kind"), a.value("--unit"), a.value("--from"),
                                 a.value("--to")};
    for (const auto& d : {filter.from, filter.to})
        if (d && !records::isIsoDate(*d))
            throw InputError(msg("'{}' is not a date (YYYY-MM-DD)", *d));
    const std::vector<records::Record> list = db.list(filter);
    if (a.flag("--json")) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& r : list)
            all.push_back({{"id", r.id},
                           {"kind", r.kind},
                           {"unit", r.unit},
                           {"date", r.date},
                           {"notes", r.notes},
                           {"fields", r.fields}});
        out << all.dump(2) << "\n";
        return kExitOk;
    }
    for (const auto& r : list)
        out << r.date << "  " << r.kind << "  " << r.unit << "  " << r.fields.dump()
            << (r.notes.empty() ? "" : "  " + r.notes) << "  " << r.id << "\n";
    out << list.size() << " record(s)\n";
    return kExitOk;
}

int attachEvidence(records::RecordsDb& db, const std::vector<std::string>& pos, std::ostream& out) {
    if (pos.size() < 3)
        throw InputError(msg("records attach --db DB RECORD_ID FILE…"));
    for (std::size_t i = 2; i < pos.size(); ++i) {
        const bool added =
            db.attach(pos[1], fs::path(pos[i]).filename().string(), readFileBytes(pos[i]));
        out << (added ? "attached " : "already attached ") << pos[i] << "\n";
    }
    return kExitOk;
}

int listEvidence(records::RecordsDb& db, const Arguments& a, std::ostream& out) {
    const auto& pos = a.positional();
    if (pos.size() != 2)
        throw InputError(msg("records evidence --db DB RECORD_ID [--extract DIR]"));
    const auto dir = a.value("--extract");
    if (dir)
        if (const auto r = db.find(pos[1]); r && records::isClassified(*r))
            throw InputError(msg("record {} is marked classified: its evidence is not written out "
                                 "unencrypted — send it in an encrypted bundle (bundle export "
                                 "--encrypt)",
                                 pos[1]));
    for (const records::Evidence& e : db.evidence(pos[1])) {
        out << e.fileName << "  " << e.size << " bytes  sha256 " << e.sha256 << "  " << e.addedAt
            << " " << e.addedBy << "\n";
        if (dir) {
            fs::create_directories(*dir);
            writeFileAtomically(fs::path(*dir) / e.fileName, db.evidenceContent(e.id));
        }
    }
    return kExitOk;
}

} // namespace

int commandRecords(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(
        args, {{"--json"}, {"--db", "--user", "--kind", "--unit", "--from", "--to", "--extract"}},
        "records");
    const auto& pos = a.positional();
    if (pos.empty())
        throw InputError(msg("say what to do: `records import FILE` or `records list`"));
    records::RecordsDb db = openRecordsDb(a);
    if (pos[0] == "import") {
        if (pos.size() != 2)
            throw InputError(msg("give one file: records import --db DB FILE.jsonl|FILE.csv"));
        return importRecords(db, pos[1], out);
    }
    if (pos[0] == "list")
        return listRecords(db, a, out);
    if (pos[0] == "attach")
        return attachEvidence(db, pos, out);
    if (pos[0] == "evidence")
        return listEvidence(db, a, out);
    throw InputError(
        msg("unknown records action '{}' — use import, list, attach or evidence", pos[0]));
}

} // namespace mapaudit::cli

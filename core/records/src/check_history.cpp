#include "mapaudit/records/check_history.h"

#include "mapaudit/base/error.h"

#include <nlohmann/json.hpp>

namespace mapaudit::records {
namespace {

constexpr const char* kColumns = "id, checked_at, saved_at, inspector, file_path, file_sha256, "
                                 "map_kind, pack, pack_digest, verdict, findings, confirmed, "
                                 "dismissed";

CheckRun runFrom(Statement& s, bool withReport) {
    CheckRun r;
    r.id = s.columnText(0);
    r.checkedAt = s.columnText(1);
    r.savedAt = s.columnText(2);
    r.inspector = s.columnText(3);
    r.filePath = s.columnText(4);
    r.fileSha256 = s.columnText(5);
    r.mapKind = s.columnText(6);
    r.pack = s.columnText(7);
    r.packDigest = s.columnText(8);
    r.verdict = s.columnText(9);
    r.findings = s.columnInt(10);
    r.confirmed = s.columnInt(11);
    r.dismissed = s.columnInt(12);
    if (withReport)
        r.report = s.columnText(13);
    return r;
}

void require(const std::string& value, const char* field) {
    if (value.empty())
        throw InputError(
            msg("check run: {} is empty — it is needed to keep the run in the history", field));
}

} // namespace

RowChange saveCheckRun(RecordsDb& db, const CheckRun& run) {
    require(run.id, "id");
    require(run.checkedAt, "checked_at");
    require(run.savedAt, "saved_at");
    require(run.filePath, "file_path");
    require(run.verdict, "verdict");
    if (!isUuid(run.id))
        throw InputError(msg("check run: id '{}' is not a UUID", run.id));
    const auto parsed = nlohmann::json::parse(run.report, nullptr, false);
    if (!parsed.is_object())
        throw InputError(msg("check run {}: report is not a JSON object", run.id));
    return db.auditedWrite("check_runs", run.id, [&] {
        Statement s(db.database(),
                    std::string("INSERT INTO check_runs (") + kColumns +
                        ", report) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE "
                        "SET saved_at = excluded.saved_at, inspector = excluded.inspector, "
                        "verdict = excluded.verdict, findings = excluded.findings, confirmed = "
                        "excluded.confirmed, dismissed = excluded.dismissed, report = "
                        "excluded.report");
        s.bind(1, run.id).bind(2, run.checkedAt).bind(3, run.savedAt).bind(4, run.inspector);
        s.bind(5, run.filePath).bind(6, run.fileSha256).bind(7, run.mapKind).bind(8, run.pack);
        s.bind(9, run.packDigest).bind(10, run.verdict).bind(11, run.findings);
        s.bind(12, run.confirmed).bind(13, run.dismissed).bind(14, run.report);
        s.step();
    });
}

std::vector<CheckRun> checkRuns(RecordsDb& db, std::size_t limit) {
    std::string sql = std::string("SELECT ") + kColumns +
                      " FROM check_runs ORDER BY checked_at DESC, saved_at DESC, id";
    if (limit > 0)
        sql += " LIMIT " + std::to_string(limit);
    Statement s(db.database(), sql);
    std::vector<CheckRun> out;
    while (s.step())
        out.push_back(runFrom(s, false));
    return out;
}

std::optional<CheckRun> findCheckRun(RecordsDb& db, const std::string& id) {
    Statement s(db.database(),
                std::string("SELECT ") + kColumns + ", report FROM check_runs WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return runFrom(s, true);
}

} // namespace mapaudit::records

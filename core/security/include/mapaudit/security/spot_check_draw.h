// 双随机、一公开: the yearly random draw of supervised units for spot checks,
// each paired with two inspectors drawn at random (never one with a recorded
// conflict). A draw is reproducible from its seed, kept in the database and
// the audit log, and each drawn unit becomes a pending spot_check record.
#pragma once

#include "mapaudit/records/records_db.h"
#include "mapaudit/security/supervised_register.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit::security {

struct DrawOptions {
    int year = 0;
    double ratio = 0.1;                // at least ⌈ratio × units⌉ are drawn, per stratum too
    std::string stratify;              // "", "industry" or "category"
    int minPerStratum = 1;             // with strata: at least this many from each (or all it has)
    std::optional<std::uint64_t> seed; // random when absent; always recorded
    std::string unit;                  // the bureau drawing (records are entered for it)
    std::string date;                  // YYYY-MM-DD of the draw
};

struct DrawnUnit {
    SupervisedUnit unit;
    std::string stratum;                 // "" without strata
    std::vector<std::string> inspectors; // two names
};

struct Draw {
    std::string id;
    DrawOptions options; // seed filled in
    std::size_t population = 0;
    std::vector<DrawnUnit> drawn;
    std::string method; // how it was drawn, in Chinese, for the public notice
};

// The draw itself, without touching the database (what `drawSpotChecks`
// stores, and what a recorded draw's seed must reproduce). Throws InputError
// when the register is empty or a unit has fewer than two eligible inspectors.
Draw computeDraw(const std::vector<SupervisedUnit>& units, const std::vector<Inspector>& pool,
                 const DrawOptions& options);

// Computes, stores (draws table, audit log) and enters a pending spot_check
// record per drawn unit, all in one transaction.
Draw drawSpotChecks(records::RecordsDb& db, DrawOptions options);
// The draws recorded for a year, oldest first.
std::vector<Draw> recordedDraws(records::RecordsDb& db, int year);

struct SpotCheckRatio {
    std::size_t registered = 0, checked = 0; // units, and those with a spot check in the year
    double ratio() const { return registered ? double(checked) / double(registered) : 0.0; }
    bool belowTarget(double target = 0.1) const { return ratio() < target; }
};
SpotCheckRatio spotCheckRatio(records::RecordsDb& db, int year);

// The public notice (一公开) as XLSX: title, date, method, the units drawn
// with their inspectors. Written whole or not at all.
void writeDrawNoticeXlsx(const Draw& draw, const std::filesystem::path& path);

} // namespace mapaudit::security

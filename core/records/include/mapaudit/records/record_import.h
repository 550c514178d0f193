// Reading records from a JSON Lines or CSV file: each line (row) one record
// with `kind`, `unit`, `date` and the kind's fields (`id` and `notes`
// optional). Every problem is collected with its line and field, so a file
// is accepted whole or rejected with all its faults listed.
#pragma once

#include "mapaudit/base/message.h"
#include "mapaudit/records/records_db.h"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace mapaudit::records {

struct ImportProblem {
    ImportProblem(int atLine, std::string ofField, Message what, std::string problemCode)
        : line(atLine), field(std::move(ofField)), message(what.text(Language::English)),
          code(std::move(problemCode)), userMessage(std::move(what)) {}

    int line = 0;        // 1-based line of the file (CSV: the header is line 1)
    std::string field;   // "" when the whole line is at fault
    std::string message; // in English
    // For front ends that word the message themselves: missing, unknown,
    // not_date, not_uuid, not_field, not_choice, not_whole, not_number,
    // negative, syntax ("" for problems of the file as a whole).
    std::string code;
    // `message` as a catalogued message, for the user's language.
    Message userMessage;
};

struct ParsedRecords {
    std::vector<Record> records;
    std::vector<ImportProblem> problems;
};

// `unitExists` decides the "unknown unit" problem. A .csv or .xlsx file is a
// sheet (header row; List fields separated by ';'), anything else JSON Lines.
ParsedRecords parseRecordsFile(const std::filesystem::path& path,
                               const std::function<bool(const std::string&)>& unitExists);

// JSON Lines from a stream (what parseRecordsFile does for a .jsonl file);
// line numbers count from 1.
ParsedRecords parseRecordsJsonLines(std::istream& in,
                                    const std::function<bool(const std::string&)>& unitExists);

// One record given as JSON (values as JSON types or, from CSV, as text).
// Appends problems to `problems` with `line`; returns false when any.
bool parseRecord(const nlohmann::json& object, int line,
                 const std::function<bool(const std::string&)>& unitExists, Record& out,
                 std::vector<ImportProblem>& problems);

} // namespace mapaudit::records

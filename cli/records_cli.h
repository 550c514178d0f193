// Shared by the records, summary, org and db commands (internal).
#pragma once

#include "arguments.h"
#include "mapaudit/records/record_import.h"
#include "mapaudit/records/records_db.h"

#include <iosfwd>

namespace mapaudit::cli {

// The records database named by --db; changes are attributed to --user, else $USER.
records::RecordsDb openRecordsDb(const Arguments& a);

// Throws the InputError of a rejected import: the count, then each problem
// with its line and field.
// The passphrase for this run: the file named by --passphrase-file (first
// line), else $MAPAUDIT_PASSPHRASE, else asked on the terminal without echo.
// Throws InputError when there is none.
std::string readPassphrase(const std::string& passphraseFile);

// "imported FILE: N added, N updated, N unchanged"
void printImported(std::ostream& out, const std::string& file, const records::ImportCounts& c);

[[noreturn]] void rejectImport(const std::string& file,
                               const std::vector<records::ImportProblem>& problems);

} // namespace mapaudit::cli

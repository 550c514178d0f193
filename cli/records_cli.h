// Shared by the records, summary, org and db commands (internal).
#pragma once

#include "arguments.h"
#include "mapaudit/records/records_db.h"

namespace mapaudit::cli {

// The records database named by --db; changes are attributed to --user, else $USER.
records::RecordsDb openRecordsDb(const Arguments& a);

} // namespace mapaudit::cli

#include "records_cli.h"

#include "mapaudit/error.h"

#include <cstdlib>

namespace mapaudit::cli {

records::RecordsDb openRecordsDb(const Arguments& a) {
    const auto db = a.value("--db");
    if (!db)
        throw InputError("--db FILE is needed: the records database (created when absent)");
    std::string actor = a.value("--user").value_or("");
    if (actor.empty())
        if (const char* user = std::getenv("USER"))
            actor = user;
    return records::RecordsDb(*db, actor.empty() ? "unknown" : actor);
}

} // namespace mapaudit::cli

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

void rejectImport(const std::string& file, const std::vector<records::ImportProblem>& problems) {
    std::string message = file + ": " + std::to_string(problems.size()) +
                          " problem(s), nothing imported — correct the file and import it "
                          "again:";
    for (const auto& p : problems)
        message += "\n  line " + std::to_string(p.line) +
                   (p.field.empty() ? "" : ", field " + p.field) + ": " + p.message;
    throw InputError(message);
}

} // namespace mapaudit::cli

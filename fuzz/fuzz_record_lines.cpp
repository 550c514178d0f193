// Records as JSON Lines (record_import.cpp: parseRecordsFile of a .jsonl file,
// parseRecord). The input is written to a scratch file (records are read
// from files only). Problems are the parser's answer; what it accepts must be
// a record the database can store.
#include "fuzz_support.h"
#include "mapaudit/base/error.h"
#include "mapaudit/records/record_import.h"

using namespace mapaudit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path file = fuzz::scratchDir() / "records.jsonl";
    fuzz::writeFile(file, fuzz::text(data, size));
    // Units as the sample files name them, and any other name of even length.
    const auto unitExists = [](const std::string& u) { return u.size() % 2 == 0; };
    records::ParsedRecords parsed;
    try {
        parsed = records::parseRecordsFile(file, unitExists);
    } catch (const InputError&) {
        return 0; // a file without records is refused as a whole
    }
    for (const records::Record& r : parsed.records) {
        if (!records::isUuid(r.id) || !records::isIsoDate(r.date) || r.kind.empty())
            fuzz::fail("accepted a record without id, kind or date");
        (void)r.fields.dump(); // stored as JSON text
        (void)records::contentUuid(r);
    }
    for (const records::ImportProblem& p : parsed.problems)
        if (p.line < 1 || p.message.empty())
            fuzz::fail("a problem without its line or message");
    return 0;
}

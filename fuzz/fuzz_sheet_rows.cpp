// Sheets as bureaus keep them, read as CSV through table_file.cpp: records
// (record_import.cpp), the register of supervised units and the inspectors
// (supervised_register.cpp), the classified-results ledger and certified
// staff (classified_ledger.cpp). The input is written once to a scratch .csv
// and read by each. InputError (a sheet GDAL cannot read) is a fine answer.
#include "fuzz_support.h"
#include "mapaudit/base/error.h"
#include "mapaudit/records/record_import.h"
#include "mapaudit/security/classified_ledger.h"
#include "mapaudit/security/credit_code.h"
#include "mapaudit/security/supervised_register.h"

using namespace mapaudit;

namespace {

void checkProblems(const std::vector<records::ImportProblem>& problems) {
    for (const records::ImportProblem& p : problems)
        if (p.message.empty())
            fuzz::fail("a problem without a message");
}

template <typename Parse> void tryParse(Parse parse) {
    try {
        parse();
    } catch (const InputError&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::quietGdal();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path sheet = fuzz::scratchDir() / "sheet.csv";
    fuzz::writeFile(sheet, fuzz::text(data, size));
    tryParse([&] {
        const auto parsed = records::parseRecordsFile(
            sheet, [](const std::string& u) { return u.size() % 2 == 0; });
        for (const records::Record& r : parsed.records)
            (void)r.fields.dump(); // stored as JSON text
        checkProblems(parsed.problems);
    });
    tryParse([&] {
        const auto parsed = security::parseRegisterFile(sheet);
        for (const security::SupervisedUnit& u : parsed.units)
            if (!security::isValidCreditCode(u.creditCode))
                fuzz::fail("register accepted credit code '" + u.creditCode + "'");
        checkProblems(parsed.problems);
    });
    tryParse([&] { checkProblems(security::parseInspectorFile(sheet).problems); });
    tryParse([&] { checkProblems(security::parseLedgerFile(sheet).problems); });
    tryParse([&] { checkProblems(security::parseStaffFile(sheet).problems); });
    return 0;
}

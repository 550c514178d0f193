// Summary table templates (summary.cpp: SummaryTemplate::parse, as load reads
// resources/templates/supervision-summary-*.json or a bureau's own file), and
// the table a parsed template counts from a small in-memory records database
// (computeSummary). InputError naming the row or key is the documented answer.
#include "fuzz_support.h"
#include "mapaudit/base/error.h"
#include "mapaudit/records/summary.h"

using namespace mapaudit;
using namespace mapaudit::records;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // SummaryTemplate::load turns a JSON syntax error into an InputError itself.
    const nlohmann::json j = nlohmann::json::parse(fuzz::text(data, size), nullptr, false);
    if (j.is_discarded())
        return 0;
    SummaryTemplate form;
    try {
        form = SummaryTemplate::parse(j, "fuzz.json");
    } catch (const InputError&) {
        return 0;
    }
    RecordsDb db(":memory:", "fuzz");
    db.addUnit("赣州市自然资源局");
    db.addUnit("章贡分局", "赣州市自然资源局");
    Record r;
    r.kind = "problem_map";
    r.unit = "章贡分局";
    r.date = "2021-03-02";
    r.fields = {{"medium", "offline"},
                {"title", "某世界地图挂图"},
                {"sheets", 12},
                {"status", "已下架"},
                {"findings", {"TERR-FOREIGN taiwan"}}};
    r.id = contentUuid(r);
    db.upsert({r});
    try {
        const SummaryTable table = computeSummary(db, form, "赣州市自然资源局", true, std::nullopt,
                                                  std::nullopt, "2022-01-10");
        for (std::size_t i = 0; i < table.cells.size(); ++i) {
            (void)formatFigure(table.cells[i].value);
            (void)recordIdsBehind(db, table, i);
        }
    } catch (const InputError&) {
    }
    return 0;
}

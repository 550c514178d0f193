#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/records/summary_export.h"
#include "pdf_writer_hooks.h"
#include "records_cli.h"

#include <ostream>

namespace mapaudit::cli {
namespace {

double parseValue(const std::string& text) {
    if (const auto v = parseNumber(text); v && *v >= 0)
        return *v;
    throw InputError(msg("--value '{}' is not a number ≥ 0", text));
}

} // namespace

int commandSummary(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args,
                      {{"--include-subunits", "--json"},
                       {"--db", "--user", "--unit", "--from", "--to", "--template", "--xlsx",
                        "--csv", "--pdf", "--date", "--override", "--value", "--reason"}},
                      "summary");
    const auto unit = a.value("--unit");
    if (!unit)
        throw InputError(
            msg("--unit NAME is needed: the reporting unit (see `mapaudit org list`)"));
    records::RecordsDb db = openRecordsDb(a);
    records::SummaryTemplate form =
        records::SummaryTemplate::load(a.value("--template").value_or("2021"));
    if (a.value("--pdf") && !summaryPdfWriter())
        throw InputError(msg("--pdf needs the workstation binary: run `mapaudit summary … --pdf "
                             "FILE` (mapaudit-cli is built without Qt)"));
    const std::string from = a.value("--from").value_or(form.defaultFrom);
    const std::string to = a.value("--to").value_or(form.defaultTo);

    if (const auto key = a.value("--override")) {
        bool known = false;
        for (const auto& row : form.rows)
            known = known || row.key == *key;
        if (!known)
            throw InputError(
                msg("--override: the form has no row '{}' (rows are listed by `summary --json`)",
                    *key));
        if (!a.value("--value") || !a.value("--reason"))
            throw InputError(msg("--override ROW needs --value N and --reason TEXT"));
        db.setOverride({*unit, form.id, from, to, *key, *a.value("--reason"),
                        parseValue(*a.value("--value"))});
    }
    const records::SummaryTable table =
        records::computeSummary(db, std::move(form), *unit, a.flag("--include-subunits"), from, to,
                                a.value("--date").value_or(todayLocal()));
    if (const auto xlsx = a.value("--xlsx"))
        records::writeSummaryXlsx(table, *xlsx);
    if (const auto csv = a.value("--csv"))
        records::writeSummaryCsv(table, *csv);
    if (const auto pdf = a.value("--pdf"))
        summaryPdfWriter()(table, *pdf);
    if (a.flag("--json")) {
        out << records::summaryJson(table).dump(2) << "\n";
        return kExitOk;
    }
    out << table.form.title << "\n"
        << table.form.unitLabel << table.unit << (table.includeSubunits ? "（含下级单位）" : "")
        << "    " << table.form.dateLabel << records::chineseDate(table.reportDate) << "\n"
        << "统计时段: " << table.from << " — " << table.to << "\n";
    std::string group;
    for (const auto& c : table.cells) {
        if (c.row.group != group)
            out << c.row.group << "\n";
        group = c.row.group;
        out << "  " << (c.row.item.empty() ? "合计" : c.row.item) << ": "
            << records::formatFigure(c.value) << (c.remark().empty() ? "" : "  " + c.remark())
            << "\n";
    }
    out << records::summaryFootnote(table) << "\n"
        << records::kAuditHeadLabel << "：" << table.auditHead << "\n";
    return kExitOk;
}

} // namespace mapaudit::cli

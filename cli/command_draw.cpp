#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/security/spot_check_draw.h"
#include "pdf_writer_hooks.h"
#include "records_cli.h"

#include <cmath>
#include <ostream>

namespace mapaudit::cli {
namespace {

void printRatio(records::RecordsDb& db, int year, std::ostream& out) {
    const security::SpotCheckRatio r = security::spotCheckRatio(db, year);
    out << year << " spot checks: " << r.checked << " of " << r.registered << " registered units ("
        << oneDecimal(r.ratio() * 100) << "%)"
        << (r.belowTarget() ? " — below the required 10%: draw more units" : "") << "\n";
}

} // namespace

int commandDraw(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args,
                      {{"--list"},
                       {"--db", "--user", "--year", "--unit", "--ratio", "--stratify",
                        "--min-per-stratum", "--seed", "--date", "--notice"}},
                      "draw");
    records::RecordsDb db = openRecordsDb(a);
    const auto yearText = a.value("--year");
    const auto year = yearText ? parseNumber(*yearText) : std::nullopt;
    if (!year || *year != std::floor(*year))
        throw InputError(msg("--year YYYY is needed, e.g. --year 2026"));
    security::DrawOptions o;
    o.year = static_cast<int>(*year);
    if (a.flag("--list")) {
        for (const auto& d : security::recordedDraws(db, o.year)) {
            out << d.id.substr(0, 8) << "  " << d.options.date << "  seed " << *d.options.seed
                << "  " << d.drawn.size() << " of " << d.population << " units\n";
            for (const auto& u : d.drawn)
                out << "    " << u.unit.creditCode << "  " << u.unit.name << "  " << u.inspectors[0]
                    << "、" << u.inspectors[1] << "\n";
        }
        printRatio(db, o.year, out);
        return kExitOk;
    }
    o.unit = a.value("--unit").value_or("");
    if (o.unit.empty()) { // one bureau in the database: it is the one drawing
        std::vector<std::string> tops;
        for (const auto& u : db.units())
            if (u.parentId.empty())
                tops.push_back(u.name);
        if (tops.size() != 1)
            throw InputError(
                msg("--unit NAME is needed: the bureau drawing (see `mapaudit org list`)"));
        o.unit = tops.front();
    }
    if (const auto ratio = a.value("--ratio")) {
        const auto r = parseNumber(*ratio);
        if (!r)
            throw InputError(msg("--ratio takes a number such as 0.1, not '{}'", *ratio));
        o.ratio = *r;
    }
    o.stratify = a.value("--stratify").value_or("");
    if (const auto m = a.value("--min-per-stratum")) {
        const auto n = parseNumber(*m);
        if (!n || *n < 0 || *n != std::floor(*n))
            throw InputError(msg("--min-per-stratum takes a whole number, not '{}'", *m));
        o.minPerStratum = static_cast<int>(*n);
    }
    if (const auto seed = a.value("--seed")) {
        try {
            std::size_t used = 0;
            o.seed = std::stoull(*seed, &used);
            if (used != seed->size())
                throw std::invalid_argument("trailing");
        } catch (const std::exception&) {
            throw InputError(msg("--seed takes a whole number, not '{}'", *seed));
        }
    }
    o.date = a.value("--date").value_or("");
    const security::Draw d = security::drawSpotChecks(db, o);
    out << "draw " << d.id.substr(0, 8) << " (seed " << *d.options.seed << "): " << d.drawn.size()
        << " of " << d.population << " units; each is now a pending spot_check record\n";
    for (const auto& u : d.drawn)
        out << "  " << u.unit.creditCode << "  " << u.unit.name << "  " << u.inspectors[0] << "、"
            << u.inspectors[1] << "\n";
    if (const auto notice = a.value("--notice")) {
        if (notice->size() > 4 && notice->substr(notice->size() - 4) == ".pdf") {
            if (!drawNoticePdfWriter())
                throw InputError(msg("a PDF notice needs the workstation binary: run `mapaudit "
                                     "draw … --notice FILE.pdf`, or write FILE.xlsx"));
            drawNoticePdfWriter()(d, *notice);
        } else {
            security::writeDrawNoticeXlsx(d, *notice);
        }
        out << "public notice: " << *notice << "\n";
    }
    printRatio(db, o.year, out);
    return kExitOk;
}

} // namespace mapaudit::cli

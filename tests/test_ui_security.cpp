// The security supervision window: the register as imported, a draw made from
// the window equal to the core draw with its seed, the ratio, the ledger and
// its deadlines turned into clues.
#include "application.h"
#include "mapaudit/security/classified_ledger.h"
#include "mapaudit/security/spot_check_draw.h"
#include "security_view.h"
#include "ui_test_support.h"

#include <QTableWidget>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace mapaudit;
using namespace mapaudit::ui;
using namespace uitest;

TEST_CASE("the security window draws as the core does and turns overdue items into clues") {
    installTranslations("zh_CN");
    QTemporaryDir dir;
    const auto shared =
        std::make_shared<records::RecordsDb>(dir.filePath("r.sqlite").toStdString(), "tester");
    records::RecordsDb& db = *shared;
    const std::string bureau = "赣州市自然资源局";
    db.addUnit(bureau);
    const auto units =
        security::parseRegisterFile(sample("supervised-units-example.csv").toStdString());
    const auto pool = security::parseInspectorFile(sample("inspectors-example.csv").toStdString());
    REQUIRE(units.problems.empty());
    REQUIRE(pool.problems.empty());
    security::importRegister(db, units.units);
    security::importInspectors(db, pool.inspectors);

    SecurityView view(shared, QString::fromStdString(bureau));
    CHECK(view.registerTable()->rowCount() == 32);
    CHECK_FALSE(view.drawNow(2026, 0.1, "industry", 1, "forty-two"));
    CHECK(view.message().contains(QStringLiteral("随机数种子须为整数")));
    REQUIRE(view.drawNow(2026, 0.1, "industry", 1, "42"));

    security::DrawOptions o;
    o.year = 2026;
    o.ratio = 0.1;
    o.stratify = "industry";
    o.minPerStratum = 1;
    o.seed = 42;
    const auto expected = security::computeDraw(units.units, pool.inspectors, o);
    REQUIRE(view.drawTable()->rowCount() == static_cast<int>(expected.drawn.size()));
    for (int i = 0; i < view.drawTable()->rowCount(); ++i) {
        const auto& d = expected.drawn[static_cast<std::size_t>(i)];
        CHECK(view.drawTable()->item(i, 1)->text().toStdString() == d.unit.creditCode);
        CHECK(view.drawTable()->item(i, 3)->text().toStdString() ==
              d.inspectors[0] + "、" + d.inspectors[1]);
    }
    CHECK(view.ratioText().contains(QStringLiteral("32 家单位中的 5 家")));
    CHECK_FALSE(view.ratioText().contains(QStringLiteral("低于")));

    const auto ledger =
        security::parseLedgerFile(sample("classified-ledger-example.csv").toStdString());
    REQUIRE(ledger.problems.empty());
    security::importLedger(db, ledger.items);
    view.refresh();
    CHECK(view.ledgerTable()->rowCount() == 6);
    // The example's elevation model was due on 2025-12-30: overdue from any later day.
    bool overdue = false;
    for (int i = 0; i < view.dueTable()->rowCount(); ++i)
        overdue = overdue || view.dueTable()->item(i, 0)->text() == QStringLiteral("逾期");
    CHECK(overdue);
    const int clues = view.overdueToClues();
    CHECK(clues >= 1);
    CHECK(view.overdueToClues() == 0); // once only
    CHECK(db.list({std::string("clue"), {}, {}, {}}).size() == static_cast<std::size_t>(clues));
}

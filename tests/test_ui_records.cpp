// Records in the workstation: the form's inline validation, the records dock's
// filters and history, the summary view against `mapaudit summary`, and the
// preferences.
#include "application.h"
#include "main_window.h"
#include "mapaudit/records/record_kinds.h"
#include "mapaudit/records/records_db.h"
#include "record_form.h"
#include "record_labels.h"
#include "records_panel.h"
#include "security_view.h"
#include "settings_dialog.h"
#include "summary_view.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QCoreApplication>
#include <QListWidget>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mapaudit::ui;
using namespace uitest;
namespace records = mapaudit::records;

namespace {

constexpr const char* kCity = "赣州市自然资源局";

// Runs mapaudit-cli; returns its standard output (fails the test on a bad exit).
QByteArray cli(const QStringList& args) {
    QProcess p;
    p.start(MAPAUDIT_CLI, args);
    REQUIRE(p.waitForFinished(60000));
    INFO(p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
    return p.readAllStandardOutput();
}

// The example records in a fresh database, through the command line.
QString exampleDatabase(const QTemporaryDir& dir) {
    const QString db = dir.filePath("records.sqlite");
    cli({"org", "add", "--db", db, kCity});
    for (const char* county : {"章贡分局", "南康分局"})
        cli({"org", "add", "--db", db, QString::fromUtf8(county), "--parent", kCity});
    cli({"records", "import", "--db", db, sample("records-example.jsonl")});
    return db;
}

} // namespace

TEST_CASE("a record form rejects each invalid input with its message") {
    installTranslations("zh_CN");
    QTemporaryDir dir;
    records::RecordsDb db(dir.filePath("r.sqlite").toStdString(), "tester");
    db.addUnit(kCity);

    records::Record visit;
    visit.kind = "onsite_check";
    RecordForm form(db, visit);
    form.setFieldText("date", "2021-02-30");
    CHECK_FALSE(form.validate());
    CHECK(form.problemFor("unit") == QStringLiteral("必填。"));
    CHECK(form.problemFor("place") == QStringLiteral("必填。"));
    CHECK(form.problemFor("date") ==
          QStringLiteral("请按 YYYY-MM-DD 填写真实日期，如 2021-06-30。"));
    CHECK(form.problemFor("inspectors").isEmpty());

    form.setFieldText("unit", kCity);
    form.setFieldText("date", "2021-03-02");
    form.setFieldText("place", QStringLiteral("某书店"));
    form.accept();
    CHECK(form.result() == QDialog::Accepted);
    const auto saved = db.list({});
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].fields.at("place") == "某书店");
    CHECK(saved[0].unit == kCity);

    records::Record event;
    event.kind = "publicity_event";
    RecordForm counts(db, event);
    counts.setFieldText("unit", kCity);
    counts.setFieldText("title", QStringLiteral("国家版图意识宣传周"));
    counts.setFieldText("participants", "-3");
    CHECK_FALSE(counts.validate());
    CHECK(counts.problemFor("participants") == QStringLiteral("不能为负数。"));
    counts.setFieldText("participants", "2.5");
    CHECK_FALSE(counts.validate());
    CHECK(counts.problemFor("participants") == QStringLiteral("请填写整数：0、1、2……"));
    counts.setFieldText("participants", "120");
    CHECK(counts.validate());

    records::Record emergency;
    emergency.kind = "emergency_support";
    RecordForm amounts(db, emergency);
    amounts.setFieldText("unit", kCity);
    amounts.setFieldText("event", QStringLiteral("防汛"));
    amounts.setFieldText("imagery_km2", QStringLiteral("约三百"));
    CHECK_FALSE(amounts.validate());
    CHECK(amounts.problemFor("imagery_km2") == QStringLiteral("请填写数字，如 12.5。"));
    CHECK(amounts.problemFor("event").isEmpty());

    // Nothing the form refused was saved.
    CHECK(db.list({}).size() == 1);
}

TEST_CASE("the records dock filters, and shows a record's history and evidence") {
    installTranslations("zh_CN");
    QTemporaryDir dir;
    const QString path = exampleDatabase(dir);
    records::RecordsDb db(path.toStdString(), "tester");
    RecordsPanel panel;
    panel.setDatabase(&db);
    CHECK(panel.shown().size() == 15);
    panel.setFilter("problem_map", "", "", "", "");
    CHECK(panel.shown().size() == 2); // the example file has two
    for (const auto& r : panel.shown())
        CHECK(r.kind == "problem_map");
    panel.setFilter("problem_map", "", "", "", QStringLiteral("下架"));
    REQUIRE(panel.shown().size() == 1);
    CHECK(panel.table()->item(0, 1)->text() == QStringLiteral("问题地图"));
    panel.setFilter("", QStringLiteral("章贡分局"), "2021-01-01", "2021-06-30", "");
    for (const auto& r : panel.shown()) {
        CHECK(r.unit == "章贡分局");
        CHECK(r.date <= "2021-06-30");
    }
    CHECK_FALSE(panel.shown().empty());

    panel.setFilter("problem_map", "", "", "", QStringLiteral("下架"));
    db.attach(panel.shown()[0].id, "photo.jpg", "jpeg bytes");
    panel.table()->setCurrentCell(0, 0);
    CHECK(panel.evidenceList()->count() == 1);
    const QStringList history = panel.historyLines();
    REQUIRE(history.size() == 2);
    CHECK(history[0].contains("insert"));
    CHECK(history[1].contains(QStringLiteral("证据材料")));
}

TEST_CASE("the summary view shows exactly the figures of `mapaudit summary`") {
    QTemporaryDir dir;
    const QString path = exampleDatabase(dir);
    SummaryView view(std::make_shared<records::RecordsDb>(path.toStdString(), "tester"), kCity);
    view.setPeriod(kCity, true, "2021-01-01", "2021-11-15");
    REQUIRE(view.table());
    const auto expected = nlohmann::json::parse(
        cli({"summary", "--db", path, "--unit", kCity, "--include-subunits", "--json"})
            .toStdString());
    const auto& rows = expected.at("rows");
    REQUIRE(view.grid()->rowCount() == static_cast<int>(rows.size()));
    REQUIRE(rows.size() == 19);
    double total = 0;
    for (int i = 0; i < view.grid()->rowCount(); ++i) {
        const auto& row = rows[static_cast<std::size_t>(i)];
        INFO(row.dump());
        CHECK(view.grid()->item(i, 2)->text().toDouble() == row.at("value").get<double>());
        CHECK(view.table()->cells[static_cast<std::size_t>(i)].row.key == row.at("key"));
        total += row.at("value").get<double>();
        // Clicking a count lists as many records as it says.
        if (view.table()->cells[static_cast<std::size_t>(i)].row.op == "count")
            CHECK(view.recordsBehind(static_cast<std::size_t>(i)).size() ==
                  static_cast<std::size_t>(row.at("value").get<double>()));
    }
    CHECK(total > 10); // the example gives most rows a figure
    // The paper form's layout: 地图监管's four rows share one merged group cell.
    CHECK(view.grid()->rowSpan(0, 0) == 4);

    // An override is kept, shown with its reason, and is what the command line reports too.
    REQUIRE(view.overrideRow(6, 7, QStringLiteral("含公安移交线索")));
    CHECK(view.grid()->item(6, 2)->text() == "7");
    CHECK(view.grid()->item(6, 3)->text().contains(QStringLiteral("含公安移交线索")));
    const auto after = nlohmann::json::parse(
        cli({"summary", "--db", path, "--unit", kCity, "--include-subunits", "--json"})
            .toStdString());
    CHECK(after.at("rows")[6].at("value") == 7);

    // Without subunits the city's own records only.
    view.setPeriod(kCity, false, "2021-01-01", "2021-11-15");
    const auto own = nlohmann::json::parse(
        cli({"summary", "--db", path, "--unit", kCity, "--json"}).toStdString());
    for (int i = 0; i < view.grid()->rowCount(); ++i)
        CHECK(view.grid()->item(i, 2)->text().toDouble() ==
              own.at("rows")[static_cast<std::size_t>(i)].at("value").get<double>());

    // A bad period is explained, not counted.
    view.setPeriod(kCity, false, "2021-11-15", "2021-01-01");
    CHECK_FALSE(view.table());
    CHECK(view.problem().contains(QStringLiteral("晚于结束日期")));

    // Another period than the form's: the view and the footnote say which.
    view.setPeriod(kCity, false, "2022-01-01", "2022-12-31");
    CHECK(view.periodText().contains(QStringLiteral("2022年1月1日")));
    CHECK(view.periodText().contains(QStringLiteral("2022年12月31日")));
    CHECK(view.footnoteText().startsWith(
        QStringLiteral("注:上述指标统计时间段为2022年1月1日—2022年12月31日")));

    // Exports write the same table.
    view.setPeriod(kCity, true, "2021-01-01", "2021-11-15");
    view.exportTo(dir.filePath("s.csv"));
    view.exportTo(dir.filePath("s.xlsx"));
    CHECK(QFileInfo(dir.filePath("s.csv")).size() > 100);
    CHECK(QFileInfo(dir.filePath("s.xlsx")).size() > 1000);
}

TEST_CASE("preferences are checked before they are kept") {
    installTranslations("zh_CN");
    QTemporaryDir dir;
    SettingsDialog dialog({dir.filePath("r.sqlite"), "", kCity, "zh_CN", "", false, ""});
    CHECK(dialog.validate().contains(QStringLiteral("核查人员")));
    SettingsDialog scale({dir.filePath("r.sqlite"), "tester", kCity, "zh_CN", "1:abc", false, ""});
    CHECK(scale.validate().contains("1:1000000"));
    SettingsDialog good(
        {dir.filePath("sub/r.sqlite"), "tester", kCity, "en", "1:250000", false, ""});
    CHECK(good.validate().isEmpty());

    // Applied to the window: the database opens and the unit exists in it.
    MainWindow w;
    w.applySettings(good.settings());
    REQUIRE(w.recordsDb());
    CHECK(w.recordsDb()->findUnit(kCity));
    CHECK(QFileInfo::exists(dir.filePath("sub/r.sqlite")));
    installTranslations("zh_CN");
}

TEST_CASE("another database chosen in the preferences closes the record views on the old one") {
    installTranslations("zh_CN");
    QTemporaryDir dir;
    MainWindow w;
    w.applySettings({dir.filePath("a.sqlite"), "tester", kCity, "zh_CN", "", false, ""});
    REQUIRE(w.recordsDb());
    w.openSummary();
    w.openSecurity();
    QPointer<SummaryView> summary = w.findChild<SummaryView*>();
    REQUIRE(summary);
    REQUIRE(w.findChild<SecurityView*>());

    w.applySettings({dir.filePath("b.sqlite"), "tester", kCity, "zh_CN", "", false, ""});
    // The view is closed; until Qt deletes it, it still reads a database that is
    // alive (it shares it), not freed memory.
    if (summary)
        summary->setPeriod(kCity, true, "2021-01-01", "2021-11-15");
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK_FALSE(summary);
    CHECK_FALSE(w.findChild<SecurityView*>());
    CHECK(w.recordsDb()->findUnit(kCity));
}

TEST_CASE("every field of every record kind has a Chinese label in the Chinese workstation") {
    installTranslations("zh_CN");
    for (const records::KindSpec& kind : records::recordKinds()) {
        INFO(kind.name);
        CHECK(kindLabel(kind.name).contains(QRegularExpression(QStringLiteral("\\p{Han}"))));
        for (const records::FieldSpec& field : kind.fields) {
            INFO(field.name);
            CHECK(fieldLabel(field.name).contains(QRegularExpression(QStringLiteral("\\p{Han}"))));
        }
    }
}

TEST_CASE("a new record names the session's inspector as its 检查人员") {
    installTranslations("zh_CN");
    QTemporaryDir dir;
    records::RecordsDb db(dir.filePath("r.sqlite").toStdString(), "tester");
    db.addUnit(kCity);
    RecordForm visit(db, newRecordDraft("onsite_check", kCity, QStringLiteral(" 张三 ")));
    CHECK(visit.fieldText("inspectors") == QStringLiteral("张三"));
    CHECK(visit.fieldText("unit") == QString::fromUtf8(kCity));
    // A kind without inspectors saves none.
    RecordForm problem(db, newRecordDraft("problem_map", kCity, QStringLiteral("张三")));
    CHECK(problem.fieldText("inspectors").isEmpty());
    CHECK_FALSE(newRecordDraft("onsite_check", kCity, "  ").fields.contains("inspectors"));

    // In the workstation, as `mapaudit --inspector 张三` sets it: the records dock's New.
    MainWindow w;
    w.applySettings(
        {dir.filePath("w.sqlite"), QStringLiteral("张三"), kCity, "zh_CN", "", false, ""});
    auto* panel = w.findChild<RecordsPanel*>();
    REQUIRE(panel);
    panel->setFilter("onsite_check", "", "", "", "");
    QString seen = QStringLiteral("(no form)");
    QTimer::singleShot(0, [&] {
        if (auto* form = qobject_cast<RecordForm*>(QApplication::activeModalWidget())) {
            seen = form->fieldText("inspectors");
            form->reject();
        }
    });
    panel->newButton()->click();
    CHECK(seen == QStringLiteral("张三"));
}

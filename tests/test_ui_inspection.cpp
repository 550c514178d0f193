// Checking a map in the workstation: the selected finding on the map, filters,
// decisions, exports, registering the problem map with its evidence, and the
// PDF inspection report.
#include "application.h"
#include "check_history_panel.h"
#include "check_panel.h"
#include "checklist_view.h"
#include "html_pdf.h"
#include "layer_tree_model.h"
#include "main_window.h"
#include "map_canvas.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/check/check_run.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/records/check_history.h"
#include "records_panel.h"
#include "ui_test_support.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

using namespace mapaudit::ui;
using namespace uitest;
namespace check = mapaudit::check;

namespace {

std::size_t findingIndex(const check::CheckReport& r, const std::string& rule,
                         const std::string& code) {
    for (std::size_t i = 0; i < r.findings.size(); ++i)
        if (r.findings[i].rule == rule && r.findings[i].code == code)
            return i;
    FAIL("no finding " << rule << " " << code);
    return 0;
}

// The text of `path` (pages `first` to `last`, 0: to the end), as pdftotext
// reads it. The CJK font draws 页 with the glyph it shares with the radical ⻚
// (U+2EDA), which has no compatibility mapping: read back as 页.
QString pdfText(const QString& path, int first = 1, int last = 0) {
    QProcess p;
    QStringList args{"-raw", "-f", QString::number(first)};
    if (last > 0)
        args << "-l" << QString::number(last);
    p.start("pdftotext", args << path << "-");
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).replace(QChar(0x2EDA), QChar(0x9875));
}

} // namespace

TEST_CASE("a checked problem map: highlight, filters, decisions, exports, record, report") {
    QTemporaryDir dir;
    MainWindow w;
    REQUIRE(openAndCheck(w, dir.path(), sample("world_ne10m.gpkg"), QSize(1280, 820)));
    CheckPanel& panel = *w.checkPanel();
    const check::CheckReport& report = *panel.report();
    const std::size_t taiwan = findingIndex(report, check::kTerrForeign, "taiwan");

    // Selecting a finding draws it in the highlight colour over the map.
    const int row = static_cast<int>(taiwan); // unfiltered: row = finding
    panel.findingsTable()->setCurrentCell(row, 0);
    REQUIRE(waitUntilDrawn(w));
    const QColor c = colourAt(w, 120.95, 23.75); // the middle of Taiwan
    INFO(c.name().toStdString());
    CHECK(c.red() > 230);
    CHECK(c.green() > 190);
    CHECK(c.blue() < 150); // yellow laid over the map's beige
    // Zoom to selection frames it again after the view moved away.
    w.canvas()->zoomToFullExtent();
    w.zoomToSelection();
    const mapaudit::Extent framed = w.canvas()->viewport().extent();
    CHECK((framed.minX < 120.1 && framed.maxX > 121.9 && framed.minY < 22 && framed.maxY > 25.3));
    CHECK(framed.maxX - framed.minX < 15);

    // Filters.
    panel.setFilter("error", "");
    for (std::size_t i : panel.shownFindings())
        CHECK(report.findings[i].severity == check::Severity::Error);
    panel.setFilter("", check::kBorderDeviation);
    CHECK_FALSE(panel.shownFindings().empty());
    for (std::size_t i : panel.shownFindings())
        CHECK(report.findings[i].rule == check::kBorderDeviation);
    panel.setFilter("", "");
    CHECK(panel.shownFindings().size() == report.findings.size());

    // Decisions: a dismissal needs a reason.
    const std::size_t border = panel.shownFindings().back();
    CHECK_FALSE(panel.review(border, check::ReviewState::Dismissed, "  "));
    CHECK(panel.review(border, check::ReviewState::Dismissed, QStringLiteral("比例尺容差内")));
    CHECK(panel.review(taiwan, check::ReviewState::Confirmed));
    CHECK(panel.findingsTable()->item(row, 5)->text() == QStringLiteral("已确认"));

    // Exports: the findings layer and the report with the decisions.
    panel.exportTo(dir.filePath("findings.gpkg"));
    {
        auto opened = mapaudit::openDataset(dir.filePath("findings.gpkg").toStdString());
        CHECK(opened.dataset->GetLayer(0)->GetFeatureCount() ==
              static_cast<GIntBig>(report.findings.size()));
    }
    panel.exportTo(dir.filePath("report.json"));
    QFile json(dir.filePath("report.json"));
    REQUIRE(json.open(QIODevice::ReadOnly));
    const auto j = nlohmann::json::parse(json.readAll().toStdString());
    CHECK(j["findings"][taiwan]["review"]["state"] == "confirmed");
    CHECK(j["findings"][border]["review"]["state"] == "dismissed");
    CHECK(j["findings"][border]["review"]["by"] == "测试员");

    // 登记为问题地图: a problem_map record with the map picture and the report as evidence.
    QString message;
    const auto record = w.registerProblemMap(false, &message);
    INFO(message.toStdString());
    REQUIRE(record);
    auto& db = *w.recordsDb();
    const auto saved = db.find(record->id);
    REQUIRE(saved);
    CHECK(saved->kind == "problem_map");
    CHECK(saved->unit == "某县自然资源局");
    CHECK(saved->fields.at("title") == "world_ne10m");
    const auto& findings = saved->fields.at("findings");
    CHECK(findings.size() == report.findings.size() - 1); // the dismissed one left out
    CHECK(findings[0].get<std::string>().rfind("F1 ", 0) == 0);
    const auto evidence = db.evidence(record->id);
    REQUIRE(evidence.size() == 2);
    const auto png = std::find_if(evidence.begin(), evidence.end(), [](const auto& e) {
        return e.fileName == "world_ne10m-map.png";
    });
    REQUIRE(png != evidence.end());
    const std::string bytes = db.evidenceContent(png->id);
    CHECK(bytes.substr(1, 3) == "PNG");
    CHECK(png->sha256 == mapaudit::sha256Hex(bytes));
    const QImage picture = QImage::fromData(QByteArray::fromStdString(bytes), "PNG");
    CHECK(picture.size() == w.canvas()->size());
    CHECK(w.recordsPanel()->shown().size() == 1);

    // The PDF inspection report.
    const QString pdf = dir.filePath("report.pdf");
    w.writeInspectionReport(pdf);
    // Wrapped cells break words over lines: compare without white space.
    const QString text =
        pdfText(pdf).normalized(QString::NormalizationForm_KC).remove(QRegularExpression("\\s"));
    INFO(text.left(600).toStdString());
    CHECK(text.contains(QStringLiteral("地图核查报告")));
    CHECK(text.contains(QStringLiteral("测试员")));
    CHECK(text.contains(QStringLiteral("问题地图")));
    // An official document: rules and places by name, not by code.
    CHECK(text.contains(QStringLiteral("中国领土表示为他国")));
    CHECK(text.contains(QStringLiteral("台湾省")));
    CHECK_FALSE(text.contains("TERR-FOREIGN"));
    CHECK(text.contains(QStringLiteral("平方千米")));
    CHECK_FALSE(text.contains(QStringLiteral("km²")));
    CHECK(text.contains(QStringLiteral("第1页共")));
    CHECK(text.contains(QStringLiteral("比例尺容差内")));
    CHECK(text.contains(QString::fromStdString(report.packDigest)));
    // Anchored outside the database: the audit chain's head when the report was written.
    CHECK(text.contains(QString::fromStdString(w.recordsDb()->head().text())));
    // The map picture frames China and the findings, with the reference over the map.
    const QImage map = w.findingsMapImage(QSize(800, 550));
    int red = 0;
    for (int y = 0; y < map.height(); y += 2)
        for (int x = 0; x < map.width(); x += 2) {
            const QColor p = map.pixelColor(x, y);
            red += p.red() > p.green() + 80 && p.red() > p.blue() + 80;
        }
    CHECK(red > 500);
}

TEST_CASE("a PDF keeps each table row on one page and numbers its pages") {
    QTemporaryDir dir;
    const QString path = dir.filePath("rows.pdf");
    // Rows of different heights, enough for several pages; each row's first and
    // last words mark where it starts and ends.
    auto html = [](const QStringList& breaks) {
        QString h = "<html><body><p>Rows</p><table width=100% border=1 cellspacing=0>"
                    "<thead><tr><th>#</th><th>text</th></tr></thead>";
        for (int k = 1; k <= 60; ++k) {
            const QString id = QString::number(k);
            if (breaks.contains(id))
                h += "</table><table width=100% border=1 cellspacing=0 "
                     "style='page-break-before:always'><thead><tr><th>#</th><th>text</th></tr>"
                     "</thead>";
            // The row number in letters: a PDF's text keeps those whole.
            const QString tag = QString(QChar('a' + k / 26)) + QChar('a' + k % 26);
            QString words;
            for (int i = 0; i < 10 + (k * 37) % 90; ++i)
                words += " word";
            h += "<tr><td><a name=\"keep:" + id + "\"></a>" + id + "</td><td>ROWSTART" + tag +
                 words + " ROWEND" + tag + "</td></tr>";
        }
        return h + "</table></body></html>";
    };
    PdfLayout layout;
    layout.pageNumber = QStringLiteral("第 %1 页 共 %2 页");
    writeHtmlPdf(html, layout, path.toStdString());
    int pages = 0;
    std::map<int, int> startPage, endPage;
    for (int page = 1; page < 50; ++page) {
        const QString text = pdfText(path, page, page);
        if (text.trimmed().isEmpty())
            break;
        pages = page;
        static const QRegularExpression marks("ROW(START|END)([a-z]{2})");
        for (auto it = marks.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QString tag = m.captured(2);
            const int k = (tag[0].unicode() - 'a') * 26 + (tag[1].unicode() - 'a');
            (m.captured(1) == "START" ? startPage : endPage)[k] = page;
        }
    }
    REQUIRE(pages >= 3);
    REQUIRE(startPage.size() == 60);
    REQUIRE(endPage.size() == 60);
    for (int k = 1; k <= 60; ++k) {
        INFO("row " << k);
        CHECK(startPage[k] == endPage[k]);
    }
    CHECK(pdfText(path, pages, pages)
              .normalized(QString::NormalizationForm_KC)
              .remove(QRegularExpression("\\s"))
              .contains(QStringLiteral("第%1页共%1页").arg(pages)));
}

TEST_CASE("registering needs an error finding left and a unit") {
    QTemporaryDir dir;
    MainWindow w;
    w.show();
    w.applySettings({dir.filePath("records.sqlite"), "tester", "", "zh_CN", "", false, ""});
    QString message;
    CHECK_FALSE(w.registerProblemMap(false, &message));
    CHECK_FALSE(message.isEmpty()); // nothing checked yet
    w.openFiles({sample("china_zone39_gk.shp")});
    REQUIRE(waitUntilDrawn(w));
    w.checkPanel()->runCheck();
    REQUIRE(waitFor([&] { return !w.checkPanel()->isRunning(); }, 120000));
    REQUIRE(w.checkPanel()->report());
    CHECK_FALSE(w.registerProblemMap(false, &message)); // no unit set
    CHECK(w.recordsDb()->list({}).empty());
}

TEST_CASE("the checklist: the inspector's answers reach the findings, report, record and PDF") {
    QTemporaryDir dir;
    MainWindow w;
    REQUIRE(openAndCheck(w, dir.path(), sample("world_ne10m.gpkg"), QSize(1280, 820)));
    CheckPanel& panel = *w.checkPanel();
    const std::size_t automatic = panel.report()->findings.size();

    // The checklist holds the clauses for the map's kind, shown in the panel's second tab.
    const check::Checklist& list = panel.checklist();
    REQUIRE(list.size() >= 3);
    auto* table = panel.checklistView()->table();
    REQUIRE(table->rowCount() == static_cast<int>(list.size()));
    CHECK(table->item(0, 0)->data(Qt::UserRole).toString() ==
          QString::fromStdString(list[0].clause));
    CHECK(table->item(0, 0)->text().startsWith(QString::fromStdString(list[0].clause) + "\n"));
    const std::string first = list[0].clause, second = list[1].clause;

    // 不符合 without a note is refused; with one it is a confirmed finding citing the clause.
    CHECK_FALSE(panel.answerChecklist(QString::fromStdString(first),
                                      check::ChecklistAnswer::DoesNotConform, " "));
    CHECK(panel.lastError().contains("note"));
    REQUIRE(panel.answerChecklist(QString::fromStdString(first),
                                  check::ChecklistAnswer::DoesNotConform,
                                  QStringLiteral("图名缺少省名")));
    REQUIRE(panel.answerChecklist(QString::fromStdString(second),
                                  check::ChecklistAnswer::NotApplicable, {}));
    REQUIRE(panel.report()->findings.size() == automatic + 1);
    const check::Finding& m = panel.report()->findings.back();
    CHECK(m.rule == check::kChecklist);
    CHECK(m.clause == first);
    CHECK(panel.findingsTable()->rowCount() == static_cast<int>(automatic + 1));
    CHECK(panel.reviews().at(m.id).state == check::ReviewState::Confirmed);
    auto* combo = qobject_cast<QComboBox*>(table->cellWidget(0, 1));
    REQUIRE(combo);
    CHECK(combo->currentText() == QStringLiteral("不符合"));
    CHECK(table->item(0, 2)->text() == QStringLiteral("图名缺少省名"));

    // The reviewed report, the problem-map record and the PDF carry the answers.
    panel.exportTo(dir.filePath("report.json"));
    QFile json(dir.filePath("report.json"));
    REQUIRE(json.open(QIODevice::ReadOnly));
    const auto j = nlohmann::json::parse(json.readAll().toStdString());
    CHECK(j["checklist"][0]["answer"] == "does_not_conform");
    CHECK(j["checklist"][0]["by"] == "测试员");
    CHECK(j["checklist"][1]["answer"] == "not_applicable");
    CHECK(j["findings"].back()["clause"] == first);
    QString message;
    const auto record = w.registerProblemMap(false, &message);
    INFO(message.toStdString());
    REQUIRE(record);
    const auto saved = w.recordsDb()->find(record->id);
    REQUIRE(saved);
    REQUIRE(saved->fields.contains("checklist"));
    CHECK(saved->fields.at("checklist")[0] == first + " 不符合：图名缺少省名");
    const QString pdf = dir.filePath("report.pdf");
    w.writeInspectionReport(pdf);
    const QString text =
        pdfText(pdf).normalized(QString::NormalizationForm_KC).remove(QRegularExpression("\\s"));
    CHECK(text.contains(QStringLiteral("人工核查清单")));
    CHECK(text.contains(QStringLiteral("依据条款")));
    CHECK(text.contains(QString::fromStdString(first)));
    CHECK(text.contains(QStringLiteral("图名缺少省名")));
    // Every automatic finding's clause is cited in the PDF.
    for (std::size_t i = 0; i < automatic; ++i)
        if (!panel.report()->findings[i].clause.empty())
            CHECK(text.contains(QString::fromStdString(panel.report()->findings[i].clause)));

    // Taken back: the finding goes.
    REQUIRE(
        panel.answerChecklist(QString::fromStdString(first), check::ChecklistAnswer::Conforms, {}));
    CHECK(panel.report()->findings.size() == automatic);
}

TEST_CASE("decisions can be undone, survive checking the map again and are not lost on closing") {
    QTemporaryDir dir;
    MainWindow w;
    REQUIRE(openAndCheck(w, dir.path(), sample("world_ne10m.gpkg"), QSize(1280, 820)));
    CheckPanel& panel = *w.checkPanel();
    QUndoStack& undo = *panel.undoStack();
    CHECK_FALSE(panel.hasUnsavedWork());
    const std::size_t taiwan = findingIndex(*panel.report(), "TERR-FOREIGN", "taiwan");
    const std::size_t zangnan = findingIndex(*panel.report(), "TERR-FOREIGN", "zangnan");
    REQUIRE(panel.review(taiwan, check::ReviewState::Confirmed));
    REQUIRE(panel.review(zangnan, check::ReviewState::Dismissed, QStringLiteral("样图已更正")));
    CHECK(undo.count() == 2);
    CHECK(panel.hasUnsavedWork());
    CHECK(w.isWindowModified());

    // Undo takes the dismissal back, redo gives it again.
    undo.undo();
    CHECK(panel.reviews().size() == 1);
    undo.redo();
    REQUIRE(panel.reviews().size() == 2);

    // Checked again at another scale: the decisions follow their findings.
    panel.setDefaultScale("1:50000000");
    panel.runCheck();
    REQUIRE(waitFor([&] { return !panel.isRunning(); }, 120000));
    REQUIRE(panel.report());
    CHECK(panel.report()->scaleDenominator == 50'000'000);
    const auto& again = *panel.report();
    const auto& taiwanAgain = again.findings[findingIndex(again, "TERR-FOREIGN", "taiwan")];
    const auto& zangnanAgain = again.findings[findingIndex(again, "TERR-FOREIGN", "zangnan")];
    CHECK(panel.reviews().at(taiwanAgain.id).state == check::ReviewState::Confirmed);
    CHECK(panel.reviews().at(zangnanAgain.id).reason == "样图已更正");
    CHECK(panel.carryText().contains(QStringLiteral("2")));
    CHECK(undo.count() == 0);
    CHECK(panel.hasUnsavedWork()); // carried, still not saved anywhere

    // Closing asks first; Cancel keeps the window.
    QString asked;
    QTimer::singleShot(0, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            asked = box->text();
            box->button(QMessageBox::Cancel)->click();
        }
    });
    CHECK_FALSE(w.close());
    CHECK(asked.contains("world_ne10m.gpkg"));
    CHECK(w.isVisible());

    // Once the decisions are in the JSON report, closing does not ask.
    panel.exportTo(dir.filePath("reviewed.json"));
    CHECK_FALSE(panel.hasUnsavedWork());
    CHECK_FALSE(w.isWindowModified());
    CHECK(w.close());
}

TEST_CASE("every check and decision is kept in the history; a kept check opens again") {
    QTemporaryDir dir;
    MainWindow w;
    REQUIRE(openAndCheck(w, dir.path(), sample("world_ne10m.gpkg"), QSize(1280, 820)));
    CheckPanel& panel = *w.checkPanel();
    REQUIRE(w.recordsDb());
    auto& db = *w.recordsDb();
    const QString first = panel.runId();
    auto runs = mapaudit::records::checkRuns(db);
    REQUIRE(runs.size() == 1);
    CHECK(QString::fromStdString(runs[0].id) == first);
    CHECK(runs[0].verdict == "problem");
    CHECK(runs[0].inspector == "测试员");
    CHECK(runs[0].fileSha256 == check::datasetSha256(sample("world_ne10m.gpkg").toStdString()));
    CHECK(runs[0].confirmed == 0);

    // A decision reaches the history at once: nothing is lost if the laptop dies now.
    const std::size_t taiwan = findingIndex(*panel.report(), "TERR-FOREIGN", "taiwan");
    const std::size_t zangnan = findingIndex(*panel.report(), "TERR-FOREIGN", "zangnan");
    REQUIRE(panel.review(taiwan, check::ReviewState::Confirmed));
    runs = mapaudit::records::checkRuns(db);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].confirmed == 1);
    const auto& table = *w.historyPanel()->table();
    REQUIRE(table.rowCount() == 1);
    CHECK(table.item(0, CheckHistoryPanel::FileColumn)->text() == "world_ne10m.gpkg");
    CHECK(table.item(0, CheckHistoryPanel::VerdictColumn)->text() == QStringLiteral("问题地图"));
    CHECK(table.item(0, CheckHistoryPanel::DecisionsColumn)
              ->text()
              .contains(QStringLiteral("已确认 1")));
    const std::size_t findings = panel.report()->findings.size();

    // A new check is a new run; the first one stays as it was left.
    panel.runCheck();
    REQUIRE(waitFor([&] { return !panel.isRunning(); }, 120000));
    CHECK(panel.runId() != first);
    REQUIRE(mapaudit::records::checkRuns(db).size() == 2);
    REQUIRE(w.historyPanel()->table()->rowCount() == 2);

    // The first check opened again: its findings and decision, nothing to undo or save,
    // and its map the one the next check is of, though another was opened since.
    w.openFiles({sample("key_features_gbk.shp")});
    REQUIRE(waitUntilDrawn(w));
    panel.selectDataset(sample("key_features_gbk.shp"));
    REQUIRE(panel.selectedDataset() == sample("key_features_gbk.shp"));
    QString message;
    REQUIRE(w.reopenCheckRun(first, &message));
    CHECK(panel.selectedDataset() == sample("world_ne10m.gpkg"));
    CHECK(message.contains("world_ne10m.gpkg"));
    CHECK(panel.runId() == first);
    CHECK(panel.report()->findings.size() == findings);
    REQUIRE(panel.reviews().size() == 1);
    CHECK(panel.reviews().at(panel.report()->findings[taiwan].id).state ==
          check::ReviewState::Confirmed);
    CHECK(panel.undoStack()->count() == 0);
    CHECK_FALSE(panel.hasUnsavedWork());
    CHECK(panel.findingsTable()->rowCount() == static_cast<int>(findings));
    // The review goes on in the same run.
    REQUIRE(panel.review(zangnan, check::ReviewState::Dismissed, QStringLiteral("样图已更正")));
    runs = mapaudit::records::checkRuns(db);
    REQUIRE(runs.size() == 2);
    const auto reopened = std::find_if(runs.begin(), runs.end(), [&](const auto& r) {
        return QString::fromStdString(r.id) == first;
    });
    REQUIRE(reopened != runs.end());
    CHECK(reopened->confirmed == 1);
    CHECK(reopened->dismissed == 1);
    CHECK(db.verify().empty());
    CHECK_FALSE(w.reopenCheckRun("00000000-0000-8000-8000-000000000000", &message));
    CHECK(message.contains(QStringLiteral("不在")));
    panel.markSaved();

    // Next week, another window with another map open: the kept check brings its map
    // back, and that map is the one the next check is of.
    MainWindow later;
    later.show();
    later.applySettings(w.settings());
    later.openFiles({sample("key_features_gbk.shp")});
    REQUIRE(waitUntilReady(later));
    REQUIRE(later.reopenCheckRun(first, &message));
    REQUIRE(waitUntilDrawn(later));
    CHECK(later.checkPanel()->selectedDataset() == sample("world_ne10m.gpkg"));
    CHECK(later.checkPanel()->reviews().size() == 2);
    CHECK(later.layerModel()->layers().size() == 2);
}

TEST_CASE("a map whose CRS cannot be read is checked once the inspector says what it is") {
    QTemporaryDir dir;
    const QString map = dir.filePath("bogus.geojson");
    QFile file(map);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"type":"FeatureCollection",
"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::999999"}},
"features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon",
"coordinates":[[[100,30],[101,30],[101,31],[100,31],[100,30]]]}}]})");
    file.close();
    MainWindow w;
    CHECK_FALSE(openAndCheck(w, dir.path(), map, QSize(1100, 760)));
    CheckPanel& panel = *w.checkPanel();
    CHECK(panel.lastError().contains(QStringLiteral("坐标系无法读取")));
    // The engine names the command line's option; the panel points to its own field.
    CHECK(panel.lastError().contains("--assume-crs"));
    CHECK(panel.lastError().contains(QStringLiteral("请在“坐标系”一栏填写")));

    panel.setAssumedCrs("EPSG:4490");
    panel.runCheck();
    REQUIRE(waitFor([&] { return !panel.isRunning(); }, 120000));
    INFO(panel.lastError().toStdString());
    REQUIRE(panel.report());
    const auto& notes = panel.report()->readingNotes;
    CHECK(std::any_of(notes.begin(), notes.end(),
                      [](const auto& n) { return n.zh.find("EPSG:4490") != std::string::npos; }));
}

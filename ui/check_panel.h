// The Check results dock: which map to check, with what kind, owner field and
// scale, the map profile the check found, a run with progress and Cancel, and the findings as a
// table whose rows lead the canvas to the finding; filters by severity and rule; each finding
// confirmed or dismissed with a reason; export of the findings and the report; and the way on to a
// problem-map record and a PDF report. Beside the findings, the checklist of
// what the check cannot judge, marked by the inspector.
#pragma once

#include "inspection_edit.h"
#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/checklist.h"
#include "mapaudit/check/finding_review.h"
#include "mapaudit/check/manual_finding.h"
#include "mapaudit/check/report_read.h"
#include "mapaudit/geodata/crs.h"

#include <QThreadPool>
#include <QWidget>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QScrollArea;
class QToolButton;
class QUndoStack;

namespace mapaudit {
class Feedback;
}

namespace mapaudit::ui {

class ChecklistView;

class CheckPanel : public QWidget {
    Q_OBJECT
public:
    explicit CheckPanel(QWidget* parent = nullptr);
    ~CheckPanel() override;

    // The files open in the window; the one chosen before stays chosen, else the last.
    void setDatasets(const QStringList& paths);
    // The map the next check is of ("" when none is open).
    QString selectedDataset() const;
    void selectDataset(const QString& path);
    void runCheck();
    void cancelCheck();
    bool isRunning() const { return feedback_ != nullptr; }
    const std::optional<check::CheckReport>& report() const { return report_; }
    QString lastError() const { return error_; }
    // The findings table's columns: names an inspector reads first, the
    // stable codes in narrow columns at the end.
    enum Column {
        SeverityColumn,
        RuleColumn,
        PlaceColumn,
        MessageColumn,
        MeasureColumn,
        ReviewColumn,
        RuleIdColumn,
        CodeColumn,
        ColumnCount
    };
    QTableWidget* findingsTable() const { return table_; }
    // The selected finding in full: message, measure, clause and its requirement.
    QString detailText() const;
    // The path of the dataset the report is for.
    QString checkedPath() const { return checkedPath_; }
    void setInspector(const QString& name) { inspector_ = name; }
    void setDefaultScale(const QString& scale);
    // The map kind to check as ("" = detect; else a MapKind id).
    void setKind(const QString& kindId);
    // The CRS to take the map's coordinates in when its own cannot be read
    // ("" = as the file declares); EPSG:4490, a WKT or PROJ string.
    void setAssumedCrs(const QString& crs);
    QString profileText() const;

    // Shows only findings of `severity` ("" = any: "error", "warning", "info")
    // and `rule` ("" = any).
    void setFilter(const QString& severity, const QString& rule);
    // Finding indexes of the rows shown, top to bottom.
    std::vector<std::size_t> shownFindings() const;
    // A dismissal needs a reason; false (and nothing changes) without one.
    bool review(std::size_t finding, check::ReviewState state, const QString& reason = {});
    const check::FindingReviews& reviews() const { return reviews_; }
    // Writes by extension: .gpkg/.geojson (findings layer) or .json (report
    // with the decisions). Throws InputError.
    // The JSON report holds the decisions: it counts as saving them.
    void exportTo(const QString& path);
    // Adds a finding marked by hand to the report, confirmed by the inspector.
    // Throws InputError (nothing added) when core refuses it or there is no report.
    void addManualFinding(const check::ManualFindingInput& input,
                          const std::vector<check::CodeInfo>& codes);
    // The checklist of the last check (the clauses a machine cannot judge) and
    // the inspector's answers.
    const check::Checklist& checklist() const { return checklist_; }
    ChecklistView* checklistView() const { return checklistView_; }
    // Shows the findings (0) or the checklist (1).
    void showPage(int page);
    // Records an answer through core; false (and a message in lastError())
    // when core refuses it, e.g. 不符合 without a note.
    bool answerChecklist(const QString& clause, check::ChecklistAnswer answer, const QString& note);
    // Every decision, finding marked by hand and checklist answer is a step of
    // this stack (Edit ▸ Undo); a new check starts it afresh.
    QUndoStack* undoStack() const { return undo_; }
    // Work on the current check not yet exported, registered or put in a PDF
    // report (nor carried from such a state into a re-check).
    bool hasUnsavedWork() const;
    void markSaved();
    // After checking the same map again: what of the earlier work was kept and
    // what no longer applies ("" after a first check).
    QString carryText() const { return carryText_; }
    // Below this height the check settings fold away (the toggle shows them).
    static constexpr int kCompactHeight = 720;
    bool settingsShown() const;
    void showSettings(bool shown);
    // The run of the check history this report is (a new UUID each check, the
    // kept one when reopened) and when its check finished (UTC); "" before any.
    QString runId() const { return runId_; }
    QString checkedAt() const { return checkedAt_; }
    QString fileSha256() const { return fileSha256_; } // of the checked files (check_run.h)
    // A kept run shown again, its review to be carried on: the report, the
    // decisions and the answers as they were kept; nothing to undo, nothing unsaved.
    void openRun(check::ReviewedReport run, const QString& path, const QString& runId,
                 const QString& checkedAt, const QString& fileSha256);
    void retranslateUi();

signals:
    void checkFinished();
    void unsavedWorkChanged();
    // A decision, a finding marked by hand or an answer was made, undone or redone.
    void workChanged();
    // Index into report()->findings; npos when the selection is cleared.
    void findingSelected(std::size_t finding);
    void reviewsChanged();
    void registerRequested();
    void pdfReportRequested();
    // The inspector wants to draw a finding: a point, line or area (MapCanvas::Tool).
    void markRequested(int sketchTool);

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    check::CheckOptions options() const;
    void showReport();
    void showProfile();
    void showDetail();
    InspectionState inspectionState(bool withFindings) const;
    void restore(const InspectionState& state);
    void showWork(); // checklist, filters and findings after the work changed
    void fitDetail();
    // `before` holds the findings when `findingsChanged` (inspectionState(true)).
    void pushEdit(const QString& text, InspectionState before, bool findingsChanged);
    void carryFrom(const check::CheckReport& before, const check::FindingReviews& reviews,
                   const check::Checklist& checklist, bool unsaved);
    void fillFilters();
    void selectFinding(int row);
    std::optional<std::size_t> currentFinding() const;
    void dismissCurrent();
    void chooseExport();

    QComboBox* dataset_;
    QLineEdit* scale_;
    QLineEdit* countryField_;
    QLineEdit* chinaValue_;
    // The map's CRS when its file declares none that can be read (--assume-crs).
    QLineEdit* crs_ = nullptr;
    QLabel* crsLabel_ = nullptr;
    QComboBox* kind_;
    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* summary_;
    QLabel* profile_; // the map profile of the last check, its evidence as tooltip
    QTableWidget* table_;
    QLabel* detail_; // the selected finding in full, under the table
    ChecklistView* checklistView_;
    QTabWidget* pages_;
    QComboBox* severityFilter_;
    QComboBox* ruleFilter_;
    QPushButton* confirm_;
    QPushButton* dismiss_;
    QPushButton* export_;
    QPushButton* register_;
    QPushButton* pdf_;
    QPushButton* mark_;
    QLabel* datasetLabel_;
    QLabel* scaleLabel_;
    QLabel* fieldLabel_;
    QLabel* valueLabel_;
    QLabel* kindLabel_;
    std::shared_ptr<Feedback> feedback_;
    std::optional<check::CheckReport> report_;
    check::FindingReviews reviews_;
    check::Checklist checklist_;
    QUndoStack* undo_ = nullptr;
    bool carriedUnsaved_ = false; // unsaved work carried into this check
    QString carryText_;
    QString runId_, checkedAt_, fileSha256_;
    QToolButton* settingsToggle_ = nullptr;
    QWidget* settings_ = nullptr;
    QScrollArea* detailArea_ = nullptr;
    bool compact_ = false;
    QString checkedPath_, inspector_;
    QString error_;
    QThreadPool pool_; // last: destroyed first, waiting for a canceled check to return
};

} // namespace mapaudit::ui

// The 2021 summary table (地理信息监管与服务工作开展情况汇总表) laid out like the
// paper form, for a unit (with or without its subordinate units) and a
// period. Clicking a number lists the records behind it; a figure can be
// overridden with a reason; the table exports to XLSX, CSV and PDF. Figures
// come from core's computeSummary, exactly as `mapaudit summary` prints them.
#pragma once

#include "mapaudit/records/summary.h"

#include <QDialog>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace mapaudit::ui {

class SummaryView : public QDialog {
    Q_OBJECT
public:
    SummaryView(std::shared_ptr<records::RecordsDb> db, const QString& unit,
                QWidget* parent = nullptr);

    void setPeriod(const QString& unit, bool includeSubunits, const QString& from,
                   const QString& to);
    void recompute();
    const std::optional<records::SummaryTable>& table() const { return table_; }
    QTableWidget* grid() const { return grid_; }
    QString problem() const;
    // The line under the header naming the period counted, and the footnote shown.
    QString periodText() const;
    QString footnoteText() const;
    // The records counted in a row of the form (0-based row of the template).
    std::vector<records::Record> recordsBehind(std::size_t row);
    // Sets (and keeps in the database) a reported figure differing from the count.
    bool overrideRow(std::size_t row, double value, const QString& reason);
    // Writes by extension: .xlsx, .csv or .pdf. Throws on failure.
    void exportTo(const QString& path);

signals:
    void overridden();

private:
    void showTable();
    void showRecordsBehind(int gridRow);
    void askOverride();
    void chooseExport();

    // Shared: the main window may open another database while this view is open.
    std::shared_ptr<records::RecordsDb> db_;
    std::optional<records::SummaryTable> table_;
    QComboBox* unit_;
    QCheckBox* subunits_;
    QLineEdit* from_;
    QLineEdit* to_;
    QLabel* title_;
    QLabel* header_;
    QLabel* period_; // the period counted, and what 填报时间 is
    QTableWidget* grid_;
    QLabel* footnote_;
    QLabel* problem_;
    std::vector<std::size_t> rowOfGrid_; // template row shown on each grid row
};

} // namespace mapaudit::ui

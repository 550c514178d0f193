// The Records dock: the supervision records in the database with filters
// (kind, unit, period, status), and what can be done to one: create, edit,
// delete, attach evidence, save evidence out, and read its edit history from
// the audit log.
#pragma once

#include "mapaudit/records/records_db.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace mapaudit::ui {

class RecordsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RecordsPanel(QWidget* parent = nullptr);
    // Null: no database (the panel says so). Not owned.
    void setDatabase(records::RecordsDb* db);
    void refresh();
    // Whom a new record names as its inspector (检查人员), when its kind asks.
    void setInspector(const QString& name) { inspector_ = name; }
    // Filters, as the controls would set them ("" = any).
    void setFilter(const QString& kind, const QString& unit, const QString& from, const QString& to,
                   const QString& status);
    const std::vector<records::Record>& shown() const { return shown_; }
    QTableWidget* table() const { return table_; }
    QListWidget* evidenceList() const { return evidence_; }
    QPushButton* newButton() const { return new_; }
    // The audit-log lines of the selected record, as shown in its history.
    QStringList historyLines() const;
    void retranslateUi();

signals:
    void recordsChanged();

private:
    void openForm(const records::Record& r); // saved: the list refreshes
    void newRecord();
    void editRecord();
    void deleteRecord();
    void attachEvidence();
    void saveEvidence();
    void showHistory();
    void showEvidence();
    const records::Record* current() const;

    records::RecordsDb* db_ = nullptr;
    QString inspector_;
    std::vector<records::Record> shown_;
    QComboBox* kind_;
    QComboBox* unit_;
    QLineEdit* from_;
    QLineEdit* to_;
    QLineEdit* status_;
    QLabel* message_;
    QTableWidget* table_;
    QListWidget* evidence_;
    QPushButton* new_;
    QPushButton* edit_;
    QPushButton* delete_;
    QPushButton* attach_;
    QPushButton* saveEvidence_;
    QPushButton* history_;
    QLabel* kindLabel_;
    QLabel* unitLabel_;
    QLabel* periodLabel_;
    QLabel* statusLabel_;
    QLabel* evidenceLabel_;
};

} // namespace mapaudit::ui

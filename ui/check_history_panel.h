// The history of checks, a tab of the Records dock: every check this
// workstation ran (when, which file, the map's kind, the verdict, the
// findings and the decisions on them, who), newest first; a run opened
// again brings back its report and decisions to carry the review on.
#pragma once

#include "mapaudit/records/check_history.h"

#include <QWidget>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace mapaudit::ui {

class CheckHistoryPanel : public QWidget {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        FileColumn,
        KindColumn,
        VerdictColumn,
        FindingsColumn,
        DecisionsColumn,
        InspectorColumn,
        ColumnCount
    };
    // How many runs the list shows, newest first.
    static constexpr std::size_t kShown = 500;

    explicit CheckHistoryPanel(QWidget* parent = nullptr);
    // Null: no database (the panel says so). Not owned.
    void setDatabase(records::RecordsDb* db);
    void refresh();
    const std::vector<records::CheckRun>& shown() const { return shown_; }
    QTableWidget* table() const { return table_; }
    QPushButton* openButton() const { return open_; }
    void retranslateUi();

signals:
    // The inspector wants this run back in the Check panel.
    void openRequested(const QString& runId);

private:
    void requestOpen();

    records::RecordsDb* db_ = nullptr;
    std::vector<records::CheckRun> shown_;
    QLabel* message_;
    QTableWidget* table_;
    QPushButton* open_;
    QPushButton* refresh_;
};

// A UTC time as the inspector's local "yyyy-MM-dd HH:mm".
QString localTimeText(const std::string& utc);

} // namespace mapaudit::ui

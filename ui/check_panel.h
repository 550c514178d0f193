// The Check results dock: which map to check, with what country field and
// scale, a run with progress and Cancel, and the findings as a table whose
// rows lead the canvas to the finding.
#pragma once

#include "mapaudit/check/check_engine.h"
#include "mapaudit/crs.h"

#include <QWidget>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace mapaudit {
class Feedback;
}

namespace mapaudit::ui {

class CheckPanel : public QWidget {
    Q_OBJECT
public:
    explicit CheckPanel(QWidget* parent = nullptr);
    ~CheckPanel() override;

    // The files open in the window; the last one is selected.
    void setDatasets(const QStringList& paths);
    void runCheck();
    void cancelCheck();
    bool isRunning() const { return feedback_ != nullptr; }
    const std::optional<check::CheckReport>& report() const { return report_; }
    QString lastError() const { return error_; }
    QTableWidget* findingsTable() const { return table_; }
    void retranslateUi();

signals:
    void checkFinished();
    // Lon/lat bounds of the selected finding's geometry.
    void findingSelected(mapaudit::Extent extent);

private:
    check::CheckOptions options() const;
    void showReport();
    void selectFinding(int row);

    QComboBox* dataset_;
    QLineEdit* scale_;
    QLineEdit* countryField_;
    QLineEdit* chinaValue_;
    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* summary_;
    QTableWidget* table_;
    QLabel* datasetLabel_;
    QLabel* scaleLabel_;
    QLabel* fieldLabel_;
    QLabel* valueLabel_;
    std::shared_ptr<Feedback> feedback_;
    std::optional<check::CheckReport> report_;
    QString error_;
};

} // namespace mapaudit::ui

// 地理信息安全监管: the register of supervised units and inspectors, the
// 双随机 spot-check draw with its public notice, the classified-results ledger
// and the dashboard of destruction deadlines and staff certificates — the
// same core functions as `mapaudit register`, `draw` and `ledger`.
#pragma once

#include "mapaudit/records/records_db.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace mapaudit::ui {

class SecurityView : public QDialog {
    Q_OBJECT
public:
    enum Page { Register, Draw, Ledger, Dashboard };
    SecurityView(std::shared_ptr<records::RecordsDb> db, const QString& bureau,
                 QWidget* parent = nullptr);

    void showPage(Page page);
    void refresh();
    // The draw tab's action: draws with the tab's settings (seed: the field, or
    // random). Returns false and shows why when it cannot.
    bool drawNow(int year, double ratio, const QString& stratify, int minimum, const QString& seed);
    // Turns the dashboard's overdue items into clue records; returns how many are new.
    int overdueToClues();
    QTableWidget* registerTable() const { return units_; }
    QTableWidget* drawTable() const { return drawn_; }
    QTableWidget* ledgerTable() const { return ledger_; }
    QTableWidget* dueTable() const { return due_; }
    QTableWidget* staffTable() const { return staff_; }
    QString ratioText() const;
    QString message() const;

private:
    QWidget* registerPage();
    QWidget* drawPage();
    QWidget* ledgerPage();
    QWidget* dashboardPage();
    void importSheet(const QString& what);
    void showDraws();
    void exportNotice();
    void ledgerAction(const QString& what);
    QString today() const;

    // Shared: the main window may open another database while this view is open.
    std::shared_ptr<records::RecordsDb> db_;
    QString bureau_;
    QTabWidget* tabs_;
    QLabel* message_;
    QTableWidget* units_;
    QTableWidget* inspectors_;
    QSpinBox* year_;
    QDoubleSpinBox* ratio_;
    QComboBox* stratify_;
    QSpinBox* minimum_;
    QLineEdit* seed_;
    QLabel* ratioLabel_;
    QLabel* method_;
    QTableWidget* drawn_;
    QTableWidget* ledger_;
    QTableWidget* due_;
    QTableWidget* staff_;
};

} // namespace mapaudit::ui

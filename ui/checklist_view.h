// The checklist of a checked map: the clauses a machine cannot judge, one row
// each (clause, requirement, the inspector's answer, a note). Answers are
// asked for here and carried out by the owner (CheckPanel) through core.
#pragma once

#include "mapaudit/check/checklist.h"

#include <QWidget>

class QTableWidget;
class QLabel;

namespace mapaudit::ui {

class ChecklistView : public QWidget {
    Q_OBJECT
public:
    explicit ChecklistView(QWidget* parent = nullptr);

    // Shows `checklist` (clauses and answers); empty clears the view.
    void show(const check::Checklist& checklist);
    QTableWidget* table() const { return table_; }
    void retranslateUi();

signals:
    // The inspector chose `answer` for the clause on `row`, with `note`.
    void answerChosen(const QString& clause, check::ChecklistAnswer answer, const QString& note);

private:
    void choose(int row, int comboIndex);

    QLabel* hint_;
    QTableWidget* table_;
    check::Checklist shown_;
    bool filling_ = false;
};

} // namespace mapaudit::ui

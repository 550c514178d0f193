#include "checklist_view.h"

#include "mapaudit/check/clause_catalogue.h"
#include "row_table.h"

#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mapaudit::ui {
namespace {

// The answers in the order of the combo box.
constexpr check::ChecklistAnswer kAnswers[] = {
    check::ChecklistAnswer::Open, check::ChecklistAnswer::Conforms,
    check::ChecklistAnswer::DoesNotConform, check::ChecklistAnswer::NotApplicable};

int indexOf(check::ChecklistAnswer a) {
    for (int i = 0; i < 4; ++i)
        if (kAnswers[i] == a)
            return i;
    return 0;
}

QString answerName(check::ChecklistAnswer a) {
    switch (a) {
    case check::ChecklistAnswer::Conforms:
        return ChecklistView::tr("Conforms");
    case check::ChecklistAnswer::DoesNotConform:
        return ChecklistView::tr("Does not conform");
    case check::ChecklistAnswer::NotApplicable:
        return ChecklistView::tr("Not applicable");
    case check::ChecklistAnswer::Open:
        break;
    }
    return ChecklistView::tr("Not decided");
}

} // namespace

ChecklistView::ChecklistView(QWidget* parent)
    : QWidget(parent), hint_(new QLabel), table_(new QTableWidget(0, 3)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint_);
    layout->addWidget(table_, 1);
    hint_->setWordWrap(true);
    setUpRowTable(table_);
    // The clause and its requirement take the width and wrap (the dock is
    // narrow); the answer and the note keep columns of their own.
    table_->setWordWrap(true);
    QHeaderView* header = table_->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(2, QHeaderView::Interactive);
    header->resizeSection(2, 90);
    retranslateUi();
}

void ChecklistView::retranslateUi() {
    hint_->setText(tr("What the check cannot judge: mark each clause as the map shows it. "
                      "“Does not conform” becomes a finding citing the clause."));
    table_->setHorizontalHeaderLabels({tr("Clause"), tr("Answer"), tr("Note")});
    show(shown_);
}

void ChecklistView::show(const check::Checklist& checklist) {
    shown_ = checklist;
    filling_ = true;
    const check::ClauseCatalogue& cat = check::clauseCatalogue();
    table_->setRowCount(static_cast<int>(checklist.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const check::ChecklistItem& item = checklist[static_cast<std::size_t>(row)];
        const check::Clause* clause = cat.find(item.clause);
        QString text = QString::fromStdString(item.clause);
        auto* id = new QTableWidgetItem;
        id->setData(Qt::UserRole, text);
        if (clause) {
            text += "\n" + QString::fromStdString(clause->titleZh);
            id->setToolTip(QString::fromStdString(cat.basisZh(*clause)));
        }
        id->setText(text);
        table_->setItem(row, 0, id);
        auto* combo = new QComboBox;
        for (check::ChecklistAnswer a : kAnswers)
            combo->addItem(answerName(a));
        combo->setCurrentIndex(indexOf(item.answer));
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this, row](int index) { choose(row, index); });
        table_->setCellWidget(row, 1, combo);
        auto* note = new QTableWidgetItem(QString::fromStdString(item.note));
        note->setToolTip(note->text());
        table_->setItem(row, 2, note);
    }
    table_->resizeRowsToContents();
    filling_ = false;
}

void ChecklistView::choose(int row, int comboIndex) {
    if (filling_ || row < 0 || row >= static_cast<int>(shown_.size()) || comboIndex < 0 ||
        comboIndex > 3)
        return;
    const check::ChecklistAnswer answer = kAnswers[comboIndex];
    QString note = table_->item(row, 2) ? table_->item(row, 2)->text() : QString();
    if (answer == check::ChecklistAnswer::DoesNotConform && note.trimmed().isEmpty()) {
        bool ok = false;
        note = QInputDialog::getText(this, tr("Does not conform"),
                                     tr("What on the map does not conform?"), QLineEdit::Normal,
                                     QString(), &ok);
        if (!ok || note.trimmed().isEmpty()) {
            show(shown_); // back to the answer it had
            return;
        }
    }
    emit answerChosen(QString::fromStdString(shown_[static_cast<std::size_t>(row)].clause), answer,
                      note);
}

} // namespace mapaudit::ui

#include "manual_finding_dialog.h"

#include "application.h"
#include "mapaudit/base/error.h"
#include "mapaudit/check/clause_catalogue.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace mapaudit::ui {

ManualFindingDialog::ManualFindingDialog(
    std::vector<check::CodeInfo> codes, std::string geometryWkt,
    std::function<void(const check::ManualFindingInput&)> submit, QWidget* parent)
    : QDialog(parent), codes_(std::move(codes)), geometryWkt_(std::move(geometryWkt)),
      submit_(std::move(submit)), rule_(new QComboBox), code_(new QComboBox),
      severity_(new QComboBox), note_(new QPlainTextEdit), problem_(new QLabel) {
    setWindowTitle(tr("Mark a finding"));
    const bool chinese = uiIsChinese();
    // The engine's rules, then every clause of the catalogue: a finding may
    // rest on a clause no rule checks. Each item carries the severity it gives.
    constexpr int kSeverityRole = Qt::UserRole + 1;
    for (const check::RuleInfo& r : check::ruleCatalogue()) {
        rule_->addItem(QString("%1 — %2").arg(r.id, chinese ? r.nameZh : r.nameEn), r.id);
        rule_->setItemData(rule_->count() - 1, static_cast<int>(r.severity), kSeverityRole);
    }
    const check::ClauseCatalogue& clauses = check::clauseCatalogue();
    for (const check::Clause& c : clauses.clauses()) {
        rule_->addItem(
            QString::fromStdString(c.id + " — " + clauses.citationZh(c) + " " +
                                   (chinese || c.titleEn.empty() ? c.titleZh : c.titleEn)),
            QString::fromStdString(c.id));
        rule_->setItemData(rule_->count() - 1, static_cast<int>(c.severity), kSeverityRole);
    }
    for (const check::CodeInfo& c : codes_)
        code_->addItem(QString::fromStdString(c.code + " — " + (chinese ? c.nameZh : c.nameEn)),
                       QString::fromStdString(c.code));
    code_->setEditable(true); // type to find a code among forty
    code_->setInsertPolicy(QComboBox::NoInsert);
    severity_->addItem(tr("error"), static_cast<int>(check::Severity::Error));
    severity_->addItem(tr("warning"), static_cast<int>(check::Severity::Warning));
    severity_->addItem(tr("info"), static_cast<int>(check::Severity::Info));
    connect(rule_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            severity_->setCurrentIndex(severity_->findData(rule_->itemData(i, kSeverityRole)));
    });
    note_->setPlaceholderText(tr("What is wrong on the map, as you would write it in the record"));
    note_->setMaximumHeight(90);
    problem_->setStyleSheet("color: #b00020");
    problem_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Rule"), rule_);
    form->addRow(tr("Region / island code"), code_);
    form->addRow(tr("Severity"), severity_);
    form->addRow(tr("Note"), note_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    resize(520, 300);
}

check::ManualFindingInput ManualFindingDialog::input() const {
    check::ManualFindingInput in;
    in.rule = rule_->currentData().toString().toStdString();
    // A typed code that matches an entry's text counts as that entry.
    const int match = code_->findText(code_->currentText());
    in.code = match >= 0 ? code_->itemData(match).toString().toStdString()
                         : code_->currentText().section(' ', 0, 0).toStdString();
    in.severity = static_cast<check::Severity>(severity_->currentData().toInt());
    in.geometryWkt = geometryWkt_;
    in.note = note_->toPlainText().trimmed().toStdString();
    return in;
}

void ManualFindingDialog::fill(const QString& rule, const QString& code, const QString& note) {
    rule_->setCurrentIndex(rule_->findData(rule));
    code_->setCurrentIndex(code_->findData(code));
    note_->setPlainText(note);
}

QString ManualFindingDialog::problem() const {
    return problem_->text();
}

void ManualFindingDialog::accept() {
    try {
        submit_(input());
    } catch (const InputError& e) {
        // Core names the field first ("note: …"); say it in the UI's language.
        const QString field = QString::fromUtf8(e.what()).section(':', 0, 0);
        const QString text = errorText(e);
        problem_->setText(field == "note"   ? tr("Write what is wrong on the map.")
                          : field == "code" ? tr("Choose a region or island code from the list.")
                          : field == "rule" ? tr("Choose a rule from the list.")
                          : field == "geometry"
                              ? tr("Draw the shape again: a point, a line, or an area that "
                                   "does not cross itself.")
                              : text);
        return;
    }
    QDialog::accept();
}

} // namespace mapaudit::ui

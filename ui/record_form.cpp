#include "record_form.h"

#include "application.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/records/record_import.h"
#include "mapaudit/records/record_kinds.h"
#include "record_labels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QUuid>
#include <QVBoxLayout>

namespace mapaudit::ui {
namespace {

QLabel* problemLabel() {
    auto* l = new QLabel;
    l->setStyleSheet("color: #b00020");
    l->setWordWrap(true);
    l->hide();
    return l;
}

QString editorText(const QWidget* w) {
    if (const auto* line = qobject_cast<const QLineEdit*>(w))
        return line->text();
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(w))
        return text->toPlainText();
    if (const auto* combo = qobject_cast<const QComboBox*>(w))
        return combo->currentData().toString();
    return {};
}

void setEditorText(QWidget* w, const QString& value) {
    if (auto* line = qobject_cast<QLineEdit*>(w))
        line->setText(value);
    else if (auto* text = qobject_cast<QPlainTextEdit*>(w))
        text->setPlainText(value);
    else if (auto* combo = qobject_cast<QComboBox*>(w))
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
}

QString jsonText(const nlohmann::json& v) {
    if (v.is_null())
        return {};
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_array()) {
        QStringList lines;
        for (const auto& item : v)
            lines << jsonText(item);
        return lines.join('\n');
    }
    return QString::fromStdString(v.dump());
}

} // namespace

records::Record newRecordDraft(const std::string& kind, const QString& unit,
                               const QString& inspector) {
    records::Record r;
    r.kind = kind;
    r.unit = unit.toStdString();
    if (!inspector.trimmed().isEmpty())
        r.fields["inspectors"] = inspector.trimmed().toStdString();
    return r;
}

RecordForm::RecordForm(records::RecordsDb& db, records::Record record, QWidget* parent)
    : QDialog(parent), db_(db), record_(std::move(record)), kind_(new QComboBox),
      unit_(new QComboBox), date_(new QLineEdit), notes_(new QPlainTextEdit),
      classified_(new QCheckBox), fieldsLayout_(nullptr), fieldsBox_(nullptr),
      summary_(new QLabel) {
    setWindowTitle(record_.id.empty() ? tr("New record") : tr("Edit record"));
    for (const auto& k : records::recordKinds())
        kind_->addItem(kindLabel(k.name), QString::fromStdString(k.name));
    if (record_.kind.empty())
        record_.kind = records::recordKinds().front().name;
    kind_->setCurrentIndex(kind_->findData(QString::fromStdString(record_.kind)));
    kind_->setEnabled(record_.id.empty());
    unit_->addItem(QString(), QString());
    for (const auto& u : db_.units())
        unit_->addItem(QString::fromStdString(u.name), QString::fromStdString(u.name));
    unit_->setCurrentIndex(std::max(0, unit_->findData(QString::fromStdString(record_.unit))));
    date_->setPlaceholderText("YYYY-MM-DD");
    date_->setText(QString::fromStdString(record_.date.empty() ? todayLocal() : record_.date));
    notes_->setPlainText(QString::fromStdString(record_.notes));
    notes_->setMaximumHeight(70);
    classified_->setText(tr("Holds classified content (leaves this computer only encrypted)"));
    classified_->setChecked(records::isClassified(record_));

    auto* common = new QFormLayout;
    common->addRow(fieldLabel("kind"), kind_);
    for (auto [name, editor] : std::initializer_list<std::pair<const char*, QWidget*>>{
             {"unit", unit_}, {"date", date_}, {"notes", notes_}}) {
        auto* box = new QVBoxLayout;
        box->setSpacing(1);
        box->addWidget(editor);
        problems_[name] = problemLabel();
        box->addWidget(problems_[name]);
        common->addRow(fieldLabel(name), box);
        editors_[name] = editor;
    }
    common->addRow(QString(), classified_);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    fieldsBox_ = new QWidget;
    fieldsLayout_ = new QFormLayout(fieldsBox_);
    scroll->setWidget(fieldsBox_);
    summary_->setStyleSheet("color: #b00020");
    summary_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordForm::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(common);
    layout->addWidget(scroll, 1);
    layout->addWidget(summary_);
    layout->addWidget(buttons);
    connect(kind_, &QComboBox::currentIndexChanged, this,
            [this] { buildFields(kind_->currentData().toString().toStdString()); });
    buildFields(record_.kind);
    resize(560, 640);
}

void RecordForm::buildFields(const std::string& kind) {
    for (auto it = editors_.begin(); it != editors_.end();) {
        if (it->first == "unit" || it->first == "date" || it->first == "notes") {
            ++it;
            continue;
        }
        problems_.erase(it->first);
        it = editors_.erase(it);
    }
    while (fieldsLayout_->rowCount() > 0)
        fieldsLayout_->removeRow(0);
    const auto* spec = records::findKind(kind);
    if (!spec)
        return;
    for (const records::FieldSpec& f : spec->fields) {
        QWidget* editor = nullptr;
        switch (f.type) {
        case records::FieldType::Choice: {
            auto* combo = new QComboBox;
            combo->addItem(QString(), QString());
            for (const auto& c : f.choices)
                combo->addItem(choiceLabel(c), QString::fromStdString(c));
            editor = combo;
            break;
        }
        case records::FieldType::List: {
            auto* text = new QPlainTextEdit;
            text->setMaximumHeight(90);
            editor = text;
            break;
        }
        default: {
            auto* line = new QLineEdit;
            if (f.defaultCount)
                line->setPlaceholderText(QString::number(*f.defaultCount));
            editor = line;
            break;
        }
        }
        if (record_.fields.contains(f.name))
            setEditorText(editor, jsonText(record_.fields.at(f.name)));
        auto* box = new QVBoxLayout;
        box->setSpacing(1);
        box->addWidget(editor);
        QLabel* problem = problemLabel();
        box->addWidget(problem);
        fieldsLayout_->addRow(fieldLabel(f.name) + (f.required ? " *" : ""), box);
        editors_[f.name] = editor;
        problems_[f.name] = problem;
    }
}

void RecordForm::setFieldText(const std::string& field, const QString& text) {
    if (auto it = editors_.find(field); it != editors_.end())
        setEditorText(it->second, text);
}

QString RecordForm::fieldText(const std::string& field) const {
    const auto it = editors_.find(field);
    return it == editors_.end() ? QString() : editorText(it->second);
}

nlohmann::json RecordForm::formJson() const {
    const std::string kind = kind_->currentData().toString().toStdString();
    nlohmann::json o = {{"kind", kind}};
    if (!record_.id.empty())
        o["id"] = record_.id;
    if (classified_->isChecked())
        o["classified"] = true;
    const auto* spec = records::findKind(kind);
    for (const auto& [name, editor] : editors_) {
        const QString text = editorText(editor).trimmed();
        const auto* f = spec ? spec->field(name) : nullptr;
        if (f && f->type == records::FieldType::List) {
            nlohmann::json items = nlohmann::json::array();
            for (const QString& line : text.split('\n', Qt::SkipEmptyParts))
                if (!line.trimmed().isEmpty())
                    items.push_back(line.trimmed().toStdString());
            o[name] = items;
        } else if (!text.isEmpty()) {
            o[name] = text.toStdString();
        }
    }
    return o;
}

bool RecordForm::validate() {
    std::vector<records::ImportProblem> problems;
    records::Record parsed;
    records::parseRecord(
        formJson(), 0, [this](const std::string& unit) { return db_.findUnit(unit).has_value(); },
        parsed, problems);
    for (auto& [name, label] : problems_) {
        label->clear();
        label->hide();
    }
    QStringList others;
    for (const auto& p : problems) {
        const QString text = problemText(p.code, p.message);
        if (auto it = problems_.find(p.field); it != problems_.end()) {
            it->second->setText(text);
            it->second->show();
        } else {
            others << fieldLabel(p.field) + ": " + text;
        }
    }
    summary_->setText(problems.empty()
                          ? QString()
                          : tr("%n problem(s): see the fields marked in red.", nullptr,
                               static_cast<int>(problems.size())) +
                                (others.isEmpty() ? QString() : "\n" + others.join('\n')));
    if (problems.empty())
        saved_ = parsed;
    return problems.empty();
}

QString RecordForm::problemFor(const std::string& field) const {
    const auto it = problems_.find(field);
    return it == problems_.end() || it->second->isHidden() ? QString() : it->second->text();
}

void RecordForm::accept() {
    if (!validate())
        return;
    if (saved_.id.empty()) // two equal entries are two records: not a content id
        saved_.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    try {
        db_.upsert({saved_});
    } catch (const std::exception& e) {
        summary_->setText(tr("Not saved: %1").arg(errorText(e)));
        return;
    }
    QDialog::accept();
}

} // namespace mapaudit::ui

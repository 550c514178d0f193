// A form for one supervision record of any kind: the kind's fields as
// editors, each with its problem shown beneath it in words the inspector can
// act on. Validation is core's (the same rules as `mapaudit records import`),
// so nothing the form accepts could be refused by an import, or the reverse.
#pragma once

#include "mapaudit/records/records_db.h"

#include <QDialog>
#include <map>
#include <string>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace mapaudit::ui {

// A new record of `kind` ("" = the form's first kind) for `unit`, with the
// session's inspector already in the kind's 检查人员 field, should it have one
// (or get one when the kind is changed in the form).
records::Record newRecordDraft(const std::string& kind, const QString& unit,
                               const QString& inspector);

class RecordForm : public QDialog {
    Q_OBJECT
public:
    // `record.id` empty: a new record (its kind may still be changed).
    RecordForm(records::RecordsDb& db, records::Record record, QWidget* parent = nullptr);

    // Sets a field's editor text ("unit", "date", "notes" or a field of the kind).
    void setFieldText(const std::string& field, const QString& text);
    QString fieldText(const std::string& field) const;
    // Checks everything and shows the problems; true when there are none.
    bool validate();
    // The problem shown for a field ("" when none).
    QString problemFor(const std::string& field) const;
    // The record as saved by accept().
    const records::Record& saved() const { return saved_; }
    void accept() override;

private:
    void buildFields(const std::string& kind);
    nlohmann::json formJson() const;

    records::RecordsDb& db_;
    records::Record record_, saved_;
    QComboBox* kind_;
    QComboBox* unit_;
    QLineEdit* date_;
    QPlainTextEdit* notes_;
    QCheckBox* classified_;
    QFormLayout* fieldsLayout_;
    QWidget* fieldsBox_;
    QLabel* summary_;
    std::map<std::string, QWidget*> editors_;
    std::map<std::string, QLabel*> problems_;
};

} // namespace mapaudit::ui

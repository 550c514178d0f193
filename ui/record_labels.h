// How record kinds, fields and choice values are named in the UI. The stable
// identifiers (record_kinds.h) stay as they are in files and the database.
#pragma once

#include <QString>
#include <string>

namespace mapaudit::ui {

QString kindLabel(const std::string& kind);
QString fieldLabel(const std::string& field);
QString choiceLabel(const std::string& value);
// A validation problem (ImportProblem code and core message) as the UI says it.
QString problemText(const std::string& code, const std::string& message);

} // namespace mapaudit::ui

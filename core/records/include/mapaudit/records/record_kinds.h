// The kinds of supervision record and their fields. Kind and field names are
// stable identifiers: import files, the database and summary templates use
// them (see the README's table).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mapaudit::records {

enum class FieldType {
    Text,
    Count,  // integer ≥ 0
    Amount, // decimal ≥ 0 (km², GB)
    Choice, // one of `choices`
    List,   // list of texts (JSON array; in CSV separated by ';')
};

struct FieldSpec {
    std::string name;
    FieldType type = FieldType::Text;
    bool required = false;
    std::optional<double> defaultCount; // Count/Amount fields that may be omitted
    std::vector<std::string> choices;
};

struct KindSpec {
    std::string name;
    std::string labelZh;
    std::vector<FieldSpec> fields;
    const FieldSpec* field(const std::string& name) const;
};

const std::vector<KindSpec>& recordKinds();
const KindSpec* findKind(const std::string& name);

} // namespace mapaudit::records

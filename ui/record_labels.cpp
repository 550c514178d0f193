#include "record_labels.h"

#include "application.h"
#include "mapaudit/records/record_kinds.h"

#include <QCoreApplication>
#include <map>

namespace mapaudit::ui {
namespace {

const char* const kContext = "RecordLabels";

QString translated(const char* text) {
    return QCoreApplication::translate(kContext, text);
}

} // namespace

QString kindLabel(const std::string& kind) {
    const auto* spec = records::findKind(kind);
    if (!spec)
        return QString::fromStdString(kind);
    // The kinds' Chinese names are those of the 2021 form.
    return uiIsChinese() ? QString::fromStdString(spec->labelZh) : QString::fromStdString(kind);
}

QString fieldLabel(const std::string& field) {
    static const std::map<std::string, const char*> labels{
        {"place", QT_TRANSLATE_NOOP("RecordLabels", "Place")},
        {"inspectors", QT_TRANSLATE_NOOP("RecordLabels", "Inspectors")},
        {"targets", QT_TRANSLATE_NOOP("RecordLabels", "Inspected targets")},
        {"medium", QT_TRANSLATE_NOOP("RecordLabels", "Medium")},
        {"title", QT_TRANSLATE_NOOP("RecordLabels", "Title")},
        {"publisher", QT_TRANSLATE_NOOP("RecordLabels", "Publisher")},
        {"url_or_place", QT_TRANSLATE_NOOP("RecordLabels", "URL or place found")},
        {"sheets", QT_TRANSLATE_NOOP("RecordLabels", "Sheets")},
        {"findings", QT_TRANSLATE_NOOP("RecordLabels", "Findings (one per line)")},
        {"check_report", QT_TRANSLATE_NOOP("RecordLabels", "Check report")},
        {"status", QT_TRANSLATE_NOOP("RecordLabels", "Status")},
        {"domain", QT_TRANSLATE_NOOP("RecordLabels", "Domain")},
        {"case_number", QT_TRANSLATE_NOOP("RecordLabels", "Case number")},
        {"subject", QT_TRANSLATE_NOOP("RecordLabels", "Party")},
        {"campaign", QT_TRANSLATE_NOOP("RecordLabels", "Campaign")},
        {"units", QT_TRANSLATE_NOOP("RecordLabels", "Units taking part")},
        {"checked_unit", QT_TRANSLATE_NOOP("RecordLabels", "Unit checked")},
        {"industry", QT_TRANSLATE_NOOP("RecordLabels", "Industry")},
        {"result", QT_TRANSLATE_NOOP("RecordLabels", "Result")},
        {"description", QT_TRANSLATE_NOOP("RecordLabels", "Description")},
        {"source", QT_TRANSLATE_NOOP("RecordLabels", "Source")},
        {"participants", QT_TRANSLATE_NOOP("RecordLabels", "Participants")},
        {"requesting_body", QT_TRANSLATE_NOOP("RecordLabels", "Requesting body")},
        {"review_number", QT_TRANSLATE_NOOP("RecordLabels", "Map review number")},
        {"checklist", QT_TRANSLATE_NOOP("RecordLabels", "Checklist answers")},
        {"volumes_or_sheets", QT_TRANSLATE_NOOP("RecordLabels", "Volumes or sheets")},
        {"event", QT_TRANSLATE_NOOP("RecordLabels", "Event")},
        {"maps", QT_TRANSLATE_NOOP("RecordLabels", "Maps supplied")},
        {"imagery_km2", QT_TRANSLATE_NOOP("RecordLabels", "Imagery (km²)")},
        {"data_gb", QT_TRANSLATE_NOOP("RecordLabels", "Data (GB)")},
        {"kind", QT_TRANSLATE_NOOP("RecordLabels", "Kind")},
        {"unit", QT_TRANSLATE_NOOP("RecordLabels", "Unit")},
        {"date", QT_TRANSLATE_NOOP("RecordLabels", "Date")},
        {"notes", QT_TRANSLATE_NOOP("RecordLabels", "Notes")},
    };
    const auto it = labels.find(field);
    return it == labels.end() ? QString::fromStdString(field) : translated(it->second);
}

QString choiceLabel(const std::string& value) {
    static const std::map<std::string, const char*> labels{
        {"online", QT_TRANSLATE_NOOP("RecordLabels", "online")},
        {"offline", QT_TRANSLATE_NOOP("RecordLabels", "offline (print, products)")},
        {"map", QT_TRANSLATE_NOOP("RecordLabels", "map management")},
        {"security", QT_TRANSLATE_NOOP("RecordLabels", "geographic-information security")},
    };
    const auto it = labels.find(value);
    return it == labels.end() ? QString::fromStdString(value) : translated(it->second);
}

QString problemText(const std::string& code, const std::string& message) {
    if (code == "missing")
        return translated(QT_TRANSLATE_NOOP("RecordLabels", "Required."));
    if (code == "unknown")
        return translated(QT_TRANSLATE_NOOP(
            "RecordLabels",
            "Unknown unit: add it in Settings ▸ Preferences or with `mapaudit org add`."));
    if (code == "not_date")
        return translated(
            QT_TRANSLATE_NOOP("RecordLabels", "Enter a real date as YYYY-MM-DD, e.g. 2021-06-30."));
    if (code == "not_whole")
        return translated(QT_TRANSLATE_NOOP("RecordLabels", "Enter a whole number: 0, 1, 2, …"));
    if (code == "negative")
        return translated(QT_TRANSLATE_NOOP("RecordLabels", "Must not be negative."));
    if (code == "not_number")
        return translated(QT_TRANSLATE_NOOP("RecordLabels", "Enter a number, e.g. 12.5."));
    if (code == "not_choice")
        return translated(QT_TRANSLATE_NOOP("RecordLabels", "Choose one of the listed values."));
    return QString::fromStdString(message);
}

} // namespace mapaudit::ui

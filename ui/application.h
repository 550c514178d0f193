// Application-wide set-up: names, icon, and the UI language (Chinese by
// default, English selectable; remembered in the settings).
#pragma once

#include <QString>
#include <exception>

class QApplication;

namespace mapaudit::ui {

void configureApplication(QApplication& app);
// "zh_CN" or "en": $MAPAUDIT_LANG, else the saved choice, else "zh_CN".
QString currentLanguage();
// Replaces the installed translators; the UI retranslates on LanguageChange.
// Returns false when the language's translation could not be loaded.
bool installTranslations(const QString& language);
// True while the Chinese translation is installed: texts kept in both languages
// (findings, bookmarks) show the one the UI speaks.
bool uiIsChinese();
// What to show the user for an error from core: in the UI's language when the
// engine's catalogue has it (mapaudit/base/message.h).
QString errorText(const std::exception& e);

} // namespace mapaudit::ui

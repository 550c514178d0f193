// Settings ▸ Preferences: the records database, inspector, unit, language,
// default scale and online basemaps, each checked before it is kept.
#pragma once

#include "workstation_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace mapaudit::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const WorkstationSettings& current, QWidget* parent = nullptr);
    WorkstationSettings settings() const;
    // Empty when every entry is acceptable, else the first problem (also shown).
    QString validate();
    void accept() override;

private:
    QLineEdit* database_;
    QLineEdit* inspector_;
    QLineEdit* unit_;
    QComboBox* language_;
    QLineEdit* scale_;
    QCheckBox* online_;
    QLineEdit* tiandituKey_;
    QLabel* problem_;
};

} // namespace mapaudit::ui

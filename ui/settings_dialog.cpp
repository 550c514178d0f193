#include "settings_dialog.h"

#include "mapaudit/check/check_engine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace mapaudit::ui {

SettingsDialog::SettingsDialog(const WorkstationSettings& current, QWidget* parent)
    : QDialog(parent), database_(new QLineEdit(current.databasePath)),
      inspector_(new QLineEdit(current.inspector)), unit_(new QLineEdit(current.unit)),
      language_(new QComboBox), scale_(new QLineEdit(current.defaultScale)), online_(new QCheckBox),
      tiandituKey_(new QLineEdit(current.tiandituKey)), problem_(new QLabel) {
    setWindowTitle(tr("Preferences"));
    language_->addItem(QStringLiteral("中文"), "zh_CN");
    language_->addItem(QStringLiteral("English"), "en");
    language_->setCurrentIndex(current.language == "en" ? 1 : 0);
    scale_->setPlaceholderText(tr("estimated from the map, or e.g. 1:1000000"));
    auto* browse = new QPushButton(tr("Choose…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Records database"), database_->text(), tr("SQLite database (*.sqlite)"),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            database_->setText(path);
    });
    auto* dbRow = new QHBoxLayout;
    dbRow->addWidget(database_, 1);
    dbRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Records database"), dbRow);
    form->addRow(tr("Inspector"), inspector_);
    form->addRow(tr("Unit (填报单位)"), unit_);
    form->addRow(tr("Language"), language_);
    form->addRow(tr("Default scale"), scale_);
    online_->setText(tr("Allow online basemaps (Tianditu)"));
    online_->setToolTip(tr("Off by default: with it off MapAudit never goes on line. Never turn "
                           "it on while secret data is open."));
    online_->setChecked(current.onlineBasemaps);
    tiandituKey_->setPlaceholderText(tr("your own key (tk) from tianditu.gov.cn"));
    tiandituKey_->setEnabled(current.onlineBasemaps);
    connect(online_, &QCheckBox::toggled, tiandituKey_, &QWidget::setEnabled);
    form->addRow(tr("Basemaps"), online_);
    form->addRow(tr("Tianditu key"), tiandituKey_);
    problem_->setStyleSheet("color: #b00020");
    problem_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

WorkstationSettings SettingsDialog::settings() const {
    return {database_->text().trimmed(),   inspector_->text().trimmed(),
            unit_->text().trimmed(),       language_->currentData().toString(),
            scale_->text().trimmed(),      online_->isChecked(),
            tiandituKey_->text().trimmed()};
}

QString SettingsDialog::validate() {
    const WorkstationSettings s = settings();
    QString problem;
    if (s.databasePath.isEmpty())
        problem = tr("Choose a file for the records database.");
    else if (!QFileInfo(QFileInfo(s.databasePath).absolutePath()).isDir() &&
             !QFileInfo(s.databasePath).absoluteDir().mkpath("."))
        problem = tr("The folder of %1 cannot be created.").arg(s.databasePath);
    else if (s.inspector.isEmpty())
        problem = tr("Enter the inspector's name: the audit log names who made each change.");
    else if (!s.defaultScale.isEmpty() && !check::parseScale(s.defaultScale.toStdString()))
        problem = tr("The default scale must look like 1:1000000, or be left empty.");
    else if (s.onlineBasemaps && s.tiandituKey.isEmpty())
        problem = tr("Online basemaps need your Tianditu key (register at tianditu.gov.cn).");
    else if (s.onlineBasemaps &&
             !QRegularExpression("^[A-Za-z0-9]+$").match(s.tiandituKey).hasMatch())
        problem = tr("The Tianditu key has letters and digits only: copy it again.");
    problem_->setText(problem);
    return problem;
}

void SettingsDialog::accept() {
    if (validate().isEmpty())
        QDialog::accept();
}

} // namespace mapaudit::ui

#include "layer_style_dialog.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace mapaudit::ui {

LayerStyleDialog::LayerStyleDialog(const LayerStyle& style, const QStringList& fields,
                                   const QString& labelField, QWidget* parent)
    : QDialog(parent), style_(style), fill_(new QPushButton), stroke_(new QPushButton),
      opacity_(new QSlider(Qt::Horizontal)), labelField_(new QComboBox) {
    setWindowTitle(tr("Layer properties"));
    opacity_->setRange(0, 100);
    opacity_->setValue(static_cast<int>(style.opacity * 100));
    labelField_->addItem(tr("(no labels)"), QString());
    for (const QString& f : fields)
        labelField_->addItem(f, f);
    labelField_->setCurrentIndex(std::max(0, labelField_->findData(labelField)));
    connect(fill_, &QPushButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(style_.fill, this, tr("Fill colour"));
        if (c.isValid())
            style_.fill = c;
        showColours();
    });
    connect(stroke_, &QPushButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(style_.stroke, this, tr("Outline colour"));
        if (c.isValid())
            style_.stroke = c;
        showColours();
    });
    auto* form = new QFormLayout;
    form->addRow(tr("Fill"), fill_);
    form->addRow(tr("Outline"), stroke_);
    form->addRow(tr("Opacity"), opacity_);
    form->addRow(tr("Labels from"), labelField_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    showColours();
}

void LayerStyleDialog::showColours() {
    for (auto [button, colour] :
         {std::pair{fill_, style_.fill}, std::pair{stroke_, style_.stroke}}) {
        button->setText(colour.name());
        button->setStyleSheet(
            QString("background: %1; color: %2")
                .arg(colour.name(), colour.lightness() > 128 ? "black" : "white"));
    }
}

LayerStyle LayerStyleDialog::style() const {
    LayerStyle s = style_;
    s.opacity = opacity_->value() / 100.0;
    s.labels = !labelField().isEmpty();
    return s;
}

QString LayerStyleDialog::labelField() const {
    return labelField_->currentData().toString();
}

} // namespace mapaudit::ui

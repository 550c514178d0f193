// Layer ▸ Properties: fill and outline colour, opacity, and labels from a
// chosen field.
#pragma once

#include "map_layer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QPushButton;
class QSlider;

namespace mapaudit::ui {

class LayerStyleDialog : public QDialog {
    Q_OBJECT
public:
    LayerStyleDialog(const LayerStyle& style, const QStringList& fields, const QString& labelField,
                     QWidget* parent = nullptr);
    LayerStyle style() const;
    QString labelField() const; // "" = no labels

private:
    void showColours();
    LayerStyle style_;
    QPushButton* fill_;
    QPushButton* stroke_;
    QSlider* opacity_;
    QComboBox* labelField_;
};

} // namespace mapaudit::ui

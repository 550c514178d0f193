#include "reference_panel.h"

#include "application.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QSlider>
#include <QVBoxLayout>

namespace mapaudit::ui {

ReferencePanel::ReferencePanel(QWidget* parent)
    : QWidget(parent), bookmarksLabel_(new QLabel), opacityLabel_(new QLabel),
      swipeLabel_(new QLabel), opacity_(new QSlider(Qt::Horizontal)),
      swipe_(new QSlider(Qt::Horizontal)), bookmarks_(new QListWidget) {
    auto* layout = new QVBoxLayout(this);
    for (std::size_t i = 0; i < kReferenceItemCount; ++i) {
        items_[i] = new QCheckBox;
        items_[i]->setChecked(true);
        connect(items_[i], &QCheckBox::toggled, this, &ReferencePanel::visibilityChanged);
        layout->addWidget(items_[i]);
    }
    auto* appearance = new QFormLayout;
    appearance->addRow(opacityLabel_, opacity_);
    appearance->addRow(swipeLabel_, swipe_);
    layout->addLayout(appearance);
    for (auto* slider : {opacity_, swipe_}) {
        slider->setRange(0, 100);
        slider->setValue(100);
        connect(slider, &QSlider::valueChanged, this, [this] {
            emit appearanceChanged(opacity_->value() / 100.0, swipe_->value() / 100.0);
        });
    }
    layout->addWidget(bookmarksLabel_);
    layout->addWidget(bookmarks_, 1);
    connect(bookmarks_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit bookmarkChosen(marks_[static_cast<std::size_t>(bookmarks_->row(item))].lonLat);
    });
    connect(bookmarks_, &QListWidget::itemClicked, bookmarks_, &QListWidget::itemActivated);
    retranslateUi();
}

void ReferencePanel::setBookmarks(std::vector<Bookmark> bookmarks) {
    marks_ = std::move(bookmarks);
    retranslateUi();
}

bool ReferencePanel::isShown(ReferenceItem item) const {
    return items_[static_cast<std::size_t>(item)]->isChecked();
}

void ReferencePanel::setShown(ReferenceItem item, bool shown) {
    items_[static_cast<std::size_t>(item)]->setChecked(shown);
}

void ReferencePanel::setAppearance(int opacity, int swipe) {
    opacity_->setValue(opacity);
    swipe_->setValue(swipe);
}

void ReferencePanel::retranslateUi() {
    opacityLabel_->setText(tr("Opacity"));
    swipeLabel_->setText(tr("Swipe"));
    for (std::size_t i = 0; i < kReferenceItemCount; ++i)
        items_[i]->setText(referenceItemLabel(static_cast<ReferenceItem>(i)));
    bookmarksLabel_->setText(tr("Bookmarks"));
    bookmarks_->clear();
    for (const Bookmark& b : marks_)
        bookmarks_->addItem(uiIsChinese() ? b.labelZh : b.labelEn);
}

} // namespace mapaudit::ui

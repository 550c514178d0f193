#include "reference_panel.h"

#include "application.h"

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace mapaudit::ui {

ReferencePanel::ReferencePanel(QWidget* parent)
    : QWidget(parent), bookmarksLabel_(new QLabel), bookmarks_(new QListWidget) {
    auto* layout = new QVBoxLayout(this);
    for (std::size_t i = 0; i < kReferenceItemCount; ++i) {
        items_[i] = new QCheckBox;
        items_[i]->setChecked(true);
        connect(items_[i], &QCheckBox::toggled, this, &ReferencePanel::visibilityChanged);
        layout->addWidget(items_[i]);
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

void ReferencePanel::retranslateUi() {
    for (std::size_t i = 0; i < kReferenceItemCount; ++i)
        items_[i]->setText(referenceItemLabel(static_cast<ReferenceItem>(i)));
    bookmarksLabel_->setText(tr("Bookmarks"));
    bookmarks_->clear();
    for (const Bookmark& b : marks_)
        bookmarks_->addItem(uiIsChinese() ? b.labelZh : b.labelEn);
}

} // namespace mapaudit::ui

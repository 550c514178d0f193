// The Reference dock: which parts of the reference pack are drawn over the
// map, and bookmarks that jump to the places most often drawn wrongly.
#pragma once

#include "reference_overlay.h"

#include <QWidget>
#include <array>

class QCheckBox;
class QLabel;
class QListWidget;
class QSlider;

namespace mapaudit::ui {

class ReferencePanel : public QWidget {
    Q_OBJECT
public:
    explicit ReferencePanel(QWidget* parent = nullptr);
    void setBookmarks(std::vector<Bookmark> bookmarks);
    bool isShown(ReferenceItem item) const;
    void setShown(ReferenceItem item, bool shown);
    QListWidget* bookmarkList() const { return bookmarks_; }
    // 0-100 each: the overlay's opacity and where the swipe line stands.
    void setAppearance(int opacity, int swipe);
    void retranslateUi();

signals:
    void visibilityChanged();
    void appearanceChanged(double opacity, double swipe);
    void bookmarkChosen(mapaudit::Extent lonLat);

private:
    std::array<QCheckBox*, kReferenceItemCount> items_{};
    QLabel* bookmarksLabel_;
    QLabel* opacityLabel_;
    QLabel* swipeLabel_;
    QSlider* opacity_;
    QSlider* swipe_;
    QListWidget* bookmarks_;
    std::vector<Bookmark> marks_;
};

} // namespace mapaudit::ui

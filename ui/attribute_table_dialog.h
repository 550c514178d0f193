// The attribute table of a vector layer (F6), as in a desktop GIS: every
// feature a row, sortable, filtered by text typed in any column; choosing a
// row selects the feature on the map and frames it.
#pragma once

#include "mapaudit/render/attribute_table.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace mapaudit::ui {

class AttributeTableDialog : public QDialog {
    Q_OBJECT
public:
    // At most this many rows are read; the dialog says when a layer has more.
    static constexpr std::size_t kMaxRows = 200'000;

    AttributeTableDialog(const QString& layerName, AttributeTable table, QWidget* parent = nullptr);
    QTableView* view() const { return view_; }
    QLineEdit* filter() const { return filter_; }
    // Rows shown after the filter, and the feature id of a shown row.
    int shownRows() const;
    std::int64_t fidAt(int shownRow) const;
    QString countText() const;

signals:
    void featureChosen(std::int64_t fid);

private:
    void showCount();

    AttributeTable table_;
    QLineEdit* filter_;
    QLabel* count_;
    QTableView* view_;
    QSortFilterProxyModel* proxy_;
};

} // namespace mapaudit::ui

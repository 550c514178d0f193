#include "attribute_table_dialog.h"

#include <QAbstractTableModel>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mapaudit::ui {
namespace {

constexpr int kFidRole = Qt::UserRole + 1;

// The table as read, without copying it into items: a layer may have 200 000 rows.
class AttributeModel : public QAbstractTableModel {
public:
    AttributeModel(const AttributeTable& table, QObject* parent)
        : QAbstractTableModel(parent), t_(table) {}
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(t_.rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(t_.fields.size()) + 1;
    }
    QVariant data(const QModelIndex& index, int role) const override {
        const auto row = static_cast<std::size_t>(index.row());
        if (role == kFidRole || (role == Qt::DisplayRole && index.column() == 0))
            return QVariant::fromValue<qlonglong>(t_.fids[row]);
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            const auto& cells = t_.rows[row];
            const auto column = static_cast<std::size_t>(index.column() - 1);
            return column < cells.size() ? QString::fromStdString(cells[column]) : QString();
        }
        return {};
    }
    QVariant headerData(int section, Qt::Orientation o, int role) const override {
        if (o != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        return section == 0
                   ? QStringLiteral("fid")
                   : QString::fromStdString(t_.fields[static_cast<std::size_t>(section - 1)]);
    }

private:
    const AttributeTable& t_;
};

} // namespace

AttributeTableDialog::AttributeTableDialog(const QString& layerName, AttributeTable table,
                                           QWidget* parent)
    : QDialog(parent), table_(std::move(table)), filter_(new QLineEdit), count_(new QLabel),
      view_(new QTableView), proxy_(new QSortFilterProxyModel(this)) {
    setWindowTitle(tr("Attribute table — %1").arg(layerName));
    proxy_->setSourceModel(new AttributeModel(table_, this));
    proxy_->setFilterKeyColumn(-1); // any column
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(0, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->resizeColumnsToContents();
    filter_->setPlaceholderText(tr("Filter: text in any field"));
    filter_->setClearButtonEnabled(true);
    auto* top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addWidget(count_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        proxy_->setFilterFixedString(text);
        showCount();
    });
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    emit featureChosen(fidAt(current.row()));
            });
    showCount();
    resize(720, 440);
}

int AttributeTableDialog::shownRows() const {
    return proxy_->rowCount();
}

std::int64_t AttributeTableDialog::fidAt(int shownRow) const {
    return proxy_->index(shownRow, 0).data(kFidRole).toLongLong();
}

QString AttributeTableDialog::countText() const {
    return count_->text();
}

void AttributeTableDialog::showCount() {
    const int read = static_cast<int>(table_.rows.size());
    QString text = filter_->text().isEmpty()
                       ? tr("%n feature(s)", nullptr, read)
                       : tr("%1 of %n feature(s)", nullptr, read).arg(proxy_->rowCount());
    if (table_.truncated())
        text += tr(" (the first %1 of %2)").arg(read).arg(table_.featureCount);
    count_->setText(text);
}

} // namespace mapaudit::ui

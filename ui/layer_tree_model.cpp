#include "layer_tree_model.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace mapaudit::ui {
namespace {

constexpr quintptr kGroupId = 0; // a child's internal id is its group + 1

Dimension dimensionOf(const VectorMapLayer& layer) {
    Dimension d = Dimension::Point;
    for (const auto& f : layer.data().features)
        d = std::max(d, f.dimension);
    return d;
}

} // namespace

LayerTreeModel::LayerTreeModel(QObject* parent) : QAbstractItemModel(parent) {
    referenceShown_.fill(true);
    retranslate();
}

void LayerTreeModel::retranslate() {
    groupNames_[MapGroup] = tr("Map layers");
    groupNames_[ReferenceGroup] = tr("Reference pack");
    emit dataChanged(index(0, 0), index(1, 0));
    if (rowCount(index(ReferenceGroup, 0)) > 0)
        emit dataChanged(index(0, 0, index(ReferenceGroup, 0)),
                         index(kReferenceItemCount - 1, 0, index(ReferenceGroup, 0)));
}

QIcon LayerTreeModel::symbolOf(const MapLayer& layer) {
    constexpr int kSize = 16;
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const auto* vector = dynamic_cast<const VectorMapLayer*>(&layer);
    if (!vector) { // a raster: a tile of its own colours cannot be known here; a tile it is
        QLinearGradient g(0, 0, kSize, kSize);
        g.setColorAt(0, QColor(120, 160, 110));
        g.setColorAt(1, QColor(200, 180, 130));
        p.fillRect(1, 1, kSize - 2, kSize - 2, g);
        p.setPen(QColor(90, 90, 90));
        p.drawRect(1, 1, kSize - 3, kSize - 3);
        return QIcon(pixmap);
    }
    const LayerStyle& s = vector->style();
    QPen pen(s.stroke, std::clamp(s.strokeWidth * 1.5, 1.0, 3.0));
    if (!s.dashPattern.isEmpty())
        pen.setDashPattern(s.dashPattern);
    p.setOpacity(s.opacity);
    switch (dimensionOf(*vector)) {
    case Dimension::Area:
        p.setPen(pen);
        p.setBrush(QBrush(s.fill, s.fillPattern));
        p.drawRect(QRectF(2, 3, kSize - 4, kSize - 6));
        break;
    case Dimension::Line: {
        QPainterPath path(QPointF(1, kSize - 4));
        path.cubicTo(QPointF(6, 2), QPointF(10, kSize - 2), QPointF(kSize - 1, 4));
        if (s.halo.isValid()) {
            p.setPen(QPen(s.halo, pen.widthF() + 3));
            p.drawPath(path);
        }
        p.setPen(pen);
        p.drawPath(path);
        break;
    }
    case Dimension::Point:
        p.setPen(pen);
        p.setBrush(s.fill);
        const double r = std::clamp(s.pointSize, 4.0, 12.0) / 2;
        p.drawEllipse(QPointF(kSize / 2.0, kSize / 2.0), r, r);
        break;
    }
    return QIcon(pixmap);
}

int LayerTreeModel::rowOfLayer(std::size_t layer) const {
    return static_cast<int>(layers_.size() - 1 - layer);
}

QModelIndex LayerTreeModel::indexOfLayer(std::size_t layer) const {
    return layer < layers_.size() ? index(rowOfLayer(layer), 0, index(MapGroup, 0)) : QModelIndex();
}

std::optional<std::size_t> LayerTreeModel::layerAt(const QModelIndex& i) const {
    if (!i.isValid() || i.internalId() != MapGroup + 1 || i.row() < 0 ||
        static_cast<std::size_t>(i.row()) >= layers_.size())
        return std::nullopt;
    return layers_.size() - 1 - static_cast<std::size_t>(i.row());
}

QModelIndex LayerTreeModel::indexOfReference(ReferenceItem item) const {
    return index(static_cast<int>(item), 0, index(ReferenceGroup, 0));
}

void LayerTreeModel::insertLayer(std::size_t at, LayerEntry entry) {
    at = std::min(at, layers_.size());
    // Inserting at `at` (bottom first) puts it at display row size - at.
    const int row = static_cast<int>(layers_.size() - at);
    beginInsertRows(index(MapGroup, 0), row, row);
    layers_.insert(layers_.begin() + static_cast<std::ptrdiff_t>(at), std::move(entry));
    endInsertRows();
    emit layersChanged();
}

void LayerTreeModel::removeLayer(std::size_t i) {
    if (i >= layers_.size())
        return;
    const int row = rowOfLayer(i);
    beginRemoveRows(index(MapGroup, 0), row, row);
    layers_.erase(layers_.begin() + static_cast<std::ptrdiff_t>(i));
    endRemoveRows();
    emit layersChanged();
}

void LayerTreeModel::replaceLayer(std::size_t i, std::shared_ptr<const MapLayer> layer) {
    if (i >= layers_.size())
        return;
    layers_[i].layer = std::move(layer);
    const QModelIndex changed = indexOfLayer(i);
    emit dataChanged(changed, changed);
    emit layersChanged();
}

void LayerTreeModel::setVisible(std::size_t i, bool visible) {
    if (i >= layers_.size() || layers_[i].visible == visible)
        return;
    layers_[i].visible = visible;
    const QModelIndex changed = indexOfLayer(i);
    emit dataChanged(changed, changed, {Qt::CheckStateRole});
    emit layersChanged();
}

void LayerTreeModel::moveLayer(std::size_t from, std::size_t to) {
    if (from >= layers_.size() || to >= layers_.size() || from == to)
        return;
    const int source = rowOfLayer(from), target = rowOfLayer(to);
    // beginMoveRows takes the row the moved one goes before, in the old numbering.
    const QModelIndex group = index(MapGroup, 0);
    if (!beginMoveRows(group, source, source, group, target > source ? target + 1 : target))
        return;
    LayerEntry moved = std::move(layers_[from]);
    layers_.erase(layers_.begin() + static_cast<std::ptrdiff_t>(from));
    layers_.insert(layers_.begin() + static_cast<std::ptrdiff_t>(to), std::move(moved));
    endMoveRows();
    emit layersChanged();
}

void LayerTreeModel::clearLayers() {
    if (layers_.empty())
        return;
    beginRemoveRows(index(MapGroup, 0), 0, static_cast<int>(layers_.size()) - 1);
    layers_.clear();
    endRemoveRows();
    emit layersChanged();
}

void LayerTreeModel::setReferenceLayers(
    const std::array<std::shared_ptr<const MapLayer>, kReferenceItemCount>& layers) {
    reference_ = layers;
    emit dataChanged(indexOfReference(ReferenceItem::Territory),
                     indexOfReference(ReferenceItem::Dashes));
}

void LayerTreeModel::setReferenceShown(ReferenceItem item, bool shown) {
    auto& current = referenceShown_[static_cast<std::size_t>(item)];
    if (current == shown)
        return;
    current = shown;
    const QModelIndex changed = indexOfReference(item);
    emit dataChanged(changed, changed, {Qt::CheckStateRole});
    emit referenceShownChanged(item, shown);
}

bool LayerTreeModel::isReferenceShown(ReferenceItem item) const {
    return referenceShown_[static_cast<std::size_t>(item)];
}

QModelIndex LayerTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (column != 0 || row < 0 || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, 0, kGroupId);
    return createIndex(row, 0, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex LayerTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int LayerTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return 2;
    if (parent.internalId() != kGroupId)
        return 0;
    return parent.row() == MapGroup ? static_cast<int>(layers_.size())
                                    : static_cast<int>(kReferenceItemCount);
}

int LayerTreeModel::columnCount(const QModelIndex&) const {
    return 1;
}

QVariant LayerTreeModel::data(const QModelIndex& i, int role) const {
    if (!i.isValid())
        return {};
    if (i.internalId() == kGroupId) {
        if (role == Qt::DisplayRole)
            return groupNames_[i.row()];
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    if (i.internalId() == ReferenceGroup + 1) {
        const auto item = static_cast<ReferenceItem>(i.row());
        const auto& layer = reference_[static_cast<std::size_t>(i.row())];
        switch (role) {
        case Qt::DisplayRole:
            return referenceItemLabel(item);
        case Qt::CheckStateRole:
            return isReferenceShown(item) ? Qt::Checked : Qt::Unchecked;
        case Qt::DecorationRole:
            return layer ? symbolOf(*layer) : QIcon();
        case Qt::ToolTipRole:
            return layer ? layer->description() : QVariant();
        default:
            return {};
        }
    }
    const auto at = layerAt(i);
    if (!at)
        return {};
    const LayerEntry& e = layers_[*at];
    switch (role) {
    case Qt::DisplayRole:
        return e.layer->name();
    case Qt::CheckStateRole:
        return e.visible ? Qt::Checked : Qt::Unchecked;
    case Qt::DecorationRole:
        return symbolOf(*e.layer);
    case Qt::ToolTipRole:
        return e.layer->description();
    default:
        return {};
    }
}

bool LayerTreeModel::setData(const QModelIndex& i, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole || !i.isValid() || i.internalId() == kGroupId)
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (i.internalId() == ReferenceGroup + 1) {
        setReferenceShown(static_cast<ReferenceItem>(i.row()), checked);
        return true;
    }
    const auto at = layerAt(i);
    if (!at)
        return false;
    setVisible(*at, checked);
    return true;
}

Qt::ItemFlags LayerTreeModel::flags(const QModelIndex& i) const {
    if (!i.isValid())
        return Qt::NoItemFlags;
    if (i.internalId() == kGroupId)
        return Qt::ItemIsEnabled | (i.row() == MapGroup ? Qt::ItemIsDropEnabled : Qt::NoItemFlags);
    if (i.internalId() == ReferenceGroup + 1)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
           Qt::ItemIsDragEnabled;
}

QMimeData* LayerTreeModel::mimeData(const QModelIndexList& indexes) const {
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    for (const QModelIndex& i : indexes)
        if (const auto at = layerAt(i))
            out << static_cast<quint64>(*at);
    auto* mime = new QMimeData;
    mime->setData(kMimeType, bytes);
    return mime;
}

bool LayerTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                  const QModelIndex& parent) {
    if (action != Qt::MoveAction || !data || !data->hasFormat(kMimeType))
        return false;
    // Dropped on a layer: it goes where that layer is; on the group: at `row`
    // (-1: at the end, the bottom).
    QModelIndex group = parent;
    if (parent.isValid() && parent.internalId() == MapGroup + 1) {
        row = parent.row();
        group = parent.parent();
    }
    if (!group.isValid() || group.internalId() != kGroupId || group.row() != MapGroup)
        return false;
    QDataStream in(data->data(kMimeType));
    quint64 from = 0;
    in >> from;
    if (in.status() != QDataStream::Ok || from >= layers_.size())
        return false;
    const int rows = static_cast<int>(layers_.size());
    const int targetRow = row < 0 || row > rows ? rows : row; // display row it goes before
    const int sourceRow = rowOfLayer(static_cast<std::size_t>(from));
    // The display row it ends on, once taken out of its place.
    const int endRow = std::clamp(targetRow > sourceRow ? targetRow - 1 : targetRow, 0, rows - 1);
    moveLayer(static_cast<std::size_t>(from),
              layers_.size() - 1 - static_cast<std::size_t>(endRow));
    // False: the move is done here, and a view told of a successful move would
    // go on to remove the dragged row itself.
    return false;
}

} // namespace mapaudit::ui

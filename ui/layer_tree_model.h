// The layer tree of the Layers dock, as a model: the map layers (topmost
// first; shown or hidden by their box, reordered by dragging, with a symbol
// drawn in their style) and, below them, the reference pack's layers, whose
// boxes are the Reference dock's. The model owns the map layers' list; the
// window draws what layersChanged() tells it.
#pragma once

#include "map_layer.h"
#include "reference_overlay.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <array>
#include <memory>
#include <vector>

namespace mapaudit::ui {

struct LayerEntry {
    std::shared_ptr<const MapLayer> layer;
    bool visible = true;
    QString path; // the file it came from
};

class LayerTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Group { MapGroup = 0, ReferenceGroup = 1 };
    static constexpr const char* kMimeType = "application/x-mapaudit-layer-rows";

    explicit LayerTreeModel(QObject* parent = nullptr);

    // Bottom first, as drawn.
    const std::vector<LayerEntry>& layers() const { return layers_; }
    void insertLayer(std::size_t at, LayerEntry entry); // at = layers().size(): on top
    void removeLayer(std::size_t index);
    void replaceLayer(std::size_t index, std::shared_ptr<const MapLayer> layer);
    void setVisible(std::size_t index, bool visible);
    // Moves layer `from` to stand at `to` (both indexes bottom first).
    void moveLayer(std::size_t from, std::size_t to);
    void clearLayers();
    // The model index of a map layer, and back (nullopt for groups and reference rows).
    QModelIndex indexOfLayer(std::size_t layer) const;
    std::optional<std::size_t> layerAt(const QModelIndex& index) const;

    void setReferenceLayers(
        const std::array<std::shared_ptr<const MapLayer>, kReferenceItemCount>& layers);
    void setReferenceShown(ReferenceItem item, bool shown);
    bool isReferenceShown(ReferenceItem item) const;
    QModelIndex indexOfReference(ReferenceItem item) const;

    // A symbol drawn in the layer's style: an area, a line or a point; a raster's tile.
    static QIcon symbolOf(const MapLayer& layer);
    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override { return {kMimeType}; }
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    // Map layers dropped among the map layers take their place there.
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    // The map layers, their order, visibility or style changed: draw them again.
    void layersChanged();
    void referenceShownChanged(mapaudit::ui::ReferenceItem item, bool shown);

private:
    int rowOfLayer(std::size_t layer) const; // display row: topmost first
    std::vector<LayerEntry> layers_;
    std::array<std::shared_ptr<const MapLayer>, kReferenceItemCount> reference_{};
    std::array<bool, kReferenceItemCount> referenceShown_{};
    QString groupNames_[2];
};

} // namespace mapaudit::ui

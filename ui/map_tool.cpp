#include "map_tool.h"

namespace mapaudit::ui {

const QList<QPointF>& MapTool::path() const {
    static const QList<QPointF> none;
    return none;
}

} // namespace mapaudit::ui

// The workstation's read-only tables: whole rows selected one at a time, no
// row numbers, the last column taking the remaining width.
#pragma once

#include <QHeaderView>
#include <QTableWidget>

namespace mapaudit::ui {

inline void setUpRowTable(QTableWidget* t) {
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
}

} // namespace mapaudit::ui

#include "inspection_edit.h"

namespace mapaudit::ui {

InspectionEdit::InspectionEdit(const QString& text, InspectionState before, InspectionState after,
                               Restore restore)
    : QUndoCommand(text), before_(std::move(before)), after_(std::move(after)),
      restore_(std::move(restore)) {}

void InspectionEdit::undo() {
    restore_(before_);
}

void InspectionEdit::redo() {
    if (!pushed_) { // QUndoStack::push calls redo: the change is made already
        pushed_ = true;
        return;
    }
    restore_(after_);
}

} // namespace mapaudit::ui

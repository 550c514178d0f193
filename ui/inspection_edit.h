// The inspector's work on a checked map — decisions on findings, findings
// marked by hand, checklist answers — and one change of it as an undo step.
#pragma once

#include "mapaudit/check/checklist.h"
#include "mapaudit/check/finding_review.h"

#include <QUndoCommand>
#include <functional>
#include <optional>
#include <vector>

namespace mapaudit::ui {

struct InspectionState {
    // The findings, when the change touched them (a finding marked by hand, a
    // 不符合); nullopt: left as they are.
    std::optional<std::vector<check::Finding>> findings;
    check::FindingReviews reviews;
    check::Checklist checklist;
};

// The change is already made when the command is pushed: its first redo does
// nothing; undo restores `before`, a later redo `after`.
class InspectionEdit : public QUndoCommand {
public:
    using Restore = std::function<void(const InspectionState&)>;
    InspectionEdit(const QString& text, InspectionState before, InspectionState after,
                   Restore restore);
    void undo() override;
    void redo() override;

private:
    InspectionState before_, after_;
    Restore restore_;
    bool pushed_ = false;
};

} // namespace mapaudit::ui

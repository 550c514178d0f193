// A finding marked by hand: the rule and the code from the lists the engine
// uses, the severity and what the inspector saw. The geometry comes from the
// sketch on the canvas; core decides what is acceptable.
#pragma once

#include "mapaudit/check/manual_finding.h"

#include <QDialog>
#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace mapaudit::ui {

class ManualFindingDialog : public QDialog {
    Q_OBJECT
public:
    // `submit` adds the finding and throws InputError when it is refused: the
    // dialog then stays open and shows why.
    ManualFindingDialog(std::vector<check::CodeInfo> codes, std::string geometryWkt,
                        std::function<void(const check::ManualFindingInput&)> submit,
                        QWidget* parent = nullptr);
    check::ManualFindingInput input() const;
    // Chooses `rule` and `code` (as the ids) and writes the note.
    void fill(const QString& rule, const QString& code, const QString& note);
    QString problem() const;
    void accept() override;

private:
    std::vector<check::CodeInfo> codes_;
    std::string geometryWkt_;
    std::function<void(const check::ManualFindingInput&)> submit_;
    QComboBox* rule_;
    QComboBox* code_;
    QComboBox* severity_;
    QPlainTextEdit* note_;
    QLabel* problem_;
};

} // namespace mapaudit::ui

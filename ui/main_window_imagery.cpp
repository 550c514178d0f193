// The main window's imagery: georeferencing a picture of a map.
#include "georef_dialog.h"
#include "main_window.h"
#include "map_canvas.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace mapaudit::ui {

void MainWindow::createImageryActions() {
    georefAction_ = new QAction(this);
    connect(georefAction_, &QAction::triggered, this, [this] {
        const QString image = QFileDialog::getOpenFileName(
            this, tr("Georeference image"), QString(),
            tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.pdf);;All files (*)"));
        if (!image.isEmpty())
            openGeoreferencing(image);
    });
}

void MainWindow::retranslateImageryUi() {
    georefAction_->setText(tr("&Georeference image…"));
    georefAction_->setToolTip(
        tr("Place control points on a scanned or photographed map and warp it"));
}

GeorefDialog* MainWindow::openGeoreferencing(const QString& image) {
    GeorefDialog* dialog = nullptr;
    try {
        dialog = new GeorefDialog(image, canvas_, this);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Georeference image"), QString::fromUtf8(e.what()));
        return nullptr;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GeorefDialog::warped, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Georeferenced: %1").arg(path), 8000);
        openFiles({path});
    });
    connect(dialog, &GeorefDialog::failed, this, [this](const QString& message) {
        QMessageBox::warning(this, tr("Georeference image"), message);
    });
    dialog->show();
    return dialog;
}

} // namespace mapaudit::ui

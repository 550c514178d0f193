// mapaudit: the workstation. `mapaudit COMMAND …` runs the command line
// without a display, exactly as mapaudit-cli does.
#include "application.h"
#include "check_panel.h"
#include "cli.h"
#include "draw_notice_pdf.h"
#include "georef_dialog.h"
#include "layer_tree_model.h"
#include "main_window.h"
#include "pdf_writer_hooks.h"
#include "screenshot.h"
#include "summary_pdf.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTableWidget>
#include <QTimer>
#include <algorithm>
#include <iostream>
#include <memory>

int main(int argc, char** argv) {
    if (argc > 1 && mapaudit::cli::isSubcommand(argv[1])) {
        std::vector<std::string_view> args(argv + 1, argv + argc);
        // Only a PDF needs Qt (fonts, page layout); no display is needed for it.
        std::unique_ptr<QGuiApplication> pdfFonts;
        if (std::any_of(args.begin(), args.end(), [](std::string_view a) {
                return a == "--pdf" || a.starts_with("--pdf=") || a.ends_with(".pdf");
            })) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            static int qtArgc = 1;
            pdfFonts = std::make_unique<QGuiApplication>(qtArgc, argv);
            mapaudit::cli::setSummaryPdfWriter(mapaudit::ui::writeSummaryPdf);
            mapaudit::cli::setDrawNoticePdfWriter(mapaudit::ui::writeDrawNoticePdf);
        }
        return mapaudit::cli::run(args, std::cout, std::cerr);
    }

    QApplication app(argc, argv);
    mapaudit::ui::configureApplication(app);

    QCommandLineParser parser;
    parser.setApplicationDescription("MapAudit — problem-map inspection workstation");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption("lang", "UI language: zh_CN (default) or en.", "language");
    const QCommandLineOption shotOption(
        "screenshot", "Save the window to FILE once the map is drawn, then quit.", "file");
    const QCommandLineOption sizeOption("size", "Window size WIDTHxHEIGHT.", "size");
    const QCommandLineOption checkOption(
        "check", "Check the last file given once it is loaded; then select finding N (1-based).",
        "finding");
    const QCommandLineOption dbOption(
        "db", "Records database for this session (the preferences are left as they are).", "file");
    const QCommandLineOption unitOption("unit", "Reporting unit for this session.", "name");
    const QCommandLineOption inspectorOption("inspector", "Inspector for this session.", "name");
    const QCommandLineOption openOption(
        "open",
        "Open a dialog once ready: summary, record, register or checklist (after --check), "
        "history (of checks), attributes (of the topmost layer), security-register, "
        "security-draw, security-ledger or security-dashboard.",
        "dialog");
    const QCommandLineOption reportOption(
        "report", "With --check: write the PDF inspection report to FILE, then quit.", "file");
    const QCommandLineOption georefOption(
        "georef", "Open the georeferencing window for IMAGE once the files are loaded.", "image");
    const QCommandLineOption gcpOption(
        "gcp", "With --georef: load these control points (.points or CSV).", "file");
    parser.addOptions({langOption, shotOption, sizeOption, checkOption, dbOption, unitOption,
                       inspectorOption, openOption, reportOption, georefOption, gcpOption});
    parser.addPositionalArgument("files", "Maps and images to open.", "[FILE…]");
    parser.process(app);

    const QString language =
        parser.isSet(langOption) ? parser.value(langOption) : mapaudit::ui::currentLanguage();
    mapaudit::ui::installTranslations(language.startsWith("en") ? "en" : "zh_CN");

    mapaudit::ui::MainWindow window;
    if (parser.isSet(dbOption) || parser.isSet(unitOption) || parser.isSet(inspectorOption)) {
        auto settings = window.settings();
        if (parser.isSet(dbOption))
            settings.databasePath = QFileInfo(parser.value(dbOption)).absoluteFilePath();
        if (parser.isSet(unitOption))
            settings.unit = parser.value(unitOption);
        if (parser.isSet(inspectorOption))
            settings.inspector = parser.value(inspectorOption);
        window.applySettings(settings);
    }
    if (parser.isSet(sizeOption)) {
        const QStringList wh = parser.value(sizeOption).split('x');
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    window.show();
    window.openFiles(parser.positionalArguments());
    if (parser.isSet(checkOption)) {
        const int finding = parser.value(checkOption).toInt() - 1;
        auto* panel = window.checkPanel();
        QObject::connect(
            &window, &mapaudit::ui::MainWindow::loadingFinished, panel,
            [panel] { panel->runCheck(); }, Qt::SingleShotConnection);
        QObject::connect(
            panel, &mapaudit::ui::CheckPanel::checkFinished, panel,
            [panel, finding] {
                if (finding >= 0 && finding < panel->findingsTable()->rowCount())
                    panel->findingsTable()->setCurrentCell(finding, 0);
            },
            Qt::SingleShotConnection);
    }

    if (parser.isSet(reportOption)) {
        const QString path = parser.value(reportOption);
        auto write = [&window, path] {
            try {
                window.writeInspectionReport(path);
                QCoreApplication::exit(0);
            } catch (const std::exception& e) {
                std::cerr << "mapaudit: " << e.what() << "\n";
                QCoreApplication::exit(1);
            }
        };
        QObject::connect(
            window.checkPanel(), &mapaudit::ui::CheckPanel::checkFinished, &window,
            [&window, write] {
                if (window.isOverlayLoaded())
                    write(); // the report's map shows the reference
                else
                    QObject::connect(&window, &mapaudit::ui::MainWindow::overlayLoaded, &window,
                                     write, Qt::SingleShotConnection);
            },
            Qt::SingleShotConnection);
    }

    // With --open, the screenshot waits for the dialog (which may run its own event loop).
    auto takeScreenshot = [&window, path = parser.value(shotOption)] {
        mapaudit::ui::saveScreenshotWhenReady(window, path, [path](bool ok) {
            if (!ok)
                std::cerr << "mapaudit: cannot write " << path.toStdString() << "\n";
            QCoreApplication::exit(ok ? 0 : 1);
        });
    };
    const QString dialog =
        parser.isSet(georefOption) ? QStringLiteral("georef") : parser.value(openOption);
    const QString georefImage = parser.value(georefOption), gcp = parser.value(gcpOption);
    const bool shot = parser.isSet(shotOption);
    auto openDialog = [&window, dialog, shot, takeScreenshot, georefImage, gcp] {
        if (shot)
            takeScreenshot();
        if (dialog == "georef") {
            if (auto* g = window.openGeoreferencing(georefImage); g && !gcp.isEmpty()) {
                try {
                    g->loadPoints(gcp);
                } catch (const std::exception& e) {
                    std::cerr << "mapaudit: " << e.what() << "\n";
                }
            }
        } else if (dialog == "summary")
            window.openSummary();
        else if (dialog == "record")
            window.newRecord();
        else if (dialog == "register")
            window.registerFromPanel();
        else if (dialog == "checklist")
            window.checkPanel()->showPage(1);
        else if (dialog == "history")
            window.showCheckHistory();
        else if (dialog == "attributes") { // of the topmost layer
            const auto& layers = window.layerModel()->layers();
            if (!layers.empty())
                window.layerTree()->setCurrentIndex(
                    window.layerModel()->indexOfLayer(layers.size() - 1));
            window.openAttributeTable();
        } else if (dialog.startsWith("security")) {
            const QStringList pages{"security-register", "security-draw", "security-ledger",
                                    "security-dashboard"};
            window.openSecurity(std::max(0, static_cast<int>(pages.indexOf(dialog))));
        }
    };
    if (!dialog.isEmpty()) {
        // After the files are loaded and, with --check, checked.
        if (parser.positionalArguments().isEmpty())
            QTimer::singleShot(0, openDialog);
        else if (parser.isSet(checkOption))
            QObject::connect(
                window.checkPanel(), &mapaudit::ui::CheckPanel::checkFinished, &window,
                [openDialog] { QTimer::singleShot(0, openDialog); }, Qt::SingleShotConnection);
        else
            QObject::connect(
                &window, &mapaudit::ui::MainWindow::loadingFinished, &window,
                [openDialog] { QTimer::singleShot(0, openDialog); }, Qt::SingleShotConnection);
    } else if (shot) {
        takeScreenshot();
    }
    return QApplication::exec();
}

// mapaudit: the workstation. `mapaudit COMMAND …` runs the command line
// without a display, exactly as mapaudit-cli does.
#include "application.h"
#include "check_panel.h"
#include "cli.h"
#include "main_window.h"
#include "screenshot.h"
#include "summary_pdf.h"
#include "summary_pdf_hook.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QTableWidget>
#include <algorithm>
#include <iostream>
#include <memory>

int main(int argc, char** argv) {
    if (argc > 1 && mapaudit::cli::isSubcommand(argv[1])) {
        std::vector<std::string_view> args(argv + 1, argv + argc);
        // Only a PDF needs Qt (fonts, page layout); no display is needed for it.
        std::unique_ptr<QGuiApplication> pdfFonts;
        if (std::find(args.begin(), args.end(), "--pdf") != args.end() ||
            std::any_of(args.begin(), args.end(),
                        [](std::string_view a) { return a.starts_with("--pdf="); })) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            static int qtArgc = 1;
            pdfFonts = std::make_unique<QGuiApplication>(qtArgc, argv);
            mapaudit::cli::setSummaryPdfWriter(mapaudit::ui::writeSummaryPdf);
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
    parser.addOptions({langOption, shotOption, sizeOption, checkOption});
    parser.addPositionalArgument("files", "Maps and images to open.", "[FILE…]");
    parser.process(app);

    const QString language =
        parser.isSet(langOption) ? parser.value(langOption) : mapaudit::ui::currentLanguage();
    mapaudit::ui::installTranslations(language.startsWith("en") ? "en" : "zh_CN");

    mapaudit::ui::MainWindow window;
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

    if (parser.isSet(shotOption)) {
        const QString path = parser.value(shotOption);
        mapaudit::ui::saveScreenshotWhenReady(window, path, [path](bool ok) {
            if (!ok)
                std::cerr << "mapaudit: cannot write " << path.toStdString() << "\n";
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }
    return QApplication::exec();
}

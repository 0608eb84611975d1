// SPDX-License-Identifier: MIT
#include "shell/guimain.h"

#include "document/document.h"
#include "document/journalkeeper.h"
#include "graph/graphpanel.h"
#include "shell/commandlineedit.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/screenshotrunner.h"
#include "widgets/appearance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QTextStream>

#include <cstring>

namespace meshlane::ui {

namespace {

constexpr int kExitUsage = 64;

// `meshlane` with no folder opens Bookinfo, wherever the samples are.
QString defaultFolder()
{
    const QStringList candidates{
        QDir::current().filePath(QStringLiteral("samples/bookinfo")),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/meshlane/samples/bookinfo"),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    }
    return {};
}

bool parseSize(const QString &text, QSize *size)
{
    const QStringList parts = text.toLower().split(u'x');
    bool okWidth = false;
    bool okHeight = false;
    if (parts.size() == 2)
        *size = QSize(parts[0].toInt(&okWidth), parts[1].toInt(&okHeight));
    return okWidth && okHeight && size->width() >= 200 && size->height() >= 150 && size->width() <= 8000
        && size->height() <= 8000;
}

int usage(const QString &message)
{
    QTextStream(stderr) << "meshlane: " << message << '\n';
    return kExitUsage;
}

} // namespace

int guiMain(int argc, char *argv[])
{
    bool screenshot = false;
    for (int i = 1; i < argc; ++i)
        screenshot = screenshot || std::strcmp(argv[i], "--screenshot") == 0;
    // Must be decided before QApplication exists: screenshots need no display.
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Meshlane"));
    QCoreApplication::setApplicationName(QStringLiteral("meshlane"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MESHLANE_VERSION));
    // The desktop file id, so Wayland compositors and docks match windows to the launcher.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.meshlane.Meshlane"));
    registerBundledFonts();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Design and check Istio traffic routing"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Render the window offscreen and save it as PNG."),
                                              QStringLiteral("file"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size for --screenshot."),
                                        QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption selectOption(QStringLiteral("select"),
                                          QStringLiteral("Select a VirtualService once the folder is open."),
                                          QStringLiteral("ns/name"));
    const QCommandLineOption setWeightsOption(
        QStringLiteral("set-weights"),
        QStringLiteral("With --select: set the weights of its first route with several destinations, as a slider "
                       "drag would, once the folder is open (by subset name; unnamed ones re-balance)."),
        QStringLiteral("SUBSET=W,..."));
    const QCommandLineOption simSecondsOption(QStringLiteral("sim-seconds"),
                                              QStringLiteral("Simulate this many seconds of traffic to the selection before the screenshot."),
                                              QStringLiteral("S"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("User interface language: en or ko."),
                                        QStringLiteral("code"));
    const QCommandLineOption restoreOption(
        QStringLiteral("restore"),
        QStringLiteral("Restore the unsaved edits a killed or crashed Meshlane left for the folder, without asking."));
    parser.addOptions(
        {screenshotOption, sizeOption, selectOption, setWeightsOption, simSecondsOption, langOption, restoreOption});
    parser.addPositionalArgument(QStringLiteral("folder"), QStringLiteral("Folder of manifests (default: samples/bookinfo)."));
    if (!parser.parse(QCoreApplication::arguments()))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() > 1)
        return usage(QStringLiteral("one folder at a time"));
    const QString folder = parser.positionalArguments().isEmpty() ? defaultFolder() : parser.positionalArguments().front();

    LanguageManager languages;
    // Screenshots are in English unless asked: the machine's locale must not change them.
    QString language = parser.value(langOption);
    if (!parser.isSet(langOption) && !screenshot)
        language = QSettings().value(QStringLiteral("language")).toString();
    if (!languages.setLanguage(language))
        return usage(QStringLiteral("unknown language '%1' (available: %2)")
                         .arg(language, LanguageManager::availableLanguages().join(QStringLiteral(", "))));

    if (screenshot) {
        useReproducibleAppearance();
        ScreenshotRunner::Request request;
        request.folder = folder;
        request.output = parser.value(screenshotOption);
        request.selectVirtualService = parser.value(selectOption);
        request.setWeights = parser.value(setWeightsOption);
        if (!parseSize(parser.value(sizeOption), &request.size))
            return usage(QStringLiteral("--size wants WIDTHxHEIGHT, e.g. 1280x800"));
        if (parser.isSet(simSecondsOption)) {
            bool ok = false;
            request.simulatedSeconds = parser.value(simSecondsOption).toDouble(&ok);
            if (!ok || !(request.simulatedSeconds > 0)) // the upper bound is ScreenshotRunner's
                return usage(QStringLiteral("--sim-seconds wants a number of seconds from 0.1 to %1")
                                 .arg(ScreenshotRunner::kMaxSimulatedSeconds));
        }
        QString error;
        const int code = ScreenshotRunner::run(request, &languages, &error);
        if (code != 0)
            QTextStream(stderr) << "meshlane: " << error << '\n';
        return code;
    }

    const QString select = parser.value(selectOption);
    const QString setWeights = parser.value(setWeightsOption);
    if (!setWeights.isEmpty() && select.isEmpty())
        return usage(QStringLiteral("--set-weights needs --select NS/NAME"));
    MainWindow window({.persistent = true,
                       .languages = &languages,
                       .selectOnOpen = select.isEmpty(),
                       .journalFolder = JournalKeeper::defaultStateFolder(),
                       .restoreJournal = parser.isSet(restoreOption)});
    window.show();
    if (!select.isEmpty()) {
        QObject::connect(
            window.document(), &Document::loaded, &window,
            [&window, select, setWeights] {
                window.graphPanel()->selectVirtualService(select);
                if (setWeights.isEmpty())
                    return;
                if (const Result<void> set = CommandLineEdit::stageWeights(window, select, setWeights); !set)
                    QTextStream(stderr) << "meshlane: " << QString::fromStdString(set.error()) << '\n';
            },
            Qt::SingleShotConnection);
    }
    if (!folder.isEmpty())
        window.openFolder(folder);
    return app.exec();
}

} // namespace meshlane::ui

// punctual: the window and tray runner (DESIGN.md section 7).
#include "application.h"
#include "configuredstore.h"
#include "keychain/systemkeychain.h"
#include "settings/language.h"
#include "settings/settings.h"
#include "util/signalwatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>
#include <cstring>

using namespace punctual;

int main(int argc, char *argv[])
{
    // --version needs no display (a package's smoke test, a terminal over ssh): answered before QApplication,
    // which cannot start without one.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("punctual %s\n", PUNCTUAL_VERSION);
            return 0;
        }
        if (std::strcmp(argv[i], "--") == 0)
            break;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("punctual"));
    QApplication::setApplicationDisplayName(QStringLiteral("Punctual"));
    QApplication::setApplicationVersion(QStringLiteral(PUNCTUAL_VERSION));
    QApplication::setOrganizationName(QStringLiteral("punctual"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/punctual.svg")));
    // Closing the window hides it into the tray (or ends the window app); the scheduler host runs the jobs.
    QApplication::setQuitOnLastWindowClosed(false);
    // sql jobs' passwords in the system keychain (read by runs, written by the job editor).
    const auto keychain = SystemKeychain::installForProcess();

    // The language comes first, so that even --help is in it: --lang, else the one chosen in the settings, else the
    // system's. The translators are installed before any window exists.
    QString code = language::fromArguments(QApplication::arguments());
    if (code.isEmpty())
        code = Settings().language();
    if (!language::apply(code) && !code.isEmpty())
        std::fprintf(stderr, "punctual: no translation for \"%s\" (available: %s); the interface stays in English\n",
                     qPrintable(code), qPrintable(language::available().join(QStringLiteral(", "))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Runs your jobs on time."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), QApplication::translate("main", "The SQLite job store file."),
                                QApplication::translate("main", "PATH"));
    const QCommandLineOption store(QStringLiteral("store"),
                                   QApplication::translate("main", "The job store URL (sqlite:PATH or postgresql://user@host:port/db)."),
                                   QApplication::translate("main", "URL"));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
                                       QApplication::translate("main", "Start without showing the window."));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QApplication::translate("main", "The interface language (e.g. de, zh_CN)."),
                                  QApplication::translate("main", "CODE"));
    const QCommandLineOption showJob(QStringLiteral("show-job"),
                                     QApplication::translate("main", "Open the window on this job's run history."),
                                     QApplication::translate("main", "ID"));
    parser.addOptions({db, store, minimized, lang, showJob});
    parser.process(app);

    StoreLocation location;
    if (!parser.isSet(db) && !parser.isSet(store)) {
        // The store chosen in the settings (Settings › Job store), else the default SQLite file.
        auto configured = configuredStoreLocation();
        if (!configured) {
            std::fprintf(stderr, "punctual: error: %s\n", qPrintable(configured.error().message));
            QMessageBox::critical(nullptr, QApplication::translate("main", "Punctual cannot start"),
                                  configured.error().message);
            return 1;
        }
        location = configured.value();
    }
    if (parser.isSet(db) && parser.isSet(store)) {
        std::fprintf(stderr, "punctual: error: %s\n",
                     qPrintable(QApplication::translate("main", "give --db or --store, not both")));
        return 2;
    }
    if (parser.isSet(db))
        location = StoreLocation::fromPath(parser.value(db));
    if (parser.isSet(store)) {
        auto parsed = StoreLocation::fromUrl(parser.value(store));
        if (!parsed) {
            std::fprintf(stderr, "punctual: error: %s\n", qPrintable(parsed.error().message));
            return 2;
        }
        location = parsed.value();
    }

    Application application(location);
    auto started = application.start(!parser.isSet(minimized), parser.value(showJob));
    if (!started) {
        std::fprintf(stderr, "punctual: error: %s\n", qPrintable(started.error().message));
        QMessageBox::critical(nullptr, QApplication::translate("main", "Punctual cannot start"),
                              started.error().message);
        return 1;
    }
    // A second start on the same store: the open window shows itself instead.
    if (started.value() == Application::Started::OtherInstance)
        return 0;
    // SIGTERM (logout, kill) and SIGINT end the window app; the scheduler host keeps running the jobs.
    SignalWatcher terminations;
    QObject::connect(&terminations, &SignalWatcher::terminationRequested, &application,
                     [&application] { application.quit(false); });
    // --show-job: a desktop notice's "Show log" (punctualctl run starts `punctual --show-job ID`).
    if (parser.isSet(showJob))
        application.showJob(parser.value(showJob));
    else
        application.showWindow(parser.isSet(minimized));
    return app.exec();
}

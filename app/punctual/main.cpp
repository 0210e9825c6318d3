// punctual: the window and tray runner (DESIGN.md section 7).
#include "application.h"
#include "util/signalwatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>

using namespace punctual;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("punctual"));
    QApplication::setApplicationDisplayName(QStringLiteral("Punctual"));
    QApplication::setApplicationVersion(QStringLiteral(PUNCTUAL_VERSION));
    QApplication::setOrganizationName(QStringLiteral("punctual"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/punctual.svg")));
    // Closing the window hides it into the tray (or asks); Application::quit() stops the scheduler, then quits.
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Runs your jobs on time."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), QApplication::translate("main", "The SQLite job store file."),
                                QApplication::translate("main", "PATH"));
    const QCommandLineOption store(QStringLiteral("store"),
                                   QApplication::translate("main", "The job store URL (sqlite:PATH)."),
                                   QApplication::translate("main", "URL"));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
                                       QApplication::translate("main", "Start without showing the window."));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QApplication::translate("main", "The interface language (e.g. de, zh_CN)."),
                                  QApplication::translate("main", "CODE"));
    parser.addOptions({db, store, minimized, lang});
    parser.process(app);

    StoreLocation location;
    if (parser.isSet(db) && parser.isSet(store)) {
        std::fputs("punctual: error: give --db or --store, not both\n", stderr);
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
    auto started = application.start(!parser.isSet(minimized));
    if (!started) {
        std::fprintf(stderr, "punctual: error: %s\n", qPrintable(started.error().message));
        QMessageBox::critical(nullptr, QApplication::translate("main", "Punctual cannot start"),
                              started.error().message);
        return 1;
    }
    // A second start on the same store: the running instance shows its window instead.
    if (started.value() == Application::Started::OtherInstance)
        return 0;
    // SIGTERM (logout, kill) and SIGINT stop the scheduler cleanly: running jobs are recorded as interrupted.
    SignalWatcher terminations;
    QObject::connect(&terminations, &SignalWatcher::terminationRequested, &application,
                     [&application] { application.quit(false); });
    application.showWindow(parser.isSet(minimized));
    return app.exec();
}

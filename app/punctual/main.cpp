// punctual: the window and tray runner.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("punctual"));
    QApplication::setApplicationDisplayName(QStringLiteral("Punctual"));
    QApplication::setApplicationVersion(QStringLiteral(PUNCTUAL_VERSION));
    QApplication::setOrganizationName(QStringLiteral("punctual"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/punctual.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Desktop job scheduler"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    punctual::MainWindow window;
    window.show();
    return app.exec();
}

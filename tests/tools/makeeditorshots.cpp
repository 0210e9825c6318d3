// Screenshots of docs/window.md#the-job-editor-the-output-pane-and-the-dialogs-around-them: a new job's editor at its default size (a 1280x1024 screen) with Next runs
// in another zone than the desktop's, as editor-CODE.png (CODE from --lang, "en" without), and in the English pass
// the run output with ANSI colours on a light and a dark palette (output-ansi.png, output-ansi-dark.png). Run it
// under Xvfb:
//   TZ=Europe/Berlin QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x1024x24" \
//       build/tests/tools/makeeditorshots docs/screenshots [--lang de|zh_CN]
#include "control/schedulerclient.h"
#include "dialogs/jobeditordialog.h"
#include "executors/builtinfunctions.h"
#include "executors/functionregistry.h"
#include "settings/language.h"
#include "time/clock.h"
#include "widgets/outputview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTest>

using namespace punctual;

namespace {

void save(QWidget *widget, const QString &path)
{
    QTest::qWait(400); // the preview's typing pause, and a paint
    if (!widget->grab().save(path))
        qFatal("cannot write %s", qPrintable(path));
    qInfo("%s", qPrintable(path));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the output pane's Wrap lines setting stays out of the user's
    const QString out = argc > 1 && !QString::fromLocal8Bit(argv[1]).startsWith(QLatin1String("--"))
        ? QString::fromLocal8Bit(argv[1])
        : QStringLiteral(".");
    const QString lang = language::fromArguments(QApplication::arguments());
    if (!lang.isEmpty() && !language::apply(lang))
        qFatal("no translation for %s", qPrintable(lang));

    // No host: the editor only shows what it would save.
    auto client = SchedulerClient::forSocket(QDir::temp().filePath(QStringLiteral("punctual-no-host")));
    SystemClock clock;
    FunctionRegistry functions;
    registerBuiltinFunctions(functions);
    JobEditorDialog editor(*client, clock, functions);
    editor.show();
    QTest::qWaitForWindowExposed(&editor);
    editor.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Nightly backup"));
    editor.findChild<QLineEdit *>(QStringLiteral("cronEdit"))->setText(QStringLiteral("30 2 * * *"));
    auto *zone = editor.findChild<QComboBox *>(QStringLiteral("timeZoneCombo"));
    zone->setCurrentIndex(zone->findText(QStringLiteral("America/New_York")));
    editor.findChild<QLineEdit *>(QStringLiteral("programEdit"))->setText(QStringLiteral("/usr/local/bin/backup"));
    editor.findChild<QLineEdit *>(QStringLiteral("argumentsEdit"))->setText(QStringLiteral("--all /srv"));
    save(&editor, out + QStringLiteral("/editor-%1.png").arg(lang.isEmpty() ? QStringLiteral("en") : lang));
    editor.done(QDialog::Rejected);
    if (!lang.isEmpty())
        return 0;

    const QString ansi = QStringLiteral(
        "\x1b[1mBuilding punctual\x1b[0m\n"
        "\x1b[32m✔\x1b[0m core       \x1b[2m(312 files)\x1b[0m\n"
        "\x1b[32m✔\x1b[0m ui         \x1b[2m(98 files)\x1b[0m\n"
        "\x1b[33mwarning:\x1b[0m unused variable \x1b[1m'spare'\x1b[0m in \x1b[36mui/widgets/outputview.cpp:42\x1b[0m\n"
        "\x1b[31;1merror:\x1b[0m tests failed: \x1b[31m2\x1b[0m of \x1b[1m140\x1b[0m\n"
        "\x1b]0;punctual build\x07\x1b[2K\x1b[34mhint:\x1b[0m run \x1b[35mctest --rerun-failed\x1b[0m\n"
        "\x1b[7m DONE \x1b[0m \x1b[90min 41 s\x1b[0m\n");
    for (const bool dark : {false, true}) {
        OutputView view;
        if (dark) {
            QPalette palette = view.palette();
            palette.setColor(QPalette::Base, QColor(0x1E1F22));
            palette.setColor(QPalette::Text, QColor(0xDFE1E5));
            palette.setColor(QPalette::Window, QColor(0x2B2D30));
            palette.setColor(QPalette::WindowText, QColor(0xDFE1E5));
            palette.setColor(QPalette::Button, QColor(0x2B2D30));
            palette.setColor(QPalette::ButtonText, QColor(0xDFE1E5));
            view.setPalette(palette);
        }
        view.resize(640, 240);
        view.setOutput(ansi);
        view.show();
        QTest::qWaitForWindowExposed(&view);
        view.textView()->moveCursor(QTextCursor::Start);
        save(&view, out + (dark ? QStringLiteral("/output-ansi-dark.png") : QStringLiteral("/output-ansi.png")));
    }
    return 0;
}

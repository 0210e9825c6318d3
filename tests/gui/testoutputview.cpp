// The run output view on the offscreen platform: ANSI colours as formats, binary marked or dumped, Find with a
// count, a remembered Wrap lines toggle and Save output… through the real file dialog.
#include "util/outputbytes.h"
#include "widgets/outputview.h"
#include "widgets/terminaltext.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>

using namespace punctual;

namespace {

/// The character format at @p position of @p view's text (the format of the character after it).
QTextCharFormat formatAt(const QPlainTextEdit *view, int position)
{
    QTextCursor cursor(view->document());
    cursor.setPosition(position + 1);
    return cursor.charFormat();
}

/// WCAG contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestOutputView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("testoutputview"));
        QSettings().clear();
    }

    void ansiColoursBecomeFormatsAndOtherEscapesGo()
    {
        OutputView view;
        view.setOutput(QStringLiteral("\x1b[31mred\x1b[0m plain \x1b[1;32mbold green\x1b[0m\x1b]0;a title\x07"
                                      "\x1b[2K\x1b[?25l end\r\n"));
        const QPlainTextEdit *text = view.textView();
        QCOMPARE(text->toPlainText(), QStringLiteral("red plain bold green end\n"));
        const bool dark = text->palette().color(QPalette::Base).lightness() < 128;
        QCOMPARE(formatAt(text, 0).foreground().color(), TerminalText::ansiColor(1, dark));
        QVERIFY(formatAt(text, 0).fontWeight() != QFont::Bold);
        QVERIFY(!formatAt(text, 4).foreground().style() || formatAt(text, 4).foreground().color() != TerminalText::ansiColor(1, dark));
        const int bold = int(text->toPlainText().indexOf(QLatin1String("bold")));
        QCOMPARE(formatAt(text, bold).foreground().color(), TerminalText::ansiColor(2, dark));
        QCOMPARE(formatAt(text, bold).fontWeight(), int(QFont::Bold));
    }

    void anEscapeSplitBetweenChunksStillColours()
    {
        OutputView view;
        view.setOutput(QStringLiteral("a\x1b[3"));
        view.setOutput(QStringLiteral("a\x1b[34mblue"));
        QCOMPARE(view.textView()->toPlainText(), QStringLiteral("ablue"));
        const bool dark = view.textView()->palette().color(QPalette::Base).lightness() < 128;
        QCOMPARE(formatAt(view.textView(), 1).foreground().color(), TerminalText::ansiColor(4, dark));
    }

    void coloursReadOnLightAndDarkBases()
    {
        // The eight basic colours and their bright forms keep a readable contrast on either base.
        for (const bool dark : {false, true}) {
            const QColor base = dark ? QColor(0x1E1E1E) : QColor(Qt::white);
            for (int index = 0; index < 16; ++index) {
                const double ratio = contrast(TerminalText::ansiColor(index, dark), base);
                QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("colour %1 on %2: %3").arg(index)
                                                      .arg(dark ? "dark" : "light").arg(ratio)));
            }
        }
        // A dark palette switches the table.
        OutputView view;
        QPalette palette = view.palette();
        palette.setColor(QPalette::Base, QColor(0x1E1E1E));
        palette.setColor(QPalette::Text, QColor(0xE0E0E0));
        view.setPalette(palette);
        view.setOutput(QStringLiteral("\x1b[30mblack"));
        QCOMPARE(formatAt(view.textView(), 0).foreground().color(), TerminalText::ansiColor(0, true));
    }

    void someBinaryIsMarkedNeverReplaced()
    {
        OutputView view;
        const QString output = outputbytes::decode(QByteArray("header\n\xFF\xFE ok \x00 done\n", 19));
        view.setOutput(output);
        const QString shown = view.textView()->toPlainText();
        QVERIFY(!shown.contains(QChar::ReplacementCharacter));
        QVERIFY2(shown.contains(QLatin1String("<FF><FE> ok <00> done")), qPrintable(shown));
        QVERIFY(!view.showsHexDump());
        auto *notice = view.findChild<QLabel *>(QStringLiteral("outputNotice"));
        QVERIFY(notice->isVisibleTo(&view));
        QVERIFY2(notice->text().contains(QLatin1String("3")), qPrintable(notice->text()));
    }

    void mostlyBinaryIsAHexDump()
    {
        OutputView view;
        QByteArray bytes;
        for (int i = 0; i < 64; ++i)
            bytes += char(i * 4);
        view.setOutput(outputbytes::decode(bytes));
        QVERIFY(view.showsHexDump());
        const QString shown = view.textView()->toPlainText();
        QVERIFY(shown.startsWith(QLatin1String("00000000  00 04 08 0c")));
        QVERIFY(!shown.contains(QChar::ReplacementCharacter));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("outputNotice"))->text().contains(QLatin1String("hex dump")));
    }

    void findCountsAndMovesWithCtrlF()
    {
        QWidget window;
        // A window-wide Ctrl+F (the job search's) must not take the key while the output has focus.
        auto *windowFind = new QAction(&window);
        windowFind->setShortcut(QKeySequence::Find);
        window.addAction(windowFind);
        int windowFinds = 0;
        connect(windowFind, &QAction::triggered, this, [&windowFinds] { ++windowFinds; });
        auto *view = new OutputView(&window);
        window.resize(600, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setOutput(QStringLiteral("alpha beta\nALPHA gamma\nalpha\n"));
        view->textView()->setFocus();
        QTest::keyClick(view->textView(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(windowFinds, 0);
        QLineEdit *field = view->findField();
        QVERIFY(field->isVisible());
        QVERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("alpha"));
        QCOMPARE(view->matchLabel()->text(), QStringLiteral("Match 1 of 3"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(view->matchLabel()->text(), QStringLiteral("Match 2 of 3"));
        QCOMPARE(view->textView()->textCursor().selectedText(), QStringLiteral("ALPHA"));
        QTest::keyClick(field, Qt::Key_Return);
        QTest::keyClick(field, Qt::Key_Return); // past the last: from the top again
        QCOMPARE(view->matchLabel()->text(), QStringLiteral("Match 1 of 3"));
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(view->matchLabel()->text(), QStringLiteral("Match 3 of 3"));
        field->setText(QStringLiteral("delta"));
        QCOMPARE(view->matchLabel()->text(), QStringLiteral("No matches"));
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!field->isVisible());
        QVERIFY(view->textView()->hasFocus());
    }

    void wrapLinesIsRemembered()
    {
        {
            OutputView view;
            QVERIFY(!view.wrapButton()->isChecked());
            QCOMPARE(view.textView()->lineWrapMode(), QPlainTextEdit::NoWrap);
            view.wrapButton()->click();
            QCOMPARE(view.textView()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
        }
        OutputView again;
        QVERIFY(again.wrapButton()->isChecked());
        QCOMPARE(again.textView()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
        again.wrapButton()->click();
        QVERIFY(!OutputView().wrapButton()->isChecked());
    }

    void saveWritesTheBytesAndSaysWhyNot()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        OutputView view;
        view.show();
        QVERIFY(!view.saveButton()->isEnabled()); // nothing to save yet
        const QByteArray bytes("\x1b[31mred\x1b[0m \xFF\n", 15);
        view.setOutput(outputbytes::decode(bytes));
        QVERIFY(view.saveButton()->isEnabled());
        const QString path = dir.filePath(QStringLiteral("saved.log"));
        // Through the file dialog, as a user does.
        bool answered = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->selectFile(path);
            QMetaObject::invokeMethod(dialog, "accept");
            answered = true;
        });
        view.saveButton()->click();
        QVERIFY(answered);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), bytes); // as the job wrote it

        QString shownError;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            shownError = box->text();
            box->close();
        });
        QVERIFY(!view.saveTo(dir.filePath(QStringLiteral("no/such/folder/out.log"))));
        QVERIFY2(shownError.contains(QLatin1String("no/such/folder/out.log")), qPrintable(shownError));
    }
};

QTEST_MAIN(TestOutputView)
#include "testoutputview.moc"

// Captured output that is not UTF-8: kept byte for byte (outputbytes.h), from a real process's output to the record.
#include "executors/commandexecutor.h"
#include "mock/fakeclock.h"
#include "util/outputbytes.h"

#include <QSignalSpy>
#include <QTest>

using namespace punctual;

class TestOutputBytes : public QObject
{
    Q_OBJECT

private slots:
    void validUtf8IsText()
    {
        const QByteArray bytes = QStringLiteral("grüße 你好 \u00A0tab\there\n").toUtf8();
        QCOMPARE(outputbytes::decode(bytes), QString::fromUtf8(bytes));
        QCOMPARE(outputbytes::encode(outputbytes::decode(bytes)), bytes);
    }

    void invalidBytesAreKeptNotReplaced()
    {
        // A lone continuation byte, a lead byte without its tail, an overlong "/", a surrogate, 0xFF; NUL is text.
        const QByteArray bytes("ok\x80 \xC3x \xC0\xAF \xED\xA0\x80 \xFF\x00!", 17);
        const QString text = outputbytes::decode(bytes);
        QVERIFY(!text.contains(QChar::ReplacementCharacter));
        QCOMPARE(outputbytes::encode(text), bytes);
        QVERIFY(text.startsWith(QLatin1String("ok")));
        QVERIFY(outputbytes::isRawByte(text[2]));
        QCOMPARE(outputbytes::rawByteOf(text[2]), 0x80);
        QCOMPARE(text[4].unicode(), outputbytes::rawByteBase + 0x43); // 0xC3
        QCOMPARE(text[5], QLatin1Char('x'));
        QVERIFY(text.contains(QChar(0)));
    }

    void aStreamSplitInsideASequenceDecodesAsAWhole()
    {
        const QByteArray bytes = QStringLiteral("ä€😀").toUtf8() + QByteArray("\xFE", 1);
        outputbytes::StreamDecoder decoder;
        QString text;
        for (const char byte : bytes)
            text += decoder.decode(QByteArrayView(&byte, 1));
        text += decoder.flush();
        QCOMPARE(text, outputbytes::decode(bytes));
        QCOMPARE(text.left(4), QStringLiteral("ä€😀"));
        // Cut at the end: the held-back bytes come out raw.
        QCOMPARE(decoder.decode(QByteArray("\xE2\x82", 2)), QString());
        QCOMPARE(outputbytes::encode(decoder.flush()), QByteArray("\xE2\x82", 2));
    }

    void aProcessWritingBinaryIsRecordedByteForByte()
    {
        // A real program: the record (and the live output) keep what it wrote, not U+FFFD.
        FakeClock clock(1'700'000'000'000);
        CommandExecutor executor(clock);
        QSignalSpy finished(&executor, &Executor::finished);
        CommandAction action;
        action.program = QStringLiteral("/usr/bin/printf");
        action.arguments = {QStringLiteral("A\\377\\000B\\303\\251\\n")};
        ExecutionRequest request;
        request.token = 1;
        request.jobId = QStringLiteral("binary");
        request.scheduledTime = clock.nowMs();
        request.action = action;
        executor.start(request);
        QVERIFY(finished.wait(10'000));
        const QString output = finished.at(0).at(1).value<ExecutionResult>().output;
        QVERIFY(!output.contains(QChar::ReplacementCharacter));
        QCOMPARE(outputbytes::encode(output), QByteArray("A\xFF\0B\xC3\xA9\n", 7));
        QCOMPARE(output.right(3), QStringLiteral("Bé\n"));
    }
};

QTEST_GUILESS_MAIN(TestOutputBytes)
#include "testoutputbytes.moc"

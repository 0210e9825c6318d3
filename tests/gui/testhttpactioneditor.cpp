// The job editor's HTTP page inside ActionEditor (URL lines checked one by one, POST fields, settings kept) and
// the retry backoff controls of the options editor, offscreen.
#include "dialogs/actioneditor.h"
#include "dialogs/httpactioneditor.h"
#include "dialogs/optionseditor.h"
#include "executors/functionregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace punctual;

class TestHttpActionEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void choosingHttpShowsThePage();
    void invalidLinesAreNamed();
    void bodyFieldsOnlyForPost();
    void setActionRoundTripsAndKeepsHeaders();
    void optionsEditorBackoff();

private:
    template <typename T>
    T *child(const char *name) const
    {
        T *widget = m_editor->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void chooseHttp();

    FunctionRegistry m_functions;
    std::unique_ptr<ActionEditor> m_editor;
};

void TestHttpActionEditor::init()
{
    m_editor = std::make_unique<ActionEditor>(m_functions);
    m_editor->show();
}

void TestHttpActionEditor::cleanup()
{
    m_editor.reset();
}

void TestHttpActionEditor::chooseHttp()
{
    auto *kind = child<QComboBox>("actionKindCombo");
    const int index = kind->findText(QStringLiteral("HTTP requests"));
    QVERIFY(index >= 0);
    kind->setCurrentIndex(index);
}

void TestHttpActionEditor::choosingHttpShowsThePage()
{
    QVERIFY(!child<QWidget>("httpPage")->isVisible());
    chooseHttp();
    QVERIFY(child<QWidget>("httpPage")->isVisible());
    QVERIFY(!child<QWidget>("commandPage")->isVisible());
    // Nothing typed yet: no action, but no error shouting at an empty field either.
    QCOMPARE(m_editor->action().error().message, QStringLiteral("Enter at least one URL to request"));
    QVERIFY(!child<QLabel>("httpUrlsError")->isVisible());
    // The defaults a new http job starts from.
    QCOMPARE(child<QComboBox>("httpMethodCombo")->currentText(), QStringLiteral("GET"));
    QCOMPARE(child<QSpinBox>("httpConcurrencySpin")->value(), 4);
    QCOMPARE(child<QSpinBox>("httpRequestTimeoutSpin")->value(), 30);
    QVERIFY(child<QCheckBox>("httpFollowRedirectsCheck")->isChecked());
    QVERIFY(child<QCheckBox>("httpFailOnErrorCheck")->isChecked());
}

void TestHttpActionEditor::invalidLinesAreNamed()
{
    chooseHttp();
    QSignalSpy edited(m_editor.get(), &ActionEditor::edited);
    child<QPlainTextEdit>("httpUrlsEdit")->setPlainText(
        QStringLiteral("http://localhost:8080/\n\nlocalhost:8080/products\nhttps://example.com/a b\n"));
    QVERIFY(!edited.isEmpty());
    auto *error = child<QLabel>("httpUrlsError");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Line 3: \"localhost:8080/products\" is not an http or https URL\n"
                                           "Line 4: \"https://example.com/a b\" is not an http or https URL"));
    QCOMPARE(m_editor->action().error().message, error->text());

    child<QPlainTextEdit>("httpUrlsEdit")->setPlainText(
        QStringLiteral("http://localhost:8080/\n\n  http://localhost:8080/products  \n"));
    QVERIFY(!error->isVisible());
    const auto action = m_editor->action();
    QVERIFY2(action, action ? "" : qPrintable(action.error().message));
    const auto &http = std::get<HttpAction>(action.value());
    QCOMPARE(http.urls, (QStringList{"http://localhost:8080/", "http://localhost:8080/products"}));
    QCOMPARE(http.method, QStringLiteral("GET"));
    QCOMPARE(http.requestTimeoutMs, 30'000);
    QVERIFY(http.body.isEmpty());
}

void TestHttpActionEditor::bodyFieldsOnlyForPost()
{
    chooseHttp();
    child<QPlainTextEdit>("httpUrlsEdit")->setPlainText(QStringLiteral("http://localhost:8080/hook"));
    auto *body = child<QPlainTextEdit>("httpBodyEdit");
    auto *type = child<QLineEdit>("httpContentTypeEdit");
    QVERIFY(!body->isVisible());
    QVERIFY(!type->isVisible());
    child<QComboBox>("httpMethodCombo")->setCurrentText(QStringLiteral("POST"));
    QVERIFY(body->isVisible());
    QVERIFY(type->isVisible());
    body->setPlainText(QStringLiteral("{\"warm\":true}"));
    type->setText(QStringLiteral("application/json"));
    child<QSpinBox>("httpConcurrencySpin")->setValue(2);
    child<QSpinBox>("httpRequestTimeoutSpin")->setValue(5);
    child<QCheckBox>("httpFollowRedirectsCheck")->setChecked(false);
    child<QCheckBox>("httpFailOnErrorCheck")->setChecked(false);
    auto action = m_editor->action();
    QVERIFY2(action, action ? "" : qPrintable(action.error().message));
    const HttpAction post = std::get<HttpAction>(action.value());
    QCOMPARE(post.method, QStringLiteral("POST"));
    QCOMPARE(post.body, QByteArray("{\"warm\":true}"));
    QCOMPARE(post.contentType, QStringLiteral("application/json"));
    QCOMPARE(post.concurrency, 2);
    QCOMPARE(post.requestTimeoutMs, 5'000);
    QVERIFY(!post.followRedirects);
    QVERIFY(!post.failOnHttpError);

    // Back to GET: the body is hidden and not sent.
    child<QComboBox>("httpMethodCombo")->setCurrentText(QStringLiteral("GET"));
    QVERIFY(!body->isVisible());
    action = m_editor->action();
    QVERIFY(std::get<HttpAction>(action.value()).body.isEmpty());
    QVERIFY(std::get<HttpAction>(action.value()).contentType.isEmpty());
}

void TestHttpActionEditor::setActionRoundTripsAndKeepsHeaders()
{
    HttpAction original;
    original.urls = {QStringLiteral("https://example.com/"), QStringLiteral("https://example.com/search?q=x")};
    original.method = QStringLiteral("HEAD");
    original.headers.insert(QStringLiteral("Authorization"), QStringLiteral("Bearer abc")); // no field for it
    original.concurrency = 8;
    original.requestTimeoutMs = 2'500; // shown as 3 s; kept while untouched
    original.followRedirects = false;
    m_editor->setAction(original);
    QVERIFY(child<QWidget>("httpPage")->isVisible());
    QCOMPARE(child<QComboBox>("actionKindCombo")->currentText(), QStringLiteral("HTTP requests"));
    QCOMPARE(child<QSpinBox>("httpRequestTimeoutSpin")->value(), 3);
    const auto action = m_editor->action();
    QVERIFY2(action, action ? "" : qPrintable(action.error().message));
    QVERIFY(std::get<HttpAction>(action.value()) == original);

    child<QSpinBox>("httpRequestTimeoutSpin")->setValue(10);
    QCOMPARE(std::get<HttpAction>(m_editor->action().value()).requestTimeoutMs, 10'000);
}

void TestHttpActionEditor::optionsEditorBackoff()
{
    OptionsEditor editor;
    auto *retries = editor.findChild<QSpinBox *>(QStringLiteral("retriesSpin"));
    auto *backoff = editor.findChild<QDoubleSpinBox *>(QStringLiteral("retryBackoffSpin"));
    auto *longest = editor.findChild<QSpinBox *>(QStringLiteral("retryDelayMaxSpin"));
    QVERIFY(retries && backoff && longest);
    // Tooltips say it in words; the JSON names are in docs/scheduling.md.
    QVERIFY(backoff->toolTip().contains(QLatin1String("wait")) && !backoff->toolTip().contains(QLatin1String("retry_")));
    QVERIFY(longest->toolTip().contains(QLatin1String("wait")) && !longest->toolTip().contains(QLatin1String("retry_")));
    // Defaults: the same wait each time, no limit; nothing to set while there are no retries.
    QCOMPARE(backoff->value(), 1.0);
    QCOMPARE(backoff->text(), QStringLiteral("no, the same each time"));
    QVERIFY(!backoff->isEnabled());
    QVERIFY(!longest->isEnabled());

    JobOptions options;
    options.maxRetries = 3;
    options.retryDelayMs = 10'000;
    options.retryBackoff = 2.25; // one decimal shown; kept while untouched
    options.retryDelayMaxMs = 600'000;
    editor.setOptions(options);
    QVERIFY(backoff->isEnabled());
    QVERIFY(longest->isEnabled());
    QCOMPARE(longest->value(), 600);
    QVERIFY(editor.options() == options);

    QSignalSpy edited(&editor, &OptionsEditor::edited);
    backoff->setValue(3.0);
    longest->setValue(0);
    QCOMPARE(edited.size(), 2);
    const JobOptions changed = editor.options();
    QCOMPARE(changed.retryBackoff, 3.0);
    QCOMPARE(changed.retryDelayMaxMs, std::nullopt);
    QCOMPARE(changed.retryDelayAfter(3), 90'000);

    backoff->setValue(1.0);
    QVERIFY(!longest->isEnabled()); // a wait that does not grow needs no limit
    retries->setValue(1);
    QVERIFY(!backoff->isEnabled()); // one retry has one wait: nothing to grow
}

QTEST_MAIN(TestHttpActionEditor)
#include "testhttpactioneditor.moc"

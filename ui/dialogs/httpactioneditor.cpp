// The job editor's HTTP page: reads an http action from its fields and names the lines that are not URLs.
#include "httpactioneditor.h"

#include "fieldmessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace punctual {

namespace {

// Invalid lines named in the message; the rest are counted.
constexpr int namedLines = 5;

} // namespace

HttpActionEditor::HttpActionEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("httpPage"));

    m_urlsEdit = new QPlainTextEdit(this);
    m_urlsEdit->setObjectName(QStringLiteral("httpUrlsEdit"));
    m_urlsEdit->setPlaceholderText(tr("One URL per line, e.g.\nhttp://localhost:8080/\nhttp://localhost:8080/products"));
    m_urlsEdit->setToolTip(tr("The addresses requested at each run, one per line (http:// or https://)"));
    m_urlsEdit->setTabChangesFocus(true);
    m_urlsEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_urlsEdit->setFixedHeight(QFontMetrics(m_urlsEdit->font()).lineSpacing() * 3 + 12); // scrolls beyond 3
    m_urlsError = new FieldMessage(this);
    m_urlsError->setObjectName(QStringLiteral("httpUrlsError"));

    m_methodCombo = new QComboBox(this);
    m_methodCombo->setObjectName(QStringLiteral("httpMethodCombo"));
    m_methodCombo->setAccessibleName(tr("Method"));
    m_methodCombo->addItems({QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST")});
    m_methodCombo->setToolTip(tr("GET fetches each page (its body is counted, not kept); HEAD asks for the headers "
                                 "only; POST sends the body below to every URL"));
    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_methodCombo);

    m_bodyEdit = new QPlainTextEdit(this);
    m_bodyEdit->setObjectName(QStringLiteral("httpBodyEdit"));
    m_bodyEdit->setTabChangesFocus(true);
    m_bodyEdit->setFixedHeight(QFontMetrics(m_bodyEdit->font()).lineSpacing() * 3 + 12);
    m_bodyEdit->setToolTip(tr("The request body POST sends (UTF-8 text)"));
    m_contentTypeEdit = new QLineEdit(this);
    m_contentTypeEdit->setObjectName(QStringLiteral("httpContentTypeEdit"));
    m_contentTypeEdit->setPlaceholderText(QStringLiteral("application/octet-stream"));
    m_contentTypeEdit->setToolTip(tr("The body's Content-Type header, e.g. application/json"));

    m_concurrencySpin = new QSpinBox(this);
    m_concurrencySpin->setObjectName(QStringLiteral("httpConcurrencySpin"));
    m_concurrencySpin->setRange(1, 64);
    m_concurrencySpin->setToolTip(tr("How many requests may be waiting for an answer at the same time "
                                     "(concurrency); Qt opens at most 6 connections to one host"));
    auto *concurrencyWords = new QLabel(tr("requests at a time, at most"), this);
    // Beside the method: the page must fit a small screen beside the rest of the editor.
    m_concurrencySpin->setAccessibleName(tr("Requests at a time, at most"));
    methodRow->addSpacing(12);
    methodRow->addWidget(m_concurrencySpin);
    methodRow->addWidget(concurrencyWords);
    methodRow->addStretch();

    m_requestTimeoutSpin = new QSpinBox(this);
    m_requestTimeoutSpin->setObjectName(QStringLiteral("httpRequestTimeoutSpin"));
    m_requestTimeoutSpin->setRange(1, 3600);
    m_requestTimeoutSpin->setSuffix(tr(" s"));
    m_requestTimeoutSpin->setToolTip(tr("A URL that has not been answered completely after this long fails as "
                                        "timed out; the other URLs still run"));
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(m_requestTimeoutSpin);
    timeoutRow->addStretch();

    m_followRedirectsCheck = new QCheckBox(tr("Follow &redirects"), this);
    m_followRedirectsCheck->setObjectName(QStringLiteral("httpFollowRedirectsCheck"));
    m_followRedirectsCheck->setToolTip(tr("On: a redirect is followed and the address it leads to is recorded. Off: "
                                          "a redirect is the answer, recorded with where it points"));
    m_failOnHttpErrorCheck = new QCheckBox(tr("A status other than 2&xx fails the run"), this);
    m_failOnHttpErrorCheck->setObjectName(QStringLiteral("httpFailOnErrorCheck"));
    m_failOnHttpErrorCheck->setToolTip(tr("Off: any answer counts, 404 and 500 included; only network errors and "
                                          "timeouts fail the run"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(buddyLabel(tr("&URLs:"), m_urlsEdit), m_urlsEdit);
    form->addRow(QString(), m_urlsError);
    form->addRow(buddyLabel(tr("&Method:"), m_methodCombo), methodRow);
    m_bodyLabel = buddyLabel(tr("&Body:"), m_bodyEdit);
    form->addRow(m_bodyLabel, m_bodyEdit);
    m_contentTypeLabel = buddyLabel(tr("Content &type:"), m_contentTypeEdit);
    form->addRow(m_contentTypeLabel, m_contentTypeEdit);
    form->addRow(buddyLabel(tr("Give up on a URL a&fter:"), m_requestTimeoutSpin), timeoutRow);
    // One line for both: the page must fit a 1024 px screen beside the rest of the editor.
    auto *checks = new QHBoxLayout;
    checks->addWidget(m_followRedirectsCheck);
    checks->addSpacing(12);
    checks->addWidget(m_failOnHttpErrorCheck);
    checks->addStretch();
    form->addRow(QString(), checks);

    const auto changed = [this] {
        updateFields();
        emit edited();
    };
    connect(m_urlsEdit, &QPlainTextEdit::textChanged, this, changed);
    connect(m_bodyEdit, &QPlainTextEdit::textChanged, this, changed);
    connect(m_contentTypeEdit, &QLineEdit::textChanged, this, changed);
    connect(m_methodCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_concurrencySpin, &QSpinBox::valueChanged, this, changed);
    connect(m_requestTimeoutSpin, &QSpinBox::valueChanged, this, changed);
    connect(m_followRedirectsCheck, &QCheckBox::toggled, this, changed);
    connect(m_failOnHttpErrorCheck, &QCheckBox::toggled, this, changed);

    setAction(HttpAction{});
    m_original.reset(); // the defaults shown are not an action to keep settings of
}

void HttpActionEditor::setAction(const HttpAction &action)
{
    m_original = action;
    m_urlsEdit->setPlainText(action.urls.join(QLatin1Char('\n')));
    m_methodCombo->setCurrentText(action.method);
    m_bodyEdit->setPlainText(QString::fromUtf8(action.body));
    m_contentTypeEdit->setText(action.contentType);
    m_concurrencySpin->setValue(action.concurrency);
    m_requestTimeoutSpin->setValue(std::max(1, roundToSeconds(action.requestTimeoutMs)));
    m_followRedirectsCheck->setChecked(action.followRedirects);
    m_failOnHttpErrorCheck->setChecked(action.failOnHttpError);
    updateFields();
}

QStringList HttpActionEditor::urlLines(QString *problems) const
{
    QStringList urls;
    QStringList bad;
    int badCount = 0;
    const QStringList lines = m_urlsEdit->toPlainText().split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        if (const QString problem = httpUrlProblem(line); !problem.isEmpty()) {
            if (++badCount <= namedLines)
                bad << tr("Line %1: %2").arg(i + 1).arg(problem);
            continue;
        }
        urls << line;
    }
    if (badCount > namedLines)
        bad << tr("(and %1 more lines that are not URLs)").arg(badCount - namedLines);
    *problems = bad.join(QLatin1Char('\n'));
    return urls;
}

Result<HttpAction> HttpActionEditor::action() const
{
    QString problems;
    const QStringList urls = urlLines(&problems);
    if (!problems.isEmpty())
        return invalidInput(problems);
    if (urls.isEmpty())
        return invalidInput(tr("Enter at least one URL to request"));
    HttpAction http = m_original.value_or(HttpAction{});
    http.urls = urls;
    http.method = m_methodCombo->currentText();
    const bool post = http.method == QLatin1String("POST");
    http.body = post ? m_bodyEdit->toPlainText().toUtf8() : QByteArray();
    http.contentType = post ? m_contentTypeEdit->text().trimmed() : QString();
    http.concurrency = m_concurrencySpin->value();
    http.requestTimeoutMs = secondsToMs(m_requestTimeoutSpin->value(),
                                        m_original ? std::optional(m_original->requestTimeoutMs) : std::nullopt);
    http.followRedirects = m_followRedirectsCheck->isChecked();
    http.failOnHttpError = m_failOnHttpErrorCheck->isChecked();
    // The same rules as a job file or punctualctl: what saves here also loads there.
    if (auto checked = actionFromJson(actionToJson(Action{http})); !checked)
        return checked.error();
    return http;
}

void HttpActionEditor::updateFields()
{
    const bool post = m_methodCombo->currentText() == QLatin1String("POST");
    for (QWidget *widget : {static_cast<QWidget *>(m_bodyLabel), static_cast<QWidget *>(m_bodyEdit),
                            static_cast<QWidget *>(m_contentTypeLabel), static_cast<QWidget *>(m_contentTypeEdit)})
        widget->setVisible(post);
    QString problems;
    urlLines(&problems);
    if (problems.isEmpty())
        m_urlsError->clearMessage();
    else
        m_urlsError->showMessage(problems);
}

} // namespace punctual

// The job editor's HTTP page: the URLs to request, the method (and a POST's body), concurrency, timeout, redirects.
#pragma once

#include "jobs/action.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace punctual {

class FieldMessage;

/**
 * Collects an HttpAction. URLs are one per line (blank lines are ignored); every line that is not an http or
 * https URL is named, with its line number, in the message under the field. The body and its content type are
 * shown for POST only. Settings without a field here (extra request headers) and a sub-second request timeout
 * nobody touched are kept from the action given to setAction().
 *
 * Object names: httpUrlsEdit, httpUrlsError, httpMethodCombo, httpBodyEdit, httpContentTypeEdit,
 * httpConcurrencySpin, httpRequestTimeoutSpin, httpFollowRedirectsCheck, httpFailOnErrorCheck.
 */
class HttpActionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpActionEditor)

public:
    explicit HttpActionEditor(QWidget *parent = nullptr);

    void setAction(const HttpAction &action);
    /// The action as entered, or what is wrong (checked by core's rules for a job's http action).
    Result<HttpAction> action() const;

signals:
    void edited();

private:
    /// The URL lines, and a message naming the lines that are not URLs (empty when all are).
    QStringList urlLines(QString *problems) const;
    void updateFields();

    std::optional<HttpAction> m_original;

    QPlainTextEdit *m_urlsEdit = nullptr;
    FieldMessage *m_urlsError = nullptr;
    QComboBox *m_methodCombo = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QPlainTextEdit *m_bodyEdit = nullptr;
    QLabel *m_contentTypeLabel = nullptr;
    QLineEdit *m_contentTypeEdit = nullptr;
    QSpinBox *m_concurrencySpin = nullptr;
    QSpinBox *m_requestTimeoutSpin = nullptr;
    QCheckBox *m_followRedirectsCheck = nullptr;
    QCheckBox *m_failOnHttpErrorCheck = nullptr;
};

} // namespace punctual

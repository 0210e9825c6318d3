// Shown instead of the job table when the search and state filter leave no job.
#include "nomatchstate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace punctual {

NoMatchState::NoMatchState(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_clear(new QPushButton(tr("&Clear search"), this))
{
    setObjectName(QStringLiteral("noMatchState"));
    m_text->setObjectName(QStringLiteral("noMatchText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    QFont font = m_text->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    m_text->setFont(font);
    m_clear->setObjectName(QStringLiteral("noMatchClearButton"));
    m_clear->setAccessibleName(tr("Clear the search and the state filter"));
    connect(m_clear, &QPushButton::clicked, this, &NoMatchState::clearRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_clear);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    layout->addStretch(3);
}

void NoMatchState::setFilter(const QString &text, const QString &stateName)
{
    const QString words = text.simplified();
    QString said;
    if (!words.isEmpty() && !stateName.isEmpty())
        said = tr("No “%1” jobs match “%2”").arg(stateName, words);
    else if (!words.isEmpty())
        said = tr("No jobs match “%1”").arg(words);
    else
        said = tr("No jobs are “%1”").arg(stateName);
    m_text->setText(said);
    setAccessibleName(said);
}

QString NoMatchState::text() const
{
    return m_text->text();
}

} // namespace punctual

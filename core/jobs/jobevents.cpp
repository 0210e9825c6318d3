// Event triggers of a job: JSON and description.
#include "jobevents.h"

#include "time/duration.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace punctual {

namespace {

class JobEventsText
{
    Q_DECLARE_TR_FUNCTIONS(JobEvents)
};

const QString atStartKey = QStringLiteral("at_start");
const QString afterResumeKey = QStringLiteral("after_resume");
const QString networkUpKey = QStringLiteral("network_up");

} // namespace

QJsonValue JobEvents::toJson() const
{
    QJsonObject json;
    if (atStart)
        json.insert(atStartKey, true);
    if (afterResumeDelayMs)
        json.insert(afterResumeKey, static_cast<double>(*afterResumeDelayMs) / 1000.0);
    if (networkUp)
        json.insert(networkUpKey, true);
    return json;
}

Result<JobEvents> JobEvents::fromJson(const QJsonValue &value)
{
    JobEvents events;
    if (value.isUndefined() || value.isNull())
        return events;
    if (!value.isObject())
        return invalidInput(JobEventsText::tr("events must be an object with at_start, after_resume and network_up"));
    const QJsonObject json = value.toObject();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != atStartKey && it.key() != afterResumeKey && it.key() != networkUpKey)
            return invalidInput(JobEventsText::tr("events: unknown key \"%1\" (at_start, after_resume or network_up)")
                                    .arg(it.key()));
    }
    for (const auto &[key, target] : {std::pair{atStartKey, &events.atStart}, std::pair{networkUpKey, &events.networkUp}}) {
        const QJsonValue flag = json.value(key);
        if (flag.isUndefined() || flag.isNull())
            continue;
        if (!flag.isBool())
            return invalidInput(JobEventsText::tr("events: %1 must be true or false").arg(key));
        *target = flag.toBool();
    }
    const QJsonValue delay = json.value(afterResumeKey);
    if (!delay.isUndefined() && !delay.isNull()) {
        if (!delay.isDouble())
            return invalidInput(JobEventsText::tr("events: after_resume must be a number of seconds (0: no delay)"));
        auto ms = durationFromSeconds(delay.toDouble(), QStringLiteral("events: after_resume"), true);
        if (!ms)
            return ms.error();
        events.afterResumeDelayMs = ms.value();
    }
    return events;
}

QString JobEvents::description() const
{
    QStringList parts;
    if (atStart)
        parts.append(JobEventsText::tr("at start"));
    if (afterResumeDelayMs) {
        parts.append(*afterResumeDelayMs > 0
                         ? JobEventsText::tr("after wake-up (%1 later)").arg(formatDuration(*afterResumeDelayMs))
                         : JobEventsText::tr("after wake-up"));
    }
    if (networkUp)
        parts.append(JobEventsText::tr("when the network comes up"));
    return parts.join(JobEventsText::tr(", "));
}

QString describeSchedule(const QString &triggerDescription, bool eventsOnly, const JobEvents &events)
{
    if (!events.any())
        return triggerDescription;
    QString text = events.description();
    if (!eventsOnly)
        return JobEventsText::tr("%1; also %2").arg(triggerDescription, text);
    text[0] = text[0].toUpper();
    return text;
}

JobEvents eventsOfOptionsText(const QString &optionsText)
{
    // The key is written only when an event is set, and a quote inside a JSON string is escaped: most jobs are
    // answered by this search alone.
    if (!optionsText.contains(QLatin1String("\"events\":")))
        return {};
    const QJsonObject options = QJsonDocument::fromJson(optionsText.toUtf8()).object();
    auto events = JobEvents::fromJson(options.value(QStringLiteral("events")));
    return events ? events.value() : JobEvents{};
}

bool isEventTriggerText(const QString &triggerText)
{
    // Stored as compact JSON (no blanks); a string value cannot hold an unescaped quote.
    return triggerText.contains(QLatin1String("\"type\":\"event\""));
}

} // namespace punctual

// Crontab import: cronie's line forms, environment lines and their effect on the jobs below them.
#include "crontabimport.h"

#include "triggers/cronexpression.h"
#include "triggers/crontrigger.h"
#include "triggers/eventtrigger.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace punctual {

namespace {

class CrontabText
{
    Q_DECLARE_TR_FUNCTIONS(CrontabImport)
};

constexpr int maxNameLength = 48;
const QString defaultShell = QStringLiteral("/bin/sh");

/// What the environment lines above an entry have set.
struct CrontabEnvironment
{
    std::shared_ptr<const ZoneRules> zone;
    QString badZone;      ///< a CRON_TZ the system does not know, with its line: entries below are not taken
    QString shell = defaultShell;
    QString home;
    std::int64_t jitterMs = 0;
    QMap<QString, QString> variables; ///< exported to the commands
};

/// `NAME = value` as cronie's load_env() reads it; nothing when the line is not an environment setting.
std::optional<std::pair<QString, QString>> environmentSetting(const QString &line)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"re(^\s*(?:"([^"]*)"|'([^']*)'|([^\s="']+))\s*=(.*)$)re"));
    const QRegularExpressionMatch match = pattern.match(line);
    if (!match.hasMatch())
        return std::nullopt;
    QString name = match.captured(1) + match.captured(2) + match.captured(3);
    QString value = match.captured(4).trimmed();
    if (value.size() >= 2 && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))
        && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return std::make_pair(name, value);
}

/// The command with `\%` made a literal `%`; -1 in @p percentAt unless an unescaped `%` is found (its index).
QString unescapeCommand(const QString &command, qsizetype &percentAt)
{
    percentAt = -1;
    QString result;
    result.reserve(command.size());
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        if (c == QLatin1Char('\\') && i + 1 < command.size() && command.at(i + 1) == QLatin1Char('%')) {
            result += QLatin1Char('%');
            ++i;
        } else if (c == QLatin1Char('%')) {
            percentAt = i;
            return result;
        } else {
            result += c;
        }
    }
    return result;
}

QString stableId(const QString &expression, const CrontabEnvironment &env, const QString &command)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(expression.simplified().toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(env.zone->id());
    hash.addData(QByteArrayView("\n"));
    hash.addData(env.shell.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(command.toUtf8());
    return QStringLiteral("cron-") + QString::fromLatin1(hash.result().toHex().left(12));
}

class CrontabReader
{
public:
    explicit CrontabReader(const CrontabImport::Options &options)
    {
        m_env.zone = options.zone ? options.zone : ZoneRules::system();
        m_env.home = options.homeDirectory.isEmpty() ? QDir::homePath() : options.homeDirectory;
        m_nowMs = options.nowMs;
    }

    ImportContents read(const QString &text)
    {
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QString line = lines.at(i);
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
            readLine(static_cast<int>(i + 1), line);
        }
        return std::move(m_contents);
    }

private:
    void problem(int lineNumber, const QString &message)
    {
        m_contents.problems.append({CrontabText::tr("line %1").arg(lineNumber), message});
    }
    void note(int lineNumber, const QString &message)
    {
        m_contents.notes.append({CrontabText::tr("line %1").arg(lineNumber), message});
    }

    void readLine(int number, const QString &line)
    {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            return;
        if (const auto setting = environmentSetting(line)) {
            applySetting(number, setting->first, setting->second);
            return;
        }
        readEntry(number, trimmed);
    }

    void applySetting(int number, const QString &name, const QString &value)
    {
        if (name == QLatin1String("CRON_TZ")) {
            if (value.isEmpty()) {
                m_env.zone = ZoneRules::system();
                m_env.badZone.clear();
                return;
            }
            auto zone = ZoneRules::forZone(value.toUtf8());
            if (!zone) {
                problem(number, CrontabText::tr("CRON_TZ: \"%1\" is not a known time zone").arg(value));
                m_env.badZone = CrontabText::tr("its time zone is unknown (CRON_TZ on line %1)").arg(number);
                return;
            }
            m_env.zone = std::move(zone);
            m_env.badZone.clear();
        } else if (name == QLatin1String("SHELL")) {
            m_env.shell = value.isEmpty() ? defaultShell : value;
            m_env.variables.insert(name, m_env.shell);
        } else if (name == QLatin1String("HOME")) {
            m_env.home = value;
            m_env.variables.insert(name, value);
        } else if (name == QLatin1String("RANDOM_DELAY")) {
            bool ok = false;
            const int minutes = value.toInt(&ok);
            // At most a day (cronie's delay spreads start-ups; a longer one would push every run years away).
            if (!ok || minutes < 0 || minutes > 24 * 60) {
                problem(number, CrontabText::tr("RANDOM_DELAY must be a whole number of minutes from 0 to 1440, not "
                                                "\"%1\"")
                                    .arg(value));
                return;
            }
            m_env.jitterMs = std::int64_t(minutes) * 60'000;
        } else if (name == QLatin1String("MAILTO") || name == QLatin1String("MAILFROM")) {
            note(number, CrontabText::tr("%1 is ignored: Punctual sends no mail; a job's output is kept in its run "
                                         "history")
                             .arg(name));
        } else {
            m_env.variables.insert(name, value);
        }
    }

    void readEntry(int number, const QString &line)
    {
        // The schedule: one macro word or five fields; the rest of the line is the command.
        const int wanted = line.startsWith(QLatin1Char('@')) ? 1 : 5;
        qsizetype pos = 0;
        for (int field = 0; field < wanted; ++field) {
            while (pos < line.size() && line.at(pos).isSpace())
                ++pos;
            if (pos >= line.size()) {
                problem(number, CrontabText::tr("expected 5 time fields and a command"));
                return;
            }
            while (pos < line.size() && !line.at(pos).isSpace())
                ++pos;
        }
        const QString schedule = line.left(pos);
        const QString rawCommand = line.mid(pos).trimmed();
        // @reboot: run when the scheduler host starts (log-in or boot), with no schedule besides.
        const bool atStart = schedule.compare(QLatin1String("@reboot"), Qt::CaseInsensitive) == 0;
        auto parsed = atStart ? std::variant<CronExpression, CronParseError>(CronParseError{})
                              : CronExpression::parse(schedule);
        if (const auto *error = std::get_if<CronParseError>(&parsed); error && !atStart) {
            problem(number, error->toString());
            return;
        }
        if (rawCommand.isEmpty()) {
            problem(number, CrontabText::tr("no command after the schedule \"%1\"").arg(schedule));
            return;
        }
        if (!m_env.badZone.isEmpty()) {
            problem(number, CrontabText::tr("not imported: %1").arg(m_env.badZone));
            return;
        }
        qsizetype percentAt = -1;
        const QString command = unescapeCommand(rawCommand, percentAt);
        if (percentAt >= 0) {
            problem(number, CrontabText::tr("the command has an unescaped \"%\" (column %1), which cron turns into "
                                            "standard input; command jobs have none (write \\% for a literal %)")
                                .arg(line.size() - rawCommand.size() + percentAt + 1));
            return;
        }

        std::shared_ptr<Trigger> trigger;
        if (atStart)
            trigger = std::make_shared<EventTrigger>();
        else
            trigger = std::make_shared<CronTrigger>(std::get<CronExpression>(std::move(parsed)));
        trigger->setZone(m_env.zone);
        if (!atStart)
            trigger->setJitterMs(m_env.jitterMs);
        if (!atStart && m_nowMs && !trigger->nextFireTime(*m_nowMs)) {
            problem(number, CrontabText::tr("\"%1\" never fires (no such date within %2 years)")
                                .arg(schedule)
                                .arg(CronTrigger::searchYears));
            return;
        }

        CommandAction action;
        if (m_env.shell == defaultShell) {
            action.program = command;
            action.useShell = true;
        } else {
            action.program = m_env.shell;
            action.arguments = {QStringLiteral("-c"), command};
        }
        action.workingDirectory = m_env.home;
        action.environment = m_env.variables;

        Job job;
        job.id = stableId(schedule, m_env, command);
        for (int n = 2; m_ids.contains(job.id); ++n)
            job.id = stableId(schedule, m_env, command) + QStringLiteral("-%1").arg(n);
        m_ids.insert(job.id);
        job.name = CrontabImport::nameFromCommand(command);
        job.trigger = std::move(trigger);
        job.action = std::move(action);
        job.options.events.atStart = atStart;
        m_contents.jobs.append(std::move(job));
        m_contents.origins.append(CrontabText::tr("line %1").arg(number));
    }

    CrontabEnvironment m_env;
    ImportContents m_contents;
    QSet<QString> m_ids;
    std::optional<std::int64_t> m_nowMs;
};

} // namespace

ImportContents CrontabImport::parse(const QString &text, const Options &options)
{
    return CrontabReader(options).read(text);
}

Result<ImportContents> CrontabImport::read(const QString &path, const Options &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, CrontabText::tr("cannot read %1: %2").arg(path, file.errorString())};
    ImportContents contents = parse(QString::fromUtf8(file.readAll()), options);
    contents.title = QFileInfo(path).fileName();
    return contents;
}

QString CrontabImport::nameFromCommand(const QString &command)
{
    // Output redirections say where the log goes, not what the job is.
    static const QRegularExpression redirection(QStringLiteral(R"re(\s+(?:[0-9]*>>?|&>>?)\s*\S*)re"));
    QString name = command.simplified();
    const QRegularExpressionMatch match = redirection.match(name);
    if (match.hasMatch() && match.capturedStart() > 0)
        name = name.left(match.capturedStart());
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    const QString program = space < 0 ? name : name.left(space);
    if (program.contains(QLatin1Char('/')) && !program.endsWith(QLatin1Char('/')))
        name = program.mid(program.lastIndexOf(QLatin1Char('/')) + 1) + name.mid(program.size());
    if (name.size() > maxNameLength)
        name = name.left(maxNameLength - 1).trimmed() + QChar(0x2026);
    return name.isEmpty() ? command.simplified() : name;
}

} // namespace punctual

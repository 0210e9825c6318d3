// Rows of the runs table to run records and back.
#include "runrowcodec.h"

#include "store/sqlschema.h"
#include "store/sqlsession.h"
#include "store/sqlitestatement.h"
#include "store/sqlvalues.h"

#include <QSqlQuery>

#include <array>
#include <vector>

namespace punctual {

using namespace sqlschema;
using namespace sqlstore;

std::optional<RunRecord> RunRowCodec::read(const QSqlQuery &query)
{
    const QString outcomeName = query.value(runcol::Outcome).toString();
    const auto outcome = RunRecord::outcomeFromName(outcomeName);
    if (!outcome) {
        qCWarning(lcStore) << "skipping run" << query.value(runcol::Id).toLongLong() << "with unknown outcome"
                           << outcomeName;
        return std::nullopt;
    }
    RunRecord run;
    run.id = query.value(runcol::Id).toLongLong();
    run.jobId = query.value(runcol::JobId).toString();
    run.scheduledTime = query.value(runcol::ScheduledTime).toLongLong();
    run.startTime = optionalInt(query.value(runcol::StartTime));
    run.endTime = optionalInt(query.value(runcol::EndTime));
    run.outcome = *outcome;
    if (const QVariant exitCode = query.value(runcol::ExitCode); !exitCode.isNull())
        run.exitCode = exitCode.toInt();
    run.output = query.value(runcol::Output).toString();
    run.error = query.value(runcol::Error).toString();
    run.lateMs = optionalInt(query.value(runcol::LateMs));
    run.attempt = query.value(runcol::Attempt).toInt();
    run.instance = query.value(runcol::Instance).toString();
    // A reason a newer build wrote reads as scheduled: the run itself is still worth showing.
    run.reason = RunRecord::reasonFromName(query.value(runcol::Reason).toString()).value_or(RunReason::Scheduled);
    run.causedBy = optionalInt(query.value(runcol::CausedBy));
    run.count = std::max<qlonglong>(1, query.value(runcol::TimeCount).toLongLong());
    return run;
}

template <typename Query>
void RunRowCodec::bind(Query &query, const RunRecord &run)
{
    query.bindValue(runParam(runcol::Id), static_cast<qlonglong>(run.id));
    query.bindValue(runParam(runcol::JobId), run.jobId);
    query.bindValue(runParam(runcol::ScheduledTime), static_cast<qlonglong>(run.scheduledTime));
    query.bindValue(runParam(runcol::StartTime), optionalValue(run.startTime));
    query.bindValue(runParam(runcol::EndTime), optionalValue(run.endTime));
    query.bindValue(runParam(runcol::Outcome), RunRecord::outcomeName(run.outcome));
    query.bindValue(runParam(runcol::ExitCode),
                    run.exitCode ? QVariant(*run.exitCode) : QVariant(QMetaType::fromType<int>()));
    query.bindValue(runParam(runcol::Output), textValue(run.output));
    query.bindValue(runParam(runcol::Error), textValue(run.error));
    query.bindValue(runParam(runcol::LateMs), optionalValue(run.lateMs));
    query.bindValue(runParam(runcol::Attempt), run.attempt);
    query.bindValue(runParam(runcol::Reason), RunRecord::reasonName(run.reason));
    query.bindValue(runParam(runcol::CausedBy), optionalValue(run.causedBy));
    query.bindValue(runParam(runcol::TimeCount), static_cast<qlonglong>(run.count));
}

bool RunRowCodec::isFresh(const RunRecord &run)
{
    return run.outcome == RunOutcome::Running && !run.endTime && !run.exitCode
           && run.output.isEmpty() && run.error.isEmpty() && !run.lateMs && !run.causedBy && run.count == 1;
}

template <typename Query>
void RunRowCodec::bindFresh(Query &query, const RunRecord &run, std::optional<int> copy)
{
    // The numbered names are made once: a new string per bind would cost more than the bind.
    static const std::vector<std::array<QString, 5>> copies = [] {
        std::vector<std::array<QString, 5>> out(runsPerStatement);
        for (int k = 0; k < runsPerStatement; ++k) {
            out[k] = {numbered(runParam(runcol::JobId), k), numbered(runParam(runcol::ScheduledTime), k),
                      numbered(runParam(runcol::StartTime), k), numbered(runParam(runcol::Attempt), k),
                      numbered(runParam(runcol::Reason), k)};
        }
        return out;
    }();
    Q_ASSERT(!copy || *copy < runsPerStatement); // no statement repeats its row more often
    const auto name = [copy](int column, int slot) -> const QString & {
        return copy ? copies[*copy][slot] : runParam(column);
    };
    query.bindValue(name(runcol::JobId, 0), run.jobId);
    query.bindValue(name(runcol::ScheduledTime, 1), static_cast<qlonglong>(run.scheduledTime));
    query.bindValue(name(runcol::StartTime, 2), optionalValue(run.startTime));
    query.bindValue(name(runcol::Attempt, 3), run.attempt);
    query.bindValue(name(runcol::Reason, 4), RunRecord::reasonName(run.reason));
}

template void RunRowCodec::bind(QSqlQuery &, const RunRecord &);
template void RunRowCodec::bind(SqliteStatement &, const RunRecord &);
template void RunRowCodec::bindFresh(QSqlQuery &, const RunRecord &, std::optional<int>);
template void RunRowCodec::bindFresh(SqliteStatement &, const RunRecord &, std::optional<int>);

} // namespace punctual

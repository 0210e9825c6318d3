// The control protocol's methods in one table: names, effects and parameter checks for server, client and docs.
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <cstddef>
#include <span>
#include <string_view>

namespace punctual::control {

/// Every method of the protocol (docs/control-protocol.md), in the order of the methods table.
enum class Method
{
    Ping,
    Status,
    Add,
    AddJobs,
    List,
    Show,
    Pause,
    Resume,
    Modify,
    Reschedule,
    Remove,
    RemoveAll,
    RunNow,
    History,
    Activity,
    Raise,
    Subscribe,
    PauseScheduler,
    ResumeScheduler,
    Shutdown,
    Instances,
    Configure,
    PauseJobs,
    ResumeJobs,
    RemoveJobs,
    RunNowJobs,
    Stop,
    RunOutput,
    ReconnectStore,
    Backfill,
    Explain,
    Calendars,
    Calendar,
    PutCalendar,
    RemoveCalendar,
    RestoreJobs,
    MissedRuns,
    DismissMissed,
    Stats,
};
/// The number of methods (Stats is the last of Method).
inline constexpr std::size_t methodCount = static_cast<std::size_t>(Method::Stats) + 1;

/// What a method does to the instance's store.
enum class Effect
{
    Reads,   ///< reads only ("raise" only asks the app to show its window)
    Changes, ///< changes jobs, or starts and records a run
};

/// The JSON a parameter must hold; each kind has its own error message.
enum class ParamType
{
    String,
    Bool,
    Number,
    Count,   ///< a whole number from 1 to 10^9
    Trigger, ///< an object: a trigger's JSON (the handler reads it)
    Action,  ///< an object: an action's JSON (the handler reads it)
    Options, ///< an object of job option keys
    Jobs,    ///< an array (of jobs' JSON objects: the handler checks each)
    Ids,     ///< an array of strings (job ids)
    Calendar, ///< an object: an exclusion calendar's JSON with its "name" (the handler reads it)
};

/// Whether a parameter may be left out.
enum class Presence
{
    Required, ///< absent or null is an error
    Optional, ///< absent or null: not given
    NotNull,  ///< may be absent, but null is an error (modify: a given field is a change)
};

struct Param
{
    std::string_view name;
    ParamType type;
    Presence presence;
};

/// One row of the table. A request's params are checked against @ref params, in order, before the method's
/// handler runs (ControlServer); parameters not listed are ignored (add takes the job's own fields).
struct MethodSpec
{
    Method method;
    std::string_view name;
    Effect effect;
    std::span<const Param> params;
};

namespace methodParams {

inline constexpr Param id[] = {{"id", ParamType::String, Presence::Required}};
inline constexpr Param add[] = {{"replace", ParamType::Bool, Presence::Optional}};
inline constexpr Param addJobs[] = {
    {"jobs", ParamType::Jobs, Presence::Required},
    {"replace", ParamType::Bool, Presence::Optional},
    {"more", ParamType::Bool, Presence::Optional},
};
inline constexpr Param modify[] = {
    {"id", ParamType::String, Presence::Required},
    {"name", ParamType::String, Presence::NotNull},
    {"trigger", ParamType::Trigger, Presence::NotNull},
    {"action", ParamType::Action, Presence::NotNull},
    {"options", ParamType::Options, Presence::NotNull},
};
inline constexpr Param reschedule[] = {
    {"id", ParamType::String, Presence::Required},
    {"trigger", ParamType::Trigger, Presence::Required},
};
inline constexpr Param activity[] = {{"id", ParamType::String, Presence::Optional}};
inline constexpr Param history[] = {
    {"job_id", ParamType::String, Presence::Optional},
    {"limit", ParamType::Count, Presence::Optional},
    {"min_id", ParamType::Number, Presence::Optional},
    // The timeline: runs that overlap [since, until] (UTC ms), of the jobs job_ids (with job_id: that one too).
    {"since", ParamType::Number, Presence::Optional},
    {"until", ParamType::Number, Presence::Optional},
    {"job_ids", ParamType::Ids, Presence::Optional},
};
inline constexpr Param subscribe[] = {
    {"jobs", ParamType::Bool, Presence::Optional},
    {"output", ParamType::Bool, Presence::Optional},
    {"window", ParamType::Bool, Presence::Optional},
};
inline constexpr Param raise[] = {
    {"show", ParamType::Bool, Presence::Optional},
    {"job_id", ParamType::String, Presence::Optional},
};
inline constexpr Param shutdown[] = {{"stop_runs", ParamType::Bool, Presence::Optional}};
inline constexpr Param configure[] = {{"history_limit", ParamType::Count, Presence::Optional}};

inline constexpr Param ids[] = {{"ids", ParamType::Ids, Presence::Required}};
inline constexpr Param pause[] = {
    {"id", ParamType::String, Presence::Required},
    {"note", ParamType::String, Presence::Optional},
};
inline constexpr Param pauseJobs[] = {
    {"ids", ParamType::Ids, Presence::Required},
    {"note", ParamType::String, Presence::Optional},
};
inline constexpr Param runOutput[] = {
    {"run_id", ParamType::Number, Presence::Required},
    {"job_id", ParamType::String, Presence::Optional},
};
inline constexpr Param explain[] = {
    {"id", ParamType::String, Presence::Required},
    {"at", ParamType::String, Presence::Required},
};

inline constexpr Param backfill[] = {
    {"id", ParamType::String, Presence::Required},
    {"from", ParamType::String, Presence::Required},
    {"to", ParamType::String, Presence::Required},
    {"overlap", ParamType::String, Presence::Optional},
    {"dry_run", ParamType::Bool, Presence::Optional},
};

inline constexpr Param calendarName[] = {{"name", ParamType::String, Presence::Required}};
inline constexpr Param putCalendar[] = {
    {"calendar", ParamType::Calendar, Presence::Required},
    {"replace", ParamType::Bool, Presence::Optional},
};

inline constexpr Param dismissMissed[] = {
    {"ids", ParamType::Ids, Presence::Optional},
    {"all", ParamType::Bool, Presence::Optional},
};
inline constexpr Param stats[] = {
    {"ids", ParamType::Ids, Presence::Required},
    {"points", ParamType::Count, Presence::Optional},
};

} // namespace methodParams

/// The protocol's methods, in the order of Method.
inline constexpr MethodSpec methods[] = {
    {Method::Ping, "ping", Effect::Reads, {}},
    {Method::Status, "status", Effect::Reads, {}},
    {Method::Add, "add", Effect::Changes, methodParams::add},
    {Method::AddJobs, "add_jobs", Effect::Changes, methodParams::addJobs},
    {Method::List, "list", Effect::Reads, {}},
    {Method::Show, "show", Effect::Reads, methodParams::id},
    {Method::Pause, "pause", Effect::Changes, methodParams::pause},
    {Method::Resume, "resume", Effect::Changes, methodParams::id},
    {Method::Modify, "modify", Effect::Changes, methodParams::modify},
    {Method::Reschedule, "reschedule", Effect::Changes, methodParams::reschedule},
    {Method::Remove, "remove", Effect::Changes, methodParams::id},
    {Method::RemoveAll, "remove_all", Effect::Changes, {}},
    {Method::RunNow, "run_now", Effect::Changes, methodParams::id},
    {Method::History, "history", Effect::Reads, methodParams::history},
    {Method::Activity, "activity", Effect::Reads, methodParams::activity},
    {Method::Raise, "raise", Effect::Reads, methodParams::raise},
    {Method::Subscribe, "subscribe", Effect::Reads, methodParams::subscribe},
    {Method::PauseScheduler, "pause_scheduler", Effect::Changes, {}},
    {Method::ResumeScheduler, "resume_scheduler", Effect::Changes, {}},
    {Method::Shutdown, "shutdown", Effect::Changes, methodParams::shutdown},
    {Method::Instances, "instances", Effect::Reads, {}},
    {Method::Configure, "configure", Effect::Changes, methodParams::configure},
    {Method::PauseJobs, "pause_jobs", Effect::Changes, methodParams::pauseJobs},
    {Method::ResumeJobs, "resume_jobs", Effect::Changes, methodParams::ids},
    {Method::RemoveJobs, "remove_jobs", Effect::Changes, methodParams::ids},
    {Method::RunNowJobs, "run_now_jobs", Effect::Changes, methodParams::ids},
    {Method::Stop, "stop", Effect::Changes, methodParams::id},
    {Method::RunOutput, "run_output", Effect::Reads, methodParams::runOutput},
    {Method::ReconnectStore, "reconnect_store", Effect::Reads, {}},
    {Method::Backfill, "backfill", Effect::Changes, methodParams::backfill},
    {Method::Explain, "explain", Effect::Reads, methodParams::explain},
    {Method::Calendars, "calendars", Effect::Reads, {}},
    {Method::Calendar, "calendar", Effect::Reads, methodParams::calendarName},
    {Method::PutCalendar, "put_calendar", Effect::Changes, methodParams::putCalendar},
    {Method::RemoveCalendar, "remove_calendar", Effect::Changes, methodParams::calendarName},
    {Method::RestoreJobs, "restore_jobs", Effect::Changes, methodParams::ids},
    {Method::MissedRuns, "missed_runs", Effect::Reads, {}},
    {Method::DismissMissed, "dismiss_missed", Effect::Reads, methodParams::dismissMissed},
    {Method::Stats, "stats", Effect::Reads, methodParams::stats},
};

constexpr bool methodsFollowTheEnum()
{
    if (std::size(methods) != methodCount)
        return false;
    for (std::size_t i = 0; i < methodCount; ++i) {
        if (methods[i].method != static_cast<Method>(i))
            return false;
    }
    return true;
}
static_assert(methodsFollowTheEnum(), "control::methods needs one row per Method, in the enum's order");

constexpr const MethodSpec &spec(Method method)
{
    return methods[static_cast<std::size_t>(method)];
}

/// The method's name on the wire ("run_now").
QString methodName(Method method);
/// The row of the method named @p name; nullptr for a name the protocol does not know.
const MethodSpec *findMethod(QStringView name);
/// Checks @p requestParams against the method's parameters, in the table's order: an InvalidInput error
/// ("params.id must be a string") for the first that is missing or of the wrong type.
Result<void> checkParams(const MethodSpec &method, const QJsonObject &requestParams);

} // namespace punctual::control

// The cron trigger: a CronExpression evaluated in a time zone under cronie's DST rules, with start, end, jitter.
#pragma once

#include "triggers/cronexpression.h"
#include "triggers/trigger.h"

namespace punctual {

/**
 * Fires at the instants whose local time in the trigger's zone matches the expression (DESIGN.md section 3):
 * - a *wild* expression (minute or hour begins with '*') fires at every real instant whose local time matches:
 *   local times in a DST gap are skipped, those in an overlap fire in both passes;
 * - a non-wild one fires once, at the gap's end, for matching local times in a gap, and only in the first pass
 *   of an overlap.
 * Fire instants are whole seconds and strictly increasing. The search looks at most 50 years ahead.
 * dstPolicy() changes these rules per job (docs/desktop-triggers.md).
 */
/// How a cron job treats DST changes (JSON "dst"): cronie's rules, or the same for every expression.
enum class DstPolicy
{
    Cron, ///< cronie's rules above (the default; omitted from the JSON)
    Skip, ///< local times in a gap are skipped (no fire at the gap's end); repeated ones run once, in the first pass
    Both, ///< repeated local times run in both passes; gap times as Cron
};

class CronTrigger final : public Trigger
{
public:
    static constexpr int searchYears = 50;

    /// Parses @p expression for @p zone (nullptr: the system zone); the error names the field and position.
    static Result<std::unique_ptr<CronTrigger>> create(const QString &expression,
                                                       std::shared_ptr<const ZoneRules> zone = nullptr);
    static Result<std::unique_ptr<CronTrigger>> fromJson(const QJsonObject &json);

    const CronExpression &expression() const { return m_expression; }
    std::optional<std::int64_t> startMs() const { return m_startMs; }
    std::optional<std::int64_t> endMs() const { return m_endMs; }
    /// No fire before @p startMs (inclusive) or after @p endMs (inclusive).
    void setStartMs(std::optional<std::int64_t> startMs) { m_startMs = startMs; }
    void setEndMs(std::optional<std::int64_t> endMs) { m_endMs = endMs; }
    DstPolicy dstPolicy() const { return m_dst; }
    void setDstPolicy(DstPolicy policy) { m_dst = policy; }
    /// The DST rules in force: a matching local time repeated by an overlap fires in both passes; one in a gap
    /// fires once at the gap's end (else it is skipped). From wildness under DstPolicy::Cron, else the policy's.
    bool firesInBothPasses() const;
    bool firesAtGapEnd() const;
    static QString dstPolicyName(DstPolicy policy); ///< "cron", "skip", "both"
    static std::optional<DstPolicy> dstPolicyFromName(const QString &name);

    TriggerType type() const override { return TriggerType::Cron; }
    std::optional<std::int64_t> nextFireTime(std::int64_t afterMs) const override;
    QString description() const override;
    QJsonObject toJson() const override;
    std::unique_ptr<Trigger> clone() const override { return std::make_unique<CronTrigger>(*this); }

    explicit CronTrigger(CronExpression expression);

private:
    /// The first fire instant (UTC seconds) at or after @p utcSeconds, before the end of @p maxYear.
    std::optional<std::int64_t> firstFireAtOrAfter(std::int64_t utcSeconds, int maxYear) const;

    CronExpression m_expression;
    std::optional<std::int64_t> m_startMs;
    std::optional<std::int64_t> m_endMs;
    DstPolicy m_dst = DstPolicy::Cron;
};

/// "At 02:30 every day", "Every 15 minutes", ... for an expression (without the zone), translated.
QString describeCron(const CronExpression &expression);

} // namespace punctual

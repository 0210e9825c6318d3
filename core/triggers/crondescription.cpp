// PLACEHOLDER while the cron describer is written; replaced in full by its implementation.
#include "crontrigger.h"

namespace punctual {

QString describeCron(const CronExpression &expression)
{
    return expression.text();
}

} // namespace punctual

// What the delete confirmation and its feedback say.
#include "deletewording.h"

#include <algorithm>

namespace punctual {

namespace {

QString quoted(const QString &name)
{
    return DeleteWording::tr("“%1”").arg(name);
}

} // namespace

QString DeleteWording::nameList(const QStringList &names)
{
    const int count = static_cast<int>(names.size());
    if (count == 0)
        return {};
    if (count == 1)
        return quoted(names.front());
    QStringList listed;
    for (int i = 0; i < std::min(count, listedNames); ++i)
        listed << quoted(names.at(i));
    if (count > listedNames) // "“A”, “B”, … and 4 more"
        return tr("%1 and %n more", nullptr, count - listedNames).arg(listed.join(tr(", ")));
    const QString last = listed.takeLast();
    return tr("%1 and %2", "the last two of a list of names").arg(listed.join(tr(", ")), last);
}

QString DeleteWording::question(const QStringList &names, int going, bool retrying)
{
    const int count = static_cast<int>(names.size());
    QString text;
    if (count == 1) {
        if (retrying)
            text = tr("“%1” is waiting to retry a failed run. Stop it and delete the job?").arg(names.front());
        else if (going > 0)
            text = tr("“%1” is running. Stop it and delete the job?").arg(names.front());
        else
            text = tr("Delete the job “%1” and its run history?").arg(names.front());
    } else {
        text = tr("Delete %n jobs and their run history?", nullptr, count) + QLatin1Char('\n') + nameList(names);
        if (going > 0)
            text += QLatin1Char('\n')
                + tr("%n of them are running or waiting to retry and will be stopped.", nullptr, going);
    }
    return text + QStringLiteral("\n\n") + tr("You can undo this for 10 minutes (Edit › Undo delete).");
}

QString DeleteWording::goAhead(const QStringList &names, int going)
{
    if (going > 0)
        return tr("Stop and delete");
    if (names.size() == 1)
        return tr("Delete “%1”").arg(names.front());
    return tr("Delete %n jobs", nullptr, static_cast<int>(names.size()));
}

QString DeleteWording::deleted(const QStringList &names, const QString &undoShortcut)
{
    const QString what = names.size() == 1 ? tr("Deleted “%1”").arg(names.front())
                                           : tr("Deleted %n jobs", nullptr, static_cast<int>(names.size()));
    return tr("%1 · Undo (%2)").arg(what, undoShortcut);
}

QString DeleteWording::restored(const QStringList &names)
{
    return names.size() == 1 ? tr("Restored “%1”").arg(names.front())
                             : tr("Restored %n jobs", nullptr, static_cast<int>(names.size()));
}

} // namespace punctual

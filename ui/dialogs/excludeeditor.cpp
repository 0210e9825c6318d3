// ExcludeEditor: one checkable line per exclusion calendar.
#include "excludeeditor.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>

#include <algorithm>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace punctual {

ExcludeEditor::ExcludeEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(tr("E&xclude days of:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("excludeList"));
    m_list->setAccessibleName(tr("Exclusion calendars"));
    m_list->setToolTip(tr("Fire times on the days a checked calendar excludes do not run (Scheduler › "
                          "Calendars… edits them)"));
    title->setBuddy(m_list);
    m_empty = new QLabel(tr("No calendars yet: Scheduler › Calendars… adds them."), this);
    m_empty->setObjectName(QStringLiteral("excludeEmptyLabel"));
    m_empty->setEnabled(false);
    // One row beside its label, as tall as its calendars (up to four): the editor is long enough already.
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title, 0, Qt::AlignTop);
    auto *right = new QVBoxLayout;
    right->addWidget(m_list);
    right->addWidget(m_empty);
    layout->addLayout(right, 1);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *) {
        m_selected = exclude();
        emit edited();
    });
    refill();
}

void ExcludeEditor::setCalendars(const QList<ExclusionCalendar> &calendars)
{
    m_calendars = ExclusionCalendars(calendars);
    m_names.clear();
    for (const ExclusionCalendar &calendar : calendars)
        m_names.append(calendar.name);
    refill();
}

void ExcludeEditor::setExclude(const QStringList &names)
{
    m_selected = names;
    refill();
}

QStringList ExcludeEditor::exclude() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            names.append(item->data(Qt::UserRole).toString());
    }
    return names;
}

void ExcludeEditor::refill()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QStringList shown = m_names;
    for (const QString &name : std::as_const(m_selected)) {
        if (!shown.contains(name))
            shown.append(name);
    }
    for (const QString &name : std::as_const(shown)) {
        const bool stored = m_names.contains(name);
        auto *item = new QListWidgetItem(stored ? name : tr("%1 (not stored)").arg(name), m_list);
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(m_selected.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    const int rows = std::clamp(int(shown.size()), 1, 4);
    const int rowHeight = std::max(m_list->sizeHintForRow(0), m_list->fontMetrics().height() + 4);
    m_list->setFixedHeight(rowHeight * rows + 2 * m_list->frameWidth() + 2);
    m_list->setVisible(!shown.isEmpty());
    m_empty->setVisible(shown.isEmpty());
}

} // namespace punctual

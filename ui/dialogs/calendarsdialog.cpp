// CalendarsDialog: lists and edits exclusion calendars through SchedulerClient (never the store).
#include "calendarsdialog.h"

#include "calendars/icsimport.h"
#include "control/schedulerclient.h"
#include "fieldmessage.h"
#include "time/civil.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace punctual {

namespace {

std::int64_t dayOf(const QDate &date)
{
    return civil::daysFromCivil(date.year(), date.month(), date.day());
}

/// A list line's data: a day (first == last) or a range.
constexpr int firstDayRole = Qt::UserRole;
constexpr int lastDayRole = Qt::UserRole + 1;

} // namespace

CalendarsDialog::CalendarsDialog(SchedulerClient &scheduler, QWidget *parent)
    : QDialog(parent)
    , m_scheduler(scheduler)
{
    setObjectName(QStringLiteral("calendarsDialog"));
    setWindowTitle(tr("Calendars"));

    m_calendarList = new QListWidget(this);
    m_calendarList->setObjectName(QStringLiteral("calendarList"));
    m_calendarList->setAccessibleName(tr("Calendars"));
    auto *newButton = new QPushButton(tr("&New…"), this);
    newButton->setObjectName(QStringLiteral("newCalendarButton"));
    m_deleteButton = new QPushButton(tr("&Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteCalendarButton"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton);
    listButtons->addWidget(m_deleteButton);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *listTitle = new QLabel(tr("&Calendars:"), left);
    listTitle->setBuddy(m_calendarList);
    leftLayout->addWidget(listTitle);
    leftLayout->addWidget(m_calendarList, 1);
    leftLayout->addLayout(listButtons);

    m_details = new QWidget(this);
    auto *weekdayBox = new QGroupBox(tr("Every week"), m_details);
    auto *weekdayLayout = new QHBoxLayout(weekdayBox);
    // Monday first, as a week is read; the boxes are numbered as cron numbers weekdays (0 = Sunday).
    const QLocale locale;
    for (const int weekday : {1, 2, 3, 4, 5, 6, 0}) {
        auto *check = new QCheckBox(locale.dayName(weekday == 0 ? 7 : weekday, QLocale::ShortFormat), weekdayBox);
        check->setObjectName(QStringLiteral("weekday%1Check").arg(weekday));
        check->setAccessibleName(tr("Exclude every %1").arg(locale.dayName(weekday == 0 ? 7 : weekday)));
        m_weekdays[weekday] = check;
        weekdayLayout->addWidget(check);
        connect(check, &QCheckBox::clicked, this, [this, weekday](bool checked) {
            const CalendarInfo *info = selected();
            if (!info)
                return;
            ExclusionCalendar calendar = info->calendar;
            calendar.weekdays = checked ? calendar.weekdays | (1 << weekday) : calendar.weekdays & ~(1 << weekday);
            save(calendar);
        });
    }
    weekdayLayout->addStretch();

    m_daysList = new QListWidget(m_details);
    m_daysList->setObjectName(QStringLiteral("daysList"));
    m_daysList->setAccessibleName(tr("Excluded days and ranges"));
    m_daysList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *daysTitle = new QLabel(tr("Days and &ranges:"), m_details);
    daysTitle->setBuddy(m_daysList);
    m_fromEdit = new QDateEdit(QDate::currentDate(), m_details);
    m_fromEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_fromEdit->setAccessibleName(tr("First day"));
    m_fromEdit->setCalendarPopup(true);
    m_fromEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_toEdit = new QDateEdit(QDate::currentDate(), m_details);
    m_toEdit->setObjectName(QStringLiteral("toDateEdit"));
    m_toEdit->setAccessibleName(tr("Last day"));
    m_toEdit->setCalendarPopup(true);
    m_toEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    connect(m_fromEdit, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        if (m_toEdit->date() < date)
            m_toEdit->setDate(date);
    });
    m_addButton = new QPushButton(tr("&Add"), m_details);
    m_addButton->setObjectName(QStringLiteral("addDaysButton"));
    m_addButton->setToolTip(tr("Exclude the day, or the days from the first to the last"));
    m_removeButton = new QPushButton(tr("Re&move"), m_details);
    m_removeButton->setObjectName(QStringLiteral("removeDaysButton"));
    m_importButton = new QPushButton(tr("&Import .ics…"), m_details);
    m_importButton->setObjectName(QStringLiteral("importIcsButton"));
    m_importButton->setToolTip(tr("Exclude the days of an iCalendar file's all-day events (recurring ones through "
                                  "2100)"));
    auto *addRow = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("&From:"), m_details);
    fromLabel->setBuddy(m_fromEdit);
    auto *toLabel = new QLabel(tr("&to:"), m_details);
    toLabel->setBuddy(m_toEdit);
    addRow->addWidget(fromLabel);
    addRow->addWidget(m_fromEdit);
    addRow->addWidget(toLabel);
    addRow->addWidget(m_toEdit);
    addRow->addWidget(m_addButton);
    addRow->addStretch();
    auto *daysButtons = new QHBoxLayout;
    daysButtons->addWidget(m_removeButton);
    daysButtons->addWidget(m_importButton);
    daysButtons->addStretch();
    m_usedBy = new QLabel(m_details);
    m_usedBy->setObjectName(QStringLiteral("usedByLabel"));
    m_usedBy->setWordWrap(true);
    m_usedBy->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(weekdayBox);
    detailsLayout->addWidget(daysTitle);
    detailsLayout->addWidget(m_daysList, 1);
    detailsLayout->addLayout(addRow);
    detailsLayout->addLayout(daysButtons);
    detailsLayout->addWidget(m_usedBy);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(1, 2);

    m_message = new FieldMessage(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 480);

    connect(m_calendarList, &QListWidget::currentRowChanged, this, [this](int row) {
        m_selectedName = row >= 0 && row < m_calendars.size() ? m_calendars[row].calendar.name : QString();
        showSelected();
    });
    connect(newButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New calendar"), tr("Name of the calendar:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok)
            createCalendar(name);
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &CalendarsDialog::deleteSelected);
    connect(m_addButton, &QPushButton::clicked, this, &CalendarsDialog::addDays);
    connect(m_removeButton, &QPushButton::clicked, this, &CalendarsDialog::removeSelectedDays);
    connect(m_daysList, &QListWidget::itemSelectionChanged, this,
            [this] { m_removeButton->setEnabled(!m_daysList->selectedItems().isEmpty()); });
    connect(m_importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import .ics"), QString(),
                                                          tr("iCalendar files (*.ics);;All files (*)"));
        if (!path.isEmpty())
            importIcs(path);
    });
    showSelected();
    reload();
}

void CalendarsDialog::reload()
{
    m_scheduler.calendars(this, [this](Result<QList<CalendarInfo>> calendars) {
        if (!calendars)
            return showError(calendars.error().message);
        showCalendars(calendars.value());
    });
}

void CalendarsDialog::showCalendars(const QList<CalendarInfo> &calendars)
{
    m_calendars = calendars;
    const QString keep = m_selectedName;
    const QSignalBlocker blocker(m_calendarList);
    m_calendarList->clear();
    int selectedRow = -1;
    for (const CalendarInfo &info : calendars) {
        auto *item = new QListWidgetItem(info.calendar.name, m_calendarList);
        item->setToolTip(info.usedBy.isEmpty() ? tr("Used by no job")
                                               : tr("Used by %1").arg(info.usedBy.join(QStringLiteral(", "))));
        if (info.calendar.name == keep)
            selectedRow = m_calendarList->count() - 1;
    }
    if (selectedRow < 0 && !calendars.isEmpty())
        selectedRow = 0;
    m_calendarList->setCurrentRow(selectedRow);
    m_selectedName = selectedRow >= 0 ? calendars[selectedRow].calendar.name : QString();
    showSelected();
    emit loaded();
}

const CalendarInfo *CalendarsDialog::selected() const
{
    for (const CalendarInfo &info : m_calendars) {
        if (info.calendar.name == m_selectedName)
            return &info;
    }
    return nullptr;
}

bool CalendarsDialog::selectCalendar(const QString &name)
{
    for (int row = 0; row < m_calendars.size(); ++row) {
        if (m_calendars[row].calendar.name == name) {
            m_calendarList->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void CalendarsDialog::showSelected()
{
    const CalendarInfo *info = selected();
    m_details->setEnabled(info != nullptr);
    m_deleteButton->setEnabled(info != nullptr);
    m_daysList->clear();
    for (int weekday = 0; weekday < 7; ++weekday)
        m_weekdays[weekday]->setChecked(info && (info->calendar.weekdays & (1 << weekday)));
    if (!info) {
        m_usedBy->setText(tr("Choose a calendar, or make one with New…"));
        m_removeButton->setEnabled(false);
        return;
    }
    for (const DayRange &range : info->calendar.ranges) {
        auto *item = new QListWidgetItem(tr("%1 to %2").arg(ExclusionCalendar::dayText(range.first),
                                                            ExclusionCalendar::dayText(range.last)),
                                         m_daysList);
        item->setData(firstDayRole, static_cast<qlonglong>(range.first));
        item->setData(lastDayRole, static_cast<qlonglong>(range.last));
    }
    for (const std::int64_t day : info->calendar.dates) {
        auto *item = new QListWidgetItem(ExclusionCalendar::dayText(day), m_daysList);
        item->setData(firstDayRole, static_cast<qlonglong>(day));
        item->setData(lastDayRole, static_cast<qlonglong>(day));
    }
    m_removeButton->setEnabled(false);
    m_usedBy->setText(info->usedBy.isEmpty()
                          ? tr("Used by no job.")
                          : tr("Used by: %1").arg(info->usedBy.join(QStringLiteral(", "))));
}

void CalendarsDialog::save(const ExclusionCalendar &calendar)
{
    m_message->clearMessage();
    m_scheduler.putCalendar(calendar, ConflictPolicy::Replace, this, [this](Result<CalendarInfo> stored) {
        if (!stored)
            return showError(stored.error().message);
        reload();
    });
}

void CalendarsDialog::createCalendar(const QString &name)
{
    m_message->clearMessage();
    ExclusionCalendar calendar;
    calendar.name = name.trimmed();
    if (auto valid = validateCalendarName(calendar.name); !valid)
        return showError(valid.error().message);
    m_scheduler.putCalendar(calendar, ConflictPolicy::Fail, this, [this, name = calendar.name](Result<CalendarInfo> stored) {
        if (!stored)
            return showError(stored.error().message);
        m_selectedName = name;
        reload();
    });
}

void CalendarsDialog::deleteSelected()
{
    const CalendarInfo *info = selected();
    if (!info)
        return;
    m_message->clearMessage();
    m_scheduler.removeCalendar(info->calendar.name, this, [this](Result<QJsonValue> removed) {
        if (!removed)
            return showError(removed.error().message);
        m_selectedName.clear();
        reload();
    });
}

void CalendarsDialog::addDays()
{
    const CalendarInfo *info = selected();
    if (!info)
        return;
    const QDate from = m_fromEdit->date();
    const QDate to = m_toEdit->date();
    if (to < from)
        return showError(tr("The last day is before the first."));
    ExclusionCalendar calendar = info->calendar;
    calendar.addRange({dayOf(from), dayOf(to)});
    save(calendar);
}

void CalendarsDialog::removeSelectedDays()
{
    const CalendarInfo *info = selected();
    if (!info)
        return;
    ExclusionCalendar calendar = info->calendar;
    for (const QListWidgetItem *item : m_daysList->selectedItems()) {
        const DayRange range{item->data(firstDayRole).toLongLong(), item->data(lastDayRole).toLongLong()};
        if (range.first == range.last)
            calendar.removeDate(range.first);
        else
            calendar.removeRange(range);
    }
    save(calendar);
}

void CalendarsDialog::importIcs(const QString &path)
{
    const CalendarInfo *info = selected();
    if (!info)
        return;
    auto days = readIcsFile(path);
    if (!days)
        return showError(days.error().message);
    ExclusionCalendar calendar = info->calendar;
    addIcsDays(calendar, days.value());
    save(calendar);
    if (days->timedIgnored > 0)
        m_message->showMessage(tr("%n event(s) with a time of day left out: only all-day events exclude days.",
                                  nullptr, days->timedIgnored),
                               FieldMessage::Kind::Note);
}

QString CalendarsDialog::usedByText() const
{
    return m_usedBy->text();
}

QString CalendarsDialog::messageText() const
{
    return m_message->text();
}

void CalendarsDialog::showError(const QString &message)
{
    m_message->showMessage(message);
    emit failed(message);
}

} // namespace punctual

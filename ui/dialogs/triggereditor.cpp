// The "When" part of the job editor: collects trigger input, shows core's description, error and next runs.
#include "triggereditor.h"

#include "datetimefield.h"
#include "fieldmessage.h"
#include "jobs/job.h"
#include "time/clock.h"
#include "time/duration.h"
#include "time/isotime.h"
#include "time/zonerules.h"
#include "triggers/calendartrigger.h"
#include "triggers/crondsteffect.h"
#include "triggers/crontrigger.h"
#include "triggers/datetrigger.h"
#include "triggers/eventtrigger.h"
#include "triggers/intervaltrigger.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace punctual {

namespace {

// Long enough to skip the half-typed states between keystrokes, short enough to feel live.
constexpr int refreshDelayMs = 150;
constexpr int maxJitterSeconds = 86'400;

std::int64_t floorDiv(std::int64_t value, std::int64_t divisor)
{
    const std::int64_t quotient = value / divisor;
    return value % divisor < 0 ? quotient - 1 : quotient;
}

/// The spec CalendarTrigger::parse reads back into @p trigger. Its keywords are the parser's grammar, which is
/// English whatever the UI language, so they are not translated.
QString calendarSpec(const CalendarTrigger &trigger)
{
    const QJsonObject json = trigger.toJson();
    QString time = json.value(QStringLiteral("time")).toString();
    if (time.endsWith(QLatin1String(":00")))
        time.chop(3);
    const QString unit = json.value(QStringLiteral("unit")).toString();
    const QString every = trigger.every() == 1 ? QStringLiteral("every %1").arg(unit)
                                               : QStringLiteral("every %1 %2s").arg(trigger.every()).arg(unit);
    return QStringLiteral("%1 at %2 from %3").arg(every, time, json.value(QStringLiteral("anchor")).toString());
}

} // namespace

/// One reading of the input: a trigger, or why there is none (and which field to blame).
struct TriggerEditor::Built
{
    std::unique_ptr<Trigger> trigger;
    QString error;
    QWidget *field = nullptr;
    bool incomplete = false; ///< a required field is empty: a hint, not an error to show in red words
    bool unchanged = false;  ///< equals the trigger given to setTrigger()

    void fail(const QString &message, QWidget *at, bool empty = false)
    {
        trigger.reset();
        error = message;
        field = at;
        incomplete = empty;
    }
};

TriggerEditor::TriggerEditor(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_refreshTimer(new QTimer(this))
{
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(refreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &TriggerEditor::refresh);

    m_cronRadio = new QRadioButton(tr("&Cron"), this);
    m_cronRadio->setObjectName(QStringLiteral("cronRadio"));
    m_cronRadio->setToolTip(tr("Runs at the times a cron expression matches"));
    m_intervalRadio = new QRadioButton(tr("E&very"), this);
    m_intervalRadio->setObjectName(QStringLiteral("intervalRadio"));
    m_intervalRadio->setToolTip(tr("Runs again after a fixed span of elapsed time"));
    m_dateRadio = new QRadioButton(tr("&Once at"), this);
    m_dateRadio->setObjectName(QStringLiteral("dateRadio"));
    m_dateRadio->setToolTip(tr("Runs once, at one date and time"));
    m_calendarRadio = new QRadioButton(tr("C&alendar"), this);
    m_calendarRadio->setObjectName(QStringLiteral("calendarRadio"));
    m_calendarRadio->setToolTip(tr("Runs every N days, weeks, months or years at a time of day, keeping the wall "
                                   "clock time across daylight saving changes"));
    m_eventsOnlyRadio = new QRadioButton(tr("No schedul&e"), this);
    m_eventsOnlyRadio->setObjectName(QStringLiteral("eventsOnlyRadio"));
    m_eventsOnlyRadio->setToolTip(tr("Runs only on the events checked under “Also run”"));
    m_typeGroup = new QButtonGroup(this);
    m_typeGroup->addButton(m_cronRadio, static_cast<int>(TriggerType::Cron));
    m_typeGroup->addButton(m_intervalRadio, static_cast<int>(TriggerType::Interval));
    m_typeGroup->addButton(m_dateRadio, static_cast<int>(TriggerType::Date));
    m_typeGroup->addButton(m_calendarRadio, static_cast<int>(TriggerType::Calendar));
    m_typeGroup->addButton(m_eventsOnlyRadio, static_cast<int>(TriggerType::Event));
    auto *typeRow = new QHBoxLayout;
    for (QAbstractButton *button : m_typeGroup->buttons())
        typeRow->addWidget(button);
    typeRow->addStretch();

    // Page order follows TriggerType's values, so a type is its page index.
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("triggerPages"));
    m_pages->insertWidget(static_cast<int>(TriggerType::Date), createDatePage());
    m_pages->insertWidget(static_cast<int>(TriggerType::Interval), createIntervalPage());
    m_pages->insertWidget(static_cast<int>(TriggerType::Cron), createCronPage());
    m_pages->insertWidget(static_cast<int>(TriggerType::Calendar), createCalendarPage());
    m_pages->insertWidget(static_cast<int>(TriggerType::Event), createEventsOnlyPage());

    createZoneCombo();
    m_jitterSpin = new QSpinBox(this);
    m_jitterSpin->setObjectName(QStringLiteral("jitterSpin"));
    m_jitterSpin->setRange(0, maxJitterSeconds);
    m_jitterSpin->setSuffix(tr(" s"));
    m_jitterSpin->setSpecialValueText(tr("none"));
    m_jitterSpin->setToolTip(tr("Delays each run by a random time up to this many seconds, so that many jobs due "
                                "at the same moment spread out"));
    auto *jitterRow = new QHBoxLayout;
    jitterRow->addWidget(m_jitterSpin);

    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("triggerDescription"));
    m_description->setTextFormat(Qt::PlainText);
    m_description->setWordWrap(true);
    QFont descriptionFont = m_description->font();
    descriptionFont.setItalic(true);
    m_description->setFont(descriptionFont);
    m_error = new FieldMessage(this);
    m_error->setObjectName(QStringLiteral("triggerError"));
    // The description beside the random delay, not a row of its own: the editor must fit a small screen.
    jitterRow->addSpacing(12);
    jitterRow->addWidget(m_description, 1);

    auto *shared = new QFormLayout;
    shared->setContentsMargins(0, 0, 0, 0);
    shared->addRow(tr("Time &zone:"), m_zoneCombo);
    shared->addRow(buddyLabel(tr("Random dela&y:"), m_jitterSpin), jitterRow);
    shared->addRow(QString(), m_error);

    auto *fields = m_fields = new QVBoxLayout;
    fields->setContentsMargins(0, 0, 0, 0);
    fields->addWidget(m_pages);
    fields->addLayout(shared);
    fields->addStretch();

    auto *previewTitle = m_previewTitle = new QLabel(tr("Next runs:"), this);
    previewTitle->setObjectName(QStringLiteral("previewTitle"));
    previewTitle->setWordWrap(true);
    m_preview = new QListWidget(this);
    m_preview->setObjectName(QStringLiteral("previewList"));
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_preview->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_preview->setToolTip(tr("The next runs from now, in the job's time zone (without the random delay); where "
                             "that is not this computer's zone, the time here follows"));
    m_preview->setAccessibleName(tr("Next runs"));
    // Wide enough for the longest entry: a date in another year with seconds.
    const std::int64_t widestMs = QDateTime(QDate(2026, 9, 30), QTime(23, 59, 59), Qt::UTC).toMSecsSinceEpoch();
    const QString widest = formatRunTime(widestMs, *ZoneRules::forZone(QByteArrayLiteral("UTC")), 0);
    // Exactly previewCount rows high: measure a row as the style draws it, with the language's own date (a
    // Chinese weekday makes a taller row than digits alone).
    m_preview->addItem(widest);
    const int rowHeight = m_preview->sizeHintForRow(0);
    m_preview->clear();
    m_preview->setFixedHeight(rowHeight * previewCount + 2 * m_preview->frameWidth() + 4);
    m_previewWidth = m_preview->fontMetrics().horizontalAdvance(widest) + 2 * m_preview->frameWidth() + 16;
    m_preview->setFixedWidth(m_previewWidth);
    previewTitle->setBuddy(m_preview);
    auto *previewColumn = new QVBoxLayout;
    previewColumn->setContentsMargins(0, 0, 0, 0);
    previewColumn->addWidget(previewTitle);
    previewColumn->addWidget(m_preview);
    m_dstNote = new QLabel(this);
    m_dstNote->setObjectName(QStringLiteral("dstNote"));
    m_dstNote->setTextFormat(Qt::PlainText);
    m_dstNote->setWordWrap(true);
    m_dstNote->setMaximumWidth(m_preview->width());
    previewTitle->setMaximumWidth(m_preview->width());
    m_dstNote->setToolTip(tr("What the next daylight saving change does to the times of this schedule"));
    m_dstNote->hide();
    previewColumn->addWidget(m_dstNote);
    previewColumn->addStretch();

    auto *body = new QHBoxLayout;
    body->addLayout(fields, 1);
    body->addSpacing(12);
    body->addLayout(previewColumn);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(typeRow);
    layout->addLayout(body);

    // A default a person is likely to want for a one-off job: the next full hour.
    const std::int64_t now = m_clock.nowMs();
    setDateTimeInZone(m_dateTimeEdit, (floorDiv(now, 3'600'000) + 1) * 3'600'000, *ZoneRules::system());
    setDateTimeInZone(m_intervalStartEdit, (floorDiv(now, 3'600'000) + 1) * 3'600'000, *ZoneRules::system());

    connectEdits();
    selectType(TriggerType::Cron);
    refresh();
}

TriggerEditor::~TriggerEditor() = default;

QWidget *TriggerEditor::createCronPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("cronPage"));
    m_cronEdit = new QLineEdit(page);
    m_cronEdit->setObjectName(QStringLiteral("cronEdit"));
    m_cronEdit->setPlaceholderText(tr("minute hour day month weekday, e.g. 55 * * * *"));
    // Plain text: a screen reader reads a tooltip as it is, tags and all.
    m_cronEdit->setToolTip(tr("Five fields: minute hour day-of-month month day-of-week, or six with seconds "
                              "first. Each field is *, N, A-B, */S or a comma list. Also @hourly, @daily, @weekly, "
                              "@monthly, @yearly; L, W and # in the day fields."));
    m_cronEdit->setAccessibleName(tr("Cron expression"));
    m_dstCombo = new QComboBox(page);
    m_dstCombo->setObjectName(QStringLiteral("dstCombo"));
    m_dstCombo->addItem(tr("DST: as cron does"), static_cast<int>(DstPolicy::Cron));
    m_dstCombo->addItem(tr("DST: skip missing times"), static_cast<int>(DstPolicy::Skip));
    m_dstCombo->addItem(tr("DST: repeated times twice"), static_cast<int>(DstPolicy::Both));
    m_dstCombo->setAccessibleName(tr("Daylight saving changes"));
    // As wide as a short choice, not the longest: the list opens wider (the editor must fit a 1024 px screen).
    m_dstCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_dstCombo->setMinimumContentsLength(16);
    m_dstCombo->setToolTip(tr("When the clocks change for daylight saving time. As cron does: a time that does "
                              "not exist runs when the clocks have jumped (unless the minute or hour is *), a "
                              "repeated time runs once (twice when the minute or hour is *). Skip missing times: a "
                              "time that does not exist does not run that day, a repeated time runs once. Repeated "
                              "times twice: a repeated time runs in both passes."));
    // Beside the expression, not a row of its own: the editor must fit a small screen (fitToScreen()).
    auto *row = new QHBoxLayout;
    row->addWidget(m_cronEdit, 1);
    row->addWidget(m_dstCombo);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(buddyLabel(tr("E&xpression:"), m_cronEdit), row);
    return page;
}

QWidget *TriggerEditor::createEventsOnlyPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("eventsOnlyPage"));
    auto *words = new QLabel(tr("The job has no schedule: it runs only on the events checked under "
                                "“Also run”."),
                             page);
    words->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(words);
    return page;
}

QWidget *TriggerEditor::createIntervalPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("intervalPage"));
    m_intervalEdit = new QLineEdit(page);
    m_intervalEdit->setObjectName(QStringLiteral("intervalEdit"));
    m_intervalEdit->setPlaceholderText(tr("e.g. 15m, 1h30m, 2d"));
    m_intervalEdit->setToolTip(tr("How much time passes between runs: 90s, 15m, 2h, 1d, 1w, sums such as 1h30m, "
                                  "or ISO-8601 (PT15M). Elapsed time: daylight saving changes do not move it."));
    m_intervalEdit->setAccessibleName(tr("Interval"));
    m_intervalStartCheck = new QCheckBox(tr("&First run at:"), page);
    m_intervalStartCheck->setObjectName(QStringLiteral("intervalStartCheck"));
    m_intervalStartCheck->setToolTip(tr("Off: the first run is one interval after the job is saved"));
    m_intervalStartEdit = new DateTimeField(page); // a wall-clock time of the selected zone (see the date page)
    m_intervalStartEdit->setObjectName(QStringLiteral("intervalStartEdit"));
    m_intervalStartEdit->setAccessibleName(tr("First run"));
    m_intervalStartEdit->setToolTip(tr("The date and time of the first run, in the time zone below"));
    m_intervalStartEdit->setEnabled(false);
    connect(m_intervalStartCheck, &QCheckBox::toggled, m_intervalStartEdit, &QWidget::setEnabled);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_intervalStartEdit);
    startRow->addStretch();
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("In&terval:"), m_intervalEdit);
    form->addRow(m_intervalStartCheck, startRow);
    return page;
}

QWidget *TriggerEditor::createDatePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("datePage"));
    // The edit holds a wall-clock time of the selected zone, not of the system's (DateTimeField's UTC spec keeps
    // Qt from applying the system zone's daylight saving rules to it). core turns it into an instant (parseIso).
    m_dateTimeEdit = new DateTimeField(page);
    m_dateTimeEdit->setObjectName(QStringLiteral("dateTimeEdit"));
    m_dateTimeEdit->setToolTip(tr("The date and time of the one run, in the time zone below"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_dateTimeEdit);
    row->addStretch();
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(buddyLabel(tr("Date and &time:"), m_dateTimeEdit), row);
    return page;
}

QWidget *TriggerEditor::createCalendarPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("calendarPage"));
    m_calendarEdit = new QLineEdit(page);
    m_calendarEdit->setObjectName(QStringLiteral("calendarEdit"));
    m_calendarEdit->setPlaceholderText(tr("e.g. every 2 weeks at 09:30"));
    m_calendarEdit->setToolTip(tr("every N days|weeks|months|years (or daily, weekly, monthly, yearly), then "
                                  "optionally at HH:MM and from YYYY-MM-DD (default: today). A day missing in a "
                                  "month (the 31st) is skipped."));
    m_calendarEdit->setAccessibleName(tr("Calendar schedule"));
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Sc&hedule:"), m_calendarEdit);
    return page;
}

void TriggerEditor::createZoneCombo()
{
    m_zoneCombo = new QComboBox(this);
    m_zoneCombo->setObjectName(QStringLiteral("timeZoneCombo"));
    m_zoneCombo->setEditable(true);
    m_zoneCombo->setInsertPolicy(QComboBox::NoInsert);
    m_zoneCombo->setMaxVisibleItems(16);
    m_zoneCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_zoneCombo->setMinimumContentsLength(22);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zoneCombo->addItem(QString::fromLatin1(id));
    // Typing "berlin" should find Europe/Berlin: match anywhere in the id, ignoring case.
    auto *completer = new QCompleter(m_zoneCombo->model(), m_zoneCombo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_zoneCombo->setCompleter(completer);
    m_zoneCombo->setToolTip(tr("The IANA time zone the times of day belong to and the next runs are shown in"));
    m_zoneCombo->setAccessibleName(tr("Time zone"));
    m_zoneCombo->lineEdit()->setAccessibleName(tr("Time zone"));
    const QString system = QString::fromLatin1(ZoneRules::systemZoneId());
    const int index = m_zoneCombo->findText(system);
    if (index >= 0)
        m_zoneCombo->setCurrentIndex(index);
    else
        m_zoneCombo->setEditText(system);
}

void TriggerEditor::connectEdits()
{
    auto changed = [this] {
        m_refreshTimer->start();
        emit edited();
    };
    connect(m_typeGroup, &QButtonGroup::idToggled, this, [this, changed](int id, bool checked) {
        if (!checked)
            return;
        selectType(static_cast<TriggerType>(id));
        changed();
    });
    for (QLineEdit *edit : {m_cronEdit, m_intervalEdit, m_calendarEdit})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_dateTimeEdit, &QDateTimeEdit::dateTimeChanged, this, changed);
    connect(m_intervalStartEdit, &QDateTimeEdit::dateTimeChanged, this, changed);
    connect(m_intervalStartCheck, &QCheckBox::toggled, this, changed);
    connect(m_zoneCombo, &QComboBox::currentTextChanged, this, changed);
    connect(m_dstCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_jitterSpin, &QSpinBox::valueChanged, this, changed);
}

QWidget *TriggerEditor::mainField(TriggerType type) const
{
    switch (type) {
    case TriggerType::Cron: return m_cronEdit;
    case TriggerType::Interval: return m_intervalEdit;
    case TriggerType::Date: return m_dateTimeEdit;
    case TriggerType::Calendar: return m_calendarEdit;
    case TriggerType::Event: return m_eventsOnlyRadio;
    }
    return nullptr;
}

TriggerType TriggerEditor::selectedType() const
{
    return static_cast<TriggerType>(m_typeGroup->checkedId());
}

void TriggerEditor::selectType(TriggerType type)
{
    if (QAbstractButton *button = m_typeGroup->button(static_cast<int>(type)); !button->isChecked())
        button->setChecked(true); // re-enters through idToggled
    const int index = static_cast<int>(type);
    m_pages->setCurrentIndex(index);
    // Size the stack to the page shown, so a one-field page leaves no gap below it.
    for (int page = 0; page < m_pages->count(); ++page) {
        const QSizePolicy::Policy policy = page == index ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_pages->widget(page)->setSizePolicy(policy, policy);
    }
}

void TriggerEditor::setTrigger(std::shared_ptr<const Trigger> trigger)
{
    m_original = std::move(trigger);
    if (!m_original)
        return;
    const Trigger &t = *m_original;
    const QString zoneId = QString::fromLatin1(t.zone().id());
    if (const int index = m_zoneCombo->findText(zoneId); index >= 0)
        m_zoneCombo->setCurrentIndex(index);
    else
        m_zoneCombo->setEditText(zoneId);
    m_jitterSpin->setValue(roundToSeconds(t.jitterMs()));
    switch (t.type()) {
    case TriggerType::Cron:
        m_cronEdit->setText(static_cast<const CronTrigger &>(t).expression().text());
        m_dstCombo->setCurrentIndex(m_dstCombo->findData(static_cast<int>(static_cast<const CronTrigger &>(t).dstPolicy())));
        break;
    case TriggerType::Interval: {
        const auto &interval = static_cast<const IntervalTrigger &>(t);
        m_intervalEdit->setText(formatDuration(interval.intervalMs()));
        m_intervalStartCheck->setChecked(true);
        setDateTimeInZone(m_intervalStartEdit, interval.startMs(), t.zone());
        break;
    }
    case TriggerType::Date:
        setDateTimeInZone(m_dateTimeEdit, static_cast<const DateTrigger &>(t).runAtMs(), t.zone());
        break;
    case TriggerType::Calendar:
        m_calendarEdit->setText(calendarSpec(static_cast<const CalendarTrigger &>(t)));
        break;
    case TriggerType::Event:
        break;
    }
    selectType(t.type());
    refresh();
}

void TriggerEditor::setDateTimeInZone(QDateTimeEdit *edit, std::int64_t utcMs, const ZoneRules &zone)
{
    const std::int64_t localSeconds = zone.toLocal(floorDiv(utcMs, 1000));
    edit->setDateTime(QDateTime::fromSecsSinceEpoch(localSeconds, Qt::UTC));
}

Result<std::int64_t> TriggerEditor::instantInZone(const QDateTimeEdit *edit, const ZoneRules &zone)
{
    // A naive wall-clock text, so core resolves it in the zone (a time in a DST gap means the gap's end).
    const QDateTime wall = edit->dateTime();
    return parseIso(wall.date().toString(Qt::ISODate) + QLatin1Char('T') + wall.time().toString(Qt::ISODate), zone);
}

// --- reading the input --------------------------------------------------------------------------------------

TriggerEditor::Built TriggerEditor::build() const
{
    Built built;
    const QString zoneId = m_zoneCombo->currentText().trimmed();
    if (zoneId.isEmpty()) {
        built.fail(tr("Choose a time zone"), m_zoneCombo, true);
        return built;
    }
    const std::shared_ptr<const ZoneRules> zone = ZoneRules::forZone(zoneId.toUtf8());
    if (!zone) {
        built.fail(tr("\"%1\" is not a known time zone").arg(zoneId), m_zoneCombo);
        return built;
    }
    const std::int64_t now = m_clock.nowMs();
    switch (selectedType()) {
    case TriggerType::Cron: buildCron(built, zone); break;
    case TriggerType::Interval: buildInterval(built, zone, now); break;
    case TriggerType::Date: buildDate(built, zone); break;
    case TriggerType::Calendar: buildCalendar(built, zone, now); break;
    case TriggerType::Event:
        if (!m_hasEvents) {
            built.fail(tr("No schedule: check at least one event under “Also run”"), m_eventsOnlyRadio);
            return built;
        }
        built.trigger = std::make_unique<EventTrigger>();
        built.trigger->setZone(zone);
        break;
    }
    if (!built.trigger)
        return built;
    built.trigger->setJitterMs(secondsToMs(m_jitterSpin->value(),
                                           m_original ? std::optional(m_original->jitterMs()) : std::nullopt));
    built.unchanged = m_original && m_original->toJson() == built.trigger->toJson();
    // An untouched trigger that has fired for the last time (a date job that ran) may stay as it is.
    if (!built.unchanged && built.trigger->type() != TriggerType::Event && !built.trigger->nextFireTime(now)) {
        built.error = built.trigger->type() == TriggerType::Date ? tr("This time has already passed")
                                                                 : tr("This schedule never runs after now");
        built.field = mainField(built.trigger->type());
    }
    return built;
}

void TriggerEditor::buildCron(Built &built, const std::shared_ptr<const ZoneRules> &zone) const
{
    const QString text = m_cronEdit->text();
    if (text.trimmed().isEmpty()) {
        built.fail(tr("Enter a cron expression, e.g. 55 * * * * for minute 55 of every hour"), m_cronEdit, true);
        return;
    }
    auto created = CronTrigger::create(text, zone);
    if (!created) {
        built.fail(created.error().message, m_cronEdit);
        return;
    }
    if (const auto *original = dynamic_cast<const CronTrigger *>(m_original.get())) {
        created.value()->setStartMs(original->startMs());
        created.value()->setEndMs(original->endMs());
    }
    created.value()->setDstPolicy(static_cast<DstPolicy>(m_dstCombo->currentData().toInt()));
    built.trigger = std::move(created).value();
}

void TriggerEditor::buildInterval(Built &built, const std::shared_ptr<const ZoneRules> &zone,
                                  std::int64_t nowMs) const
{
    if (m_intervalEdit->text().trimmed().isEmpty()) {
        built.fail(tr("Enter how often to run, e.g. 15m or 1h30m"), m_intervalEdit, true);
        return;
    }
    auto interval = parseDuration(m_intervalEdit->text().trimmed());
    if (!interval) {
        built.fail(interval.error().message, m_intervalEdit);
        return;
    }
    std::int64_t start = nowMs + interval.value(); // APScheduler's rule for a job without a start
    if (m_intervalStartCheck->isChecked()) {
        auto parsed = instantInZone(m_intervalStartEdit, *zone);
        if (!parsed) {
            built.fail(tr("First run: %1").arg(parsed.error().message), m_intervalStartEdit);
            return;
        }
        start = parsed.value();
    }
    std::optional<std::int64_t> end;
    if (const auto *original = dynamic_cast<const IntervalTrigger *>(m_original.get()))
        end = original->endMs();
    built.trigger = std::make_unique<IntervalTrigger>(interval.value(), start, end);
    built.trigger->setZone(zone);
}

void TriggerEditor::buildDate(Built &built, const std::shared_ptr<const ZoneRules> &zone) const
{
    auto runAt = instantInZone(m_dateTimeEdit, *zone);
    if (!runAt) {
        built.fail(runAt.error().message, m_dateTimeEdit);
        return;
    }
    built.trigger = std::make_unique<DateTrigger>(runAt.value());
    built.trigger->setZone(zone);
}

void TriggerEditor::buildCalendar(Built &built, const std::shared_ptr<const ZoneRules> &zone,
                                  std::int64_t nowMs) const
{
    if (m_calendarEdit->text().trimmed().isEmpty()) {
        built.fail(tr("Enter a schedule, e.g. every 2 weeks at 09:30"), m_calendarEdit, true);
        return;
    }
    auto created = CalendarTrigger::parse(m_calendarEdit->text(), zone, nowMs);
    if (!created) {
        built.fail(created.error().message, m_calendarEdit);
        return;
    }
    if (const auto *original = dynamic_cast<const CalendarTrigger *>(m_original.get()))
        created.value()->setEndMs(original->endMs());
    built.trigger = std::move(created).value();
}

Result<std::shared_ptr<const Trigger>> TriggerEditor::trigger() const
{
    Built built = build();
    if (!built.error.isEmpty())
        return invalidInput(built.error);
    if (built.unchanged)
        return m_original;
    return std::shared_ptr<const Trigger>(std::move(built.trigger));
}

// --- showing core's answers ---------------------------------------------------------------------------------

void TriggerEditor::refresh()
{
    m_refreshTimer->stop();
    const Built built = build();
    for (QWidget *field : {static_cast<QWidget *>(m_cronEdit), static_cast<QWidget *>(m_intervalEdit),
                           static_cast<QWidget *>(m_intervalStartEdit), static_cast<QWidget *>(m_calendarEdit),
                           static_cast<QWidget *>(m_zoneCombo)})
        markField(field, !built.incomplete && field == built.field);

    if (built.trigger)
        m_description->setText(built.trigger->description());
    else
        m_description->setText(built.incomplete ? built.error : QString());
    m_description->setVisible(!m_description->text().isEmpty());
    if (built.error.isEmpty() || built.incomplete)
        m_error->clearMessage();
    else
        m_error->showMessage(built.error);

    m_preview->clear();
    if (built.trigger)
        showPreview(*built.trigger);
    showDstNote(built.trigger.get());
}

void TriggerEditor::addBelowFields(QWidget *widget)
{
    m_fields->insertWidget(m_fields->count() - 1, widget); // above the stretch
}

void TriggerEditor::setHasEvents(bool hasEvents)
{
    if (hasEvents == m_hasEvents)
        return;
    m_hasEvents = hasEvents;
    refresh();
}

void TriggerEditor::showDstNote(const Trigger *trigger)
{
    const auto *cron = dynamic_cast<const CronTrigger *>(trigger);
    const auto effect = cron ? nextDstEffect(*cron, m_clock.nowMs()) : std::nullopt;
    if (!effect) {
        m_dstNote->clear();
        m_dstNote->hide();
        return;
    }
    const QLocale locale;
    const auto wall = [](std::int64_t localSeconds) { return QDateTime::fromSecsSinceEpoch(localSeconds, Qt::UTC); };
    const QString time = locale.toString(wall(effect->localSeconds).time(), QLocale::ShortFormat);
    const QString day = locale.toString(wall(effect->localSeconds).date(), tr("d MMM", "QDate format: 29 Mar"));
    QString text;
    switch (effect->kind) {
    case CronDstEffect::Kind::GapSkipped:
        text = tr("DST: %1 does not exist on %2: skipped").arg(time, day);
        break;
    case CronDstEffect::Kind::GapAtEnd:
        text = tr("DST: %1 does not exist on %2: runs at %3")
                   .arg(time, day, locale.toString(wall(effect->gapEndLocalSeconds).time(), QLocale::ShortFormat));
        break;
    case CronDstEffect::Kind::OverlapOnce:
        text = tr("DST: %1 happens twice on %2: runs once").arg(time, day);
        break;
    case CronDstEffect::Kind::OverlapTwice:
        text = tr("DST: %1 happens twice on %2: runs twice").arg(time, day);
        break;
    }
    m_dstNote->setText(text);
    m_dstNote->show();
}

void TriggerEditor::showPreview(const Trigger &trigger)
{
    const std::int64_t now = m_clock.nowMs();
    const ZoneRules &zone = trigger.zone();
    const auto system = ZoneRules::system();
    // The zone the times are in is said; a zone whose clock is not this computer's gets the time here beside each.
    m_previewTitle->setText(tr("Next runs (%1):", "the job's time zone").arg(QString::fromLatin1(zone.id())));
    QList<std::int64_t> times;
    for (std::int64_t after = now; times.size() < previewCount;) {
        const std::optional<std::int64_t> next = trigger.nextFireTime(after);
        if (!next)
            break;
        times.append(*next);
        after = *next;
    }
    const bool elsewhere = std::any_of(times.begin(), times.end(), [&](std::int64_t ms) {
        return zone.toLocal(floorDiv(ms, 1000)) != system->toLocal(floorDiv(ms, 1000));
    });
    int widest = 0;
    for (const std::int64_t fireMs : std::as_const(times)) {
        QString text = formatRunTime(fireMs, zone, now);
        if (elsewhere)
            text = tr("%1 · %2 here", "a run time in the job's zone, then in this computer's")
                       .arg(text, formatRunTime(fireMs, *system, now, &zone));
        auto *item = new QListWidgetItem(text, m_preview);
        widest = std::max(widest, m_preview->fontMetrics().horizontalAdvance(text));
        QString tip = formatIso(fireMs, zone);
        if (zone.id() != system->id())
            tip += QLatin1Char('\n') + tr("%1 in this computer's time zone").arg(formatIso(fireMs, *system));
        item->setToolTip(tip);
        markExcluded(item, trigger, fireMs);
    }
    fitPreviewWidth(widest);
    if (m_preview->count() == 0) {
        auto *item = new QListWidgetItem(trigger.type() == TriggerType::Event ? tr("Only on events")
                                                                              : tr("No more runs"),
                                         m_preview);
        item->setFlags(Qt::NoItemFlags);
    }
}

void TriggerEditor::setExclusions(const ExclusionCalendars &calendars, const QStringList &names)
{
    m_exclusions = calendars;
    m_excludeNames = names;
    // Room for the longest calendar name after a time.
    int extra = 0;
    for (const QString &name : names)
        extra = std::max(extra, m_preview->fontMetrics().horizontalAdvance(QStringLiteral(" (%1)").arg(name)));
    m_excludeExtra = std::min(extra, 240);
    refresh();
}

void TriggerEditor::markExcluded(QListWidgetItem *item, const Trigger &trigger, std::int64_t fireMs) const
{
    if (m_excludeNames.isEmpty())
        return;
    Job probe; // excludes() asks a job: its trigger (not owned here) and exclude list
    probe.trigger = std::shared_ptr<const Trigger>(std::shared_ptr<const Trigger>(), &trigger);
    probe.options.exclude = m_excludeNames;
    const auto exclusion = m_exclusions.excludes(probe, fireMs);
    if (!exclusion)
        return;
    QFont font = item->font();
    font.setStrikeOut(true);
    item->setFont(font);
    item->setForeground(m_preview->palette().color(QPalette::Disabled, QPalette::Text));
    item->setText(tr("%1 (%2)", "a fire time struck through, and the calendar that excludes it")
                      .arg(item->text(), exclusion->calendar));
    item->setData(Qt::UserRole, exclusion->calendar);
    item->setToolTip(item->toolTip() + QLatin1Char('\n') + tr("Not run: %1").arg(exclusionText(*exclusion)));
}

void TriggerEditor::fitPreviewWidth(int widestText)
{
    // Room for the widest entry (a date in another year with seconds, or a time here beside it), and for the
    // longest calendar name after it.
    const int wanted = std::max(m_previewWidth, widestText + 2 * m_preview->frameWidth() + 16) + m_excludeExtra;
    const int width = std::min(wanted, 2 * m_previewWidth + m_excludeExtra);
    m_preview->setFixedWidth(width);
    // ...and all previewCount rows in view, however tall the language's glyphs make them.
    int rowHeight = 0;
    for (int row = 0; row < m_preview->count(); ++row)
        rowHeight = std::max(rowHeight, m_preview->sizeHintForRow(row));
    const int height = rowHeight * previewCount + 2 * m_preview->frameWidth() + 4;
    if (height > m_preview->height())
        m_preview->setFixedHeight(height);
    m_previewTitle->setMaximumWidth(width);
    m_dstNote->setMaximumWidth(width);
}

QString TriggerEditor::formatRunTime(std::int64_t utcMs, const ZoneRules &zone, std::int64_t nowMs,
                                     const ZoneRules *dayOf) const
{
    const QDateTime wall = QDateTime::fromSecsSinceEpoch(zone.toLocal(floorDiv(utcMs, 1000)), Qt::UTC);
    const QDateTime today = QDateTime::fromSecsSinceEpoch(zone.toLocal(floorDiv(nowMs, 1000)), Qt::UTC);
    const QLocale locale;
    if (dayOf) {
        // The time here beside a time in @p dayOf: the date only when it is another day there.
        const QDateTime there = QDateTime::fromSecsSinceEpoch(dayOf->toLocal(floorDiv(utcMs, 1000)), Qt::UTC);
        if (there.date() == wall.date()) {
            QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
            if (wall.time().second() != 0 && !timeFormat.contains(QLatin1String("ss")))
                timeFormat.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
            return locale.toString(wall.time(), timeFormat);
        }
    }
    // Weekday and month names follow the locale, and so does the 12/24-hour clock; the year only when it differs.
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    if (wall.time().second() != 0 && !timeFormat.contains(QLatin1String("ss")))
        timeFormat.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
    const QString dateFormat = wall.date().year() == today.date().year()
        ? tr("ddd d MMM", "QDate format of a date this year: Sat 5 Dec")
        : tr("ddd d MMM yyyy", "QDate format of a date in another year: Sat 5 Dec 2027");
    return locale.toString(wall, dateFormat + QLatin1Char(' ') + timeFormat);
}

} // namespace punctual

// The job editor dialog: lays out the editor parts, checks the input with core and saves through the Scheduler.
#include "jobeditordialog.h"

#include "actioneditor.h"
#include "chainseditor.h"
#include "excludeeditor.h"
#include "eventseditor.h"
#include "conditionseditor.h"
#include "fieldmessage.h"
#include "optionseditor.h"
#include "control/schedulerclient.h"
#include "jobs/jobidslug.h"
#include "sqlactioneditor.h"
#include "triggereditor.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>

namespace punctual {

namespace {

QGroupBox *section(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    // Slim margins above and below: five sections' worth is a row or two on a 1024 px screen.
    const QMargins margins = layout->contentsMargins();
    layout->setContentsMargins(margins.left(), 4, margins.right(), 4);
    layout->addWidget(content);
    return box;
}

} // namespace

JobEditorDialog::JobEditorDialog(SchedulerClient &scheduler, const Clock &clock, const FunctionRegistry &functions,
                                 QWidget *parent)
    : QDialog(parent)
    , m_scheduler(scheduler)
{
    setObjectName(QStringLiteral("jobEditorDialog"));
    setWindowTitle(tr("New job"));

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. Warm the cache"));
    m_nameEdit->setToolTip(tr("The name the job list shows"));
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_nameEdit);

    m_idEdit = new QLineEdit(this);
    m_idEdit->setObjectName(QStringLiteral("idEdit"));
    m_idEdit->setPlaceholderText(tr("generated"));
    m_idEdit->setToolTip(tr("A unique name scripts use for the job (punctualctl show ID); when left empty, made "
                            "from the name"));
    auto *idLabel = new QLabel(tr("&ID:"), this);
    idLabel->setBuddy(m_idEdit);
    m_idError = new FieldMessage(this);
    m_idError->setObjectName(QStringLiteral("idError"));

    auto *header = new QGridLayout;
    header->addWidget(nameLabel, 0, 0);
    header->addWidget(m_nameEdit, 0, 1);
    header->addItem(new QSpacerItem(12, 0), 0, 2);
    header->addWidget(idLabel, 0, 3);
    header->addWidget(m_idEdit, 0, 4);
    header->addWidget(m_idError, 1, 3, 1, 2);
    header->setColumnStretch(1, 3);
    header->setColumnStretch(4, 2);

    m_triggerEditor = new TriggerEditor(clock, this);
    m_eventsEditor = new EventsEditor(this);
    m_actionEditor = new ActionEditor(functions, this);
    m_optionsEditor = new OptionsEditor(this);
    m_chainsEditor = new ChainsEditor(this);
    m_excludeEditor = new ExcludeEditor(this);
    m_conditionsEditor = new ConditionsEditor(this);

    m_message = new FieldMessage(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));

    m_buttonBox = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttonBox->setObjectName(QStringLiteral("buttonBox"));
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &JobEditorDialog::accept);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &JobEditorDialog::reject);

    // The form scrolls (the SQL and HTTP pages are tall; screens can be small); message and buttons stay in view.
    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->setSpacing(3); // the group boxes' frames part them already; every pixel counts on a 1024 px screen
    formLayout->addLayout(header);
    // The event triggers ("Also run:") belong to when the job runs: one row under the schedule.
    auto *when = new QWidget(form);
    auto *whenLayout = new QVBoxLayout(when);
    whenLayout->setContentsMargins(0, 0, 0, 0);
    whenLayout->addWidget(m_triggerEditor);
    // Beside the Next runs column, which is taller than the trigger's fields: no height of their own.
    m_triggerEditor->addBelowFields(m_eventsEditor);
    m_triggerEditor->addBelowFields(m_excludeEditor);
    formLayout->addWidget(section(tr("When"), when, form));
    formLayout->addWidget(section(tr("What"), m_actionEditor, form));
    formLayout->addWidget(section(tr("If things go wrong"), m_optionsEditor, form));
    formLayout->addWidget(section(tr("Afterwards"), m_chainsEditor, form));
    formLayout->addWidget(section(tr("Only when"), m_conditionsEditor, form));
    // Room a shorter page leaves (the function page) goes here, not into a group box.
    formLayout->addStretch(1);
    m_scrollArea = new QScrollArea(this);
    m_scrollArea->setObjectName(QStringLiteral("editorScrollArea"));
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setWidget(form);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scrollArea, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttonBox);

    auto edited = [this] {
        m_message->clearMessage();
        updateValidity();
    };
    connect(m_nameEdit, &QLineEdit::textChanged, this, edited);
    // The id an empty field stands for, shown as it will be saved.
    connect(m_nameEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_original)
            m_idEdit->setPlaceholderText(m_nameEdit->text().trimmed().isEmpty() ? tr("generated") : generatedId());
    });
    connect(m_idEdit, &QLineEdit::textChanged, this, [this, edited] {
        m_idConflict.clear();
        edited();
    });
    connect(m_triggerEditor, &TriggerEditor::edited, this, edited);
    connect(m_eventsEditor, &EventsEditor::edited, this, [this, edited] {
        m_triggerEditor->setHasEvents(m_eventsEditor->anyChecked()); // "No schedule" needs an event
        edited();
    });
    connect(m_actionEditor, &ActionEditor::edited, this, edited);
    connect(m_optionsEditor, &OptionsEditor::edited, this, edited);
    connect(m_chainsEditor, &ChainsEditor::edited, this, edited);
    // Exclusion calendars: the choice, and the preview striking through the times they exclude.
    connect(m_excludeEditor, &ExcludeEditor::edited, this, [this, edited] {
        m_triggerEditor->setExclusions(m_excludeEditor->calendars(), m_excludeEditor->exclude());
        edited();
    });
    m_scheduler.calendars(this, [this](Result<QList<CalendarInfo>> calendars) {
        if (!calendars)
            return; // an older host, or none: no calendars to offer
        QList<ExclusionCalendar> list;
        for (const CalendarInfo &info : std::as_const(calendars.value()))
            list.append(info.calendar);
        m_excludeEditor->setCalendars(list);
        m_triggerEditor->setExclusions(m_excludeEditor->calendars(), m_excludeEditor->exclude());
    });
    connect(m_conditionsEditor, &ConditionsEditor::edited, this, edited);

    alignFormLabels(this);
    setTabOrderByName();
    updateValidity();
    fitToScreen();
    form->installEventFilter(this);
    m_nameEdit->setFocus();
}

JobEditorDialog::~JobEditorDialog() = default;

void JobEditorDialog::setKnownSqlConnections(const QList<SqlConnection> &connections)
{
    m_actionEditor->setKnownSqlConnections(connections);
}

void JobEditorDialog::setKnownJobs(const QList<std::pair<QString, QString>> &jobs)
{
    m_knownJobs = jobs;
    m_chainsEditor->setKnownJobs(jobs, m_original ? m_original->id : QString());
    if (!m_original && !m_nameEdit->text().trimmed().isEmpty())
        m_idEdit->setPlaceholderText(generatedId());
}

QString JobEditorDialog::generatedId() const
{
    QSet<QString> taken;
    for (const auto &[id, name] : m_knownJobs)
        taken.insert(id);
    return jobIdFromName(m_nameEdit->text().trimmed(), taken);
}

QString JobEditorDialog::inputFingerprint() const
{
    // The values a person can change, in widget order; list items only when checked (calendars come and go).
    QStringList values;
    for (const QObject *object : findChildren<QObject *>()) {
        if (const auto *edit = qobject_cast<const QLineEdit *>(object))
            values << edit->text();
        else if (const auto *text = qobject_cast<const QPlainTextEdit *>(object))
            values << text->toPlainText();
        else if (const auto *spin = qobject_cast<const QAbstractSpinBox *>(object))
            values << spin->text();
        else if (const auto *button = qobject_cast<const QAbstractButton *>(object))
            values << (button->isCheckable() && button->isChecked() ? QStringLiteral("1") : QStringLiteral("0"));
        else if (const auto *combo = qobject_cast<const QComboBox *>(object))
            values << combo->currentText();
        else if (const auto *list = qobject_cast<const QListWidget *>(object); list && list->objectName() != QLatin1String("previewList")) {
            for (int row = 0; row < list->count(); ++row) {
                if (list->item(row)->checkState() == Qt::Checked || !(list->item(row)->flags() & Qt::ItemIsUserCheckable))
                    values << list->item(row)->text();
            }
        }
    }
    return values.join(QChar(0x1F));
}

bool JobEditorDialog::hasChanges() const
{
    return m_shown && inputFingerprint() != m_openedWith;
}

void JobEditorDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!std::exchange(m_shown, true))
        m_openedWith = inputFingerprint(); // after the caller's set-up (known jobs, defaults, setJob())
}

void JobEditorDialog::reject()
{
    if (hasChanges()) {
        const QString name = m_nameEdit->text().trimmed();
        QMessageBox ask(QMessageBox::Question, windowTitle(),
                        name.isEmpty() ? tr("Discard this new job?") : tr("Discard changes to “%1”?").arg(name),
                        QMessageBox::NoButton, this);
        ask.setObjectName(QStringLiteral("discardQuestion"));
        ask.setInformativeText(tr("What you entered is lost."));
        QPushButton *discard = ask.addButton(tr("Discard changes"), QMessageBox::DestructiveRole);
        discard->setObjectName(QStringLiteral("discardButton"));
        QPushButton *keep = ask.addButton(tr("Keep editing"), QMessageBox::RejectRole);
        keep->setObjectName(QStringLiteral("keepEditingButton"));
        ask.setDefaultButton(keep);
        ask.setEscapeButton(keep);
        ask.exec();
        if (ask.clickedButton() != discard)
            return;
    }
    QDialog::reject();
}

void JobEditorDialog::fitToScreen()
{
    resize(sizeForForm());
}

bool JobEditorDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scrollArea->widget() && event->type() == QEvent::LayoutRequest && !m_growPending) {
        // After the layout settles: grow (never shrink, the user may have sized it) to show the form again.
        m_growPending = true;
        QTimer::singleShot(0, this, [this] {
            m_growPending = false;
            if (isVisible())
                resize(size().expandedTo(sizeForForm()));
        });
    }
    return QDialog::eventFilter(watched, event);
}

QSize JobEditorDialog::sizeForForm() const
{
    // The whole form when it fits, else as much as the screen has room for (the rest scrolls).
    const QMargins margins = layout()->contentsMargins();
    const int spacing = layout()->spacing();
    QSize wanted = m_scrollArea->widget()->sizeHint();
    wanted.rwidth() += margins.left() + margins.right() + m_scrollArea->verticalScrollBar()->sizeHint().width();
    wanted.rheight() += margins.top() + margins.bottom() + 2 * spacing + m_message->sizeHint().height()
        + m_buttonBox->sizeHint().height();
    wanted = wanted.expandedTo(QSize(760, 0));
    if (const QScreen *where = screen())
        wanted = wanted.boundedTo(where->availableGeometry().size() * 0.92);
    return wanted;
}

void JobEditorDialog::setTabOrderByName()
{
    // Top to bottom, left to right, whatever order the parts happened to create their widgets in.
    static const char *const order[] = {
        "nameEdit", "idEdit",
        "cronRadio", "intervalRadio", "dateRadio", "calendarRadio", "eventsOnlyRadio",
        "cronEdit", "dstCombo", "intervalEdit", "intervalStartEdit", "dateTimeEdit", "calendarEdit",
        "timeZoneCombo", "jitterSpin", "excludeList",
        "atStartCheck", "afterResumeCheck", "afterResumeDelayEdit", "networkUpCheck",
        "actionKindCombo", "programEdit", "programBrowseButton", "argumentsEdit", "workingDirectoryEdit",
        "workingDirectoryBrowseButton", "shellCheck", "functionCombo",
        "sqlConnectionCombo", "sqlDriverCombo", "sqlHostEdit", "sqlPortSpin", "sqlDatabaseEdit",
        "sqlDatabaseBrowseButton", "sqlUserEdit", "sqlPasswordSourceCombo", "sqlPasswordVariableEdit",
        "sqlSetPasswordButton", "sqlStatementsEdit", "sqlStatementTimeoutSpin", "sqlTestButton",
        "httpUrlsEdit", "httpMethodCombo", "httpBodyEdit", "httpContentTypeEdit", "httpConcurrencySpin",
        "httpRequestTimeoutSpin", "httpFollowRedirectsCheck", "httpFailOnErrorCheck",
        "misfireGraceSpin", "misfireNoLimitCheck", "coalesceCheck", "overlapCombo", "queueLimitSpin",
        "maxInstancesSpin", "timeoutSpin", "retriesSpin", "retryDelaySpin", "retryBackoffSpin", "retryDelayMaxSpin",
        "pauseAfterFailuresCheck", "pauseAfterFailuresSpin",
        "chainsList", "chainConditionCombo", "chainJobCombo", "chainAddButton", "chainRemoveButton",
        "acPowerCheck", "networkCheck", "unmeteredCheck", "idleCheck", "idleSpin", "requireDeadlineCombo",
        "requireDeadlineSpin", "stopIfLostCheck",
        "buttonBox",
    };
    QWidget *previous = nullptr;
    for (const char *name : order) {
        QWidget *widget = findChild<QWidget *>(QLatin1String(name));
        if (!widget)
            continue;
        if (previous)
            setTabOrder(previous, widget);
        previous = widget;
    }
}

void JobEditorDialog::setDefaultOptions(const JobOptions &options)
{
    if (!isEditing())
        m_optionsEditor->setOptions(options);
}

void JobEditorDialog::setJob(const Job &job)
{
    m_original = job;
    setWindowTitle(tr("Edit job"));
    m_idEdit->setText(job.id);
    m_idEdit->setReadOnly(true);
    m_idEdit->setPlaceholderText({});
    m_idEdit->setToolTip(tr("A job's id cannot change"));
    m_nameEdit->setText(job.name);
    m_eventsEditor->setEvents(job.options.events);
    m_triggerEditor->setHasEvents(job.options.events.any());
    m_triggerEditor->setTrigger(job.trigger);
    m_actionEditor->setAction(job.action);
    m_optionsEditor->setOptions(job.options);
    m_chainsEditor->setKnownJobs(m_knownJobs, job.id);
    m_chainsEditor->setChains(job.options.chains);
    m_excludeEditor->setExclude(job.options.exclude);
    m_triggerEditor->setExclusions(m_excludeEditor->calendars(), job.options.exclude);
    m_conditionsEditor->setOptions(job.options);
    m_message->clearMessage();
    updateValidity();
    if (m_shown)
        m_openedWith = inputFingerprint();
}

Result<Job> JobEditorDialog::jobFromInput() const
{
    Job job = m_original.value_or(Job{});
    if (!m_original) {
        job.id = m_idEdit->text();
        if (auto valid = job.id.isEmpty() ? Result<void>() : validateJobId(job.id); !valid)
            return valid.error();
    }
    job.name = m_nameEdit->text().trimmed();
    auto trigger = m_triggerEditor->trigger();
    if (!trigger)
        return trigger.error();
    job.trigger = std::move(trigger).value();
    auto action = m_actionEditor->action();
    if (!action)
        return action.error();
    job.action = std::move(action).value();
    job.options = m_optionsEditor->options();
    job.options.chains = m_chainsEditor->chains();
    job.options.exclude = m_excludeEditor->exclude();
    auto events = m_eventsEditor->events();
    if (!events)
        return events.error();
    job.options.events = events.value();
    m_conditionsEditor->applyTo(job.options);
    return job;
}

bool JobEditorDialog::isInputValid() const
{
    return jobFromInput().ok();
}

void JobEditorDialog::updateValidity()
{
    QString idProblem = m_idConflict;
    if (!m_original && idProblem.isEmpty() && !m_idEdit->text().isEmpty()) {
        if (auto valid = validateJobId(m_idEdit->text()); !valid)
            idProblem = valid.error().message;
    }
    if (idProblem.isEmpty())
        m_idError->clearMessage();
    else
        m_idError->showMessage(idProblem);
    markField(m_idEdit, !idProblem.isEmpty());

    const Result<Job> input = jobFromInput();
    QPushButton *save = m_buttonBox->button(QDialogButtonBox::Save);
    // A taken id is only known from the scheduler's answer: keep Save off until the id is changed.
    save->setEnabled(input.ok() && m_idConflict.isEmpty());
    save->setToolTip(input.ok() ? QString() : tr("Cannot save yet: %1").arg(input.error().message));
}

void JobEditorDialog::accept()
{
    m_triggerEditor->refresh();
    const Result<Job> input = jobFromInput();
    if (!input) {
        m_message->showMessage(input.error().message);
        return;
    }
    // The host saves it; the dialog stays (Save off) until its answer, then closes or says what is wrong.
    QPushButton *save = m_buttonBox->button(QDialogButtonBox::Save);
    if (!save->isEnabled())
        return; // saving already
    save->setEnabled(false);
    auto done = [this, save](Result<Job> saved) {
        save->setEnabled(true);
        if (!saved) {
            showSaveError(saved.error());
            return;
        }
        emit jobSaved(saved.value());
        QDialog::accept();
    };
    if (!m_original) {
        Job job = input.value();
        if (job.id.isEmpty())
            job.id = generatedId(); // a slug of the name, not 32 hex digits
        m_scheduler.addJob(job, ConflictPolicy::Fail, this, done);
    } else {
        JobChanges changes;
        changes.name = input->name;
        changes.action = input->action;
        changes.options = input->options;
        // The unchanged trigger is the very object setJob() gave; only a new one reschedules the job.
        if (input->trigger != m_original->trigger)
            changes.trigger = input->trigger;
        m_scheduler.modifyJob(m_original->id, changes, this, done);
    }
}

void JobEditorDialog::showSaveError(const Error &error)
{
    if (error.code == ErrorCode::Conflict && !m_original) {
        m_idConflict = error.message;
        updateValidity();
        m_idEdit->setFocus();
        m_idEdit->selectAll();
        return;
    }
    m_message->showMessage(tr("Could not save the job: %1").arg(error.message));
}

} // namespace punctual

// The "If things go wrong" part of the job editor: APScheduler's job options as plain questions.
#include "optionseditor.h"

#include "fieldmessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace punctual {

namespace {

constexpr int week = 7 * 86'400;

QSpinBox *secondsSpin(const QString &objectName, int maximum, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, maximum);
    spin->setSuffix(OptionsEditor::tr(" s"));
    spin->setAccelerated(true);
    return spin;
}

/// A row of widgets and words that reads as one sentence.
QHBoxLayout *sentence(std::initializer_list<QWidget *> parts)
{
    auto *row = new QHBoxLayout;
    for (QWidget *part : parts)
        row->addWidget(part);
    row->addStretch();
    return row;
}

} // namespace

OptionsEditor::OptionsEditor(QWidget *parent)
    : QWidget(parent)
{
    const QString graceTip = tr("A run that cannot start on time (the computer was off or asleep, or the scheduler "
                                "was busy) still runs if it is at most this late; later runs are recorded as "
                                "missed");
    auto *graceWords = new QLabel(tr("run it if late by at most"), this);
    m_misfireGraceSpin = secondsSpin(QStringLiteral("misfireGraceSpin"), week, this);
    m_misfireGraceSpin->setAccessibleName(tr("Run a late run if late by at most"));
    m_misfireGraceSpin->setMinimum(1);
    m_misfireNoLimitCheck = new QCheckBox(tr("no limit"), this);
    m_misfireNoLimitCheck->setObjectName(QStringLiteral("misfireNoLimitCheck"));
    m_misfireNoLimitCheck->setToolTip(tr("Run it however late it is"));
    for (QWidget *widget : {static_cast<QWidget *>(graceWords), static_cast<QWidget *>(m_misfireGraceSpin)})
        widget->setToolTip(graceTip);
    graceWords->setBuddy(m_misfireGraceSpin);

    m_coalesceCheck = new QCheckBox(tr("run only once"), this);
    m_coalesceCheck->setObjectName(QStringLiteral("coalesceCheck"));
    m_coalesceCheck->setToolTip(tr("When several runs were missed (after the computer was off or asleep), run the "
                                   "job once for all of them instead of once for each"));

    // The overlap policies in the combo's order; their names are what --overlap and the JSON take.
    m_overlapCombo = new QComboBox(this);
    m_overlapCombo->setObjectName(QStringLiteral("overlapCombo"));
    m_overlapCombo->setAccessibleName(tr("If the previous run is still going"));
    const std::pair<OverlapPolicy, QString> policies[] = {
        {OverlapPolicy::Skip, tr("Skip the new run")},
        {OverlapPolicy::QueueOne, tr("Wait — at most one waiting")},
        {OverlapPolicy::QueueAll, tr("Wait in a queue")},
        {OverlapPolicy::Replace, tr("Stop the running one and start")},
        {OverlapPolicy::Allow, tr("Run both")},
    };
    for (const auto &[policy, text] : policies)
        m_overlapCombo->addItem(text, static_cast<int>(policy));
    m_overlapCombo->setToolTip(tr("What a run due while earlier runs are still going does: it is skipped (beyond "
                                  "the runs allowed at a time), waits for them to end (one, or a queue), stops them "
                                  "first, or runs alongside"));

    m_queueLimitSpin = new QSpinBox(this);
    m_queueLimitSpin->setObjectName(QStringLiteral("queueLimitSpin"));
    m_queueLimitSpin->setAccessibleName(tr("Runs that may wait in the queue"));
    m_queueLimitSpin->setRange(1, 10'000);
    m_queueLimitSpin->setPrefix(tr("up to "));
    m_queueLimitSpin->setSuffix(tr(" waiting"));
    m_queueLimitSpin->setToolTip(tr("How many runs may wait; a further one is skipped"));

    const QString instancesTip = tr("How many runs of this job may go on at the same time; a run due while that "
                                    "many are still going is skipped and recorded as such");
    auto *instancesWords = new QLabel(tr("at most"), this);
    m_maxInstancesSpin = new QSpinBox(this);
    m_maxInstancesSpin->setObjectName(QStringLiteral("maxInstancesSpin"));
    m_maxInstancesSpin->setAccessibleName(tr("Runs at a time"));
    m_maxInstancesSpin->setRange(1, 100);
    auto *instancesAfter = new QLabel(tr("at a time"), this);
    for (QWidget *widget : {static_cast<QWidget *>(instancesWords), static_cast<QWidget *>(m_maxInstancesSpin),
                            static_cast<QWidget *>(instancesAfter)})
        widget->setToolTip(instancesTip);
    instancesWords->setBuddy(m_maxInstancesSpin);
    m_instancesWords = {instancesWords, instancesAfter};

    const QString pauseTip = tr("Pauses the job after this many runs in a row failed (a run and its retries count "
                                "as one); a notice says so, and the job list shows why");
    m_pauseAfterCheck = new QCheckBox(tr("pause the job after"), this);
    m_pauseAfterCheck->setObjectName(QStringLiteral("pauseAfterFailuresCheck"));
    m_pauseAfterCheck->setAccessibleName(tr("Pause the job after failures in a row"));
    m_pauseAfterCheck->setToolTip(pauseTip);
    m_pauseAfterSpin = new QSpinBox(this);
    m_pauseAfterSpin->setObjectName(QStringLiteral("pauseAfterFailuresSpin"));
    m_pauseAfterSpin->setAccessibleName(tr("Failures in a row before the job is paused"));
    m_pauseAfterSpin->setRange(1, 1000);
    m_pauseAfterSpin->setToolTip(pauseTip);
    auto *failuresWords = new QLabel(tr("failures in a row"), this);
    failuresWords->setToolTip(pauseTip);

    m_timeoutSpin = secondsSpin(QStringLiteral("timeoutSpin"), week, this);
    m_timeoutSpin->setSpecialValueText(tr("never"));
    m_timeoutSpin->setAccessibleName(tr("Stop a run after"));
    m_timeoutSpin->setToolTip(tr("Stops a run that takes longer than this many seconds and records it as timed "
                                 "out; \"never\" (0) lets it run as long as it takes"));

    const QString retryTip = tr("A failed run is tried again this many times, waiting between attempts");
    auto *retryWords = new QLabel(tr("retry"), this);
    m_retriesSpin = new QSpinBox(this);
    m_retriesSpin->setAccessibleName(tr("Retries after a failure"));
    m_retriesSpin->setObjectName(QStringLiteral("retriesSpin"));
    m_retriesSpin->setRange(0, 100);
    m_retriesSpin->setToolTip(tr("How many times a failed run is tried again"));
    auto *timesWords = new QLabel(tr("times,"), this);
    m_retryDelaySpin = secondsSpin(QStringLiteral("retryDelaySpin"), 86'400, this);
    m_retryDelaySpin->setAccessibleName(tr("Wait between retries"));
    m_retryDelaySpin->setToolTip(tr("How long to wait before trying a failed run again"));
    auto *apartWords = new QLabel(tr("apart"), this);
    for (QLabel *label : {retryWords, timesWords, apartWords})
        label->setToolTip(retryTip);
    retryWords->setBuddy(m_retriesSpin);

    const QString backoffTip = tr("Each wait between retries is this many times the one before, up to the "
                                  "longest wait: 1 keeps the same wait, 2 doubles it");
    m_retryBackoffSpin = new QDoubleSpinBox(this);
    m_retryBackoffSpin->setAccessibleName(tr("Growth of the wait between retries"));
    m_retryBackoffSpin->setObjectName(QStringLiteral("retryBackoffSpin"));
    m_retryBackoffSpin->setRange(1.0, 10.0);
    m_retryBackoffSpin->setSingleStep(0.5);
    m_retryBackoffSpin->setDecimals(1);
    m_retryBackoffSpin->setPrefix(tr("× "));
    m_retryBackoffSpin->setSpecialValueText(tr("no, the same each time"));
    m_retryBackoffSpin->setToolTip(tr("How many times longer each wait is than the one before; 1 keeps the same "
                                      "wait"));
    auto *upToWords = new QLabel(tr("the wait each time, up to"), this);
    upToWords->setToolTip(backoffTip);
    m_retryDelayMaxSpin = secondsSpin(QStringLiteral("retryDelayMaxSpin"), week, this);
    m_retryDelayMaxSpin->setAccessibleName(tr("Longest wait between retries"));
    m_retryDelayMaxSpin->setSpecialValueText(tr("no limit"));
    m_retryDelayMaxSpin->setToolTip(tr("The longest a growing wait gets; \"no limit\" (0) lets it grow"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Missed while off or asleep:"), sentence({graceWords, m_misfireGraceSpin, m_misfireNoLimitCheck}));
    form->addRow(tr("Several runs missed:"), sentence({m_coalesceCheck}));
    form->addRow(tr("If the previous run is still going:"),
                 sentence({m_overlapCombo, m_queueLimitSpin, instancesWords, m_maxInstancesSpin, instancesAfter}));
    form->addRow(tr("Stop a run after:"), sentence({m_timeoutSpin}));
    form->addRow(tr("If it fails:"), sentence({retryWords, m_retriesSpin, timesWords, m_retryDelaySpin, apartWords}));
    form->addRow(tr("Wait longer each retry?"), sentence({m_retryBackoffSpin, upToWords, m_retryDelayMaxSpin}));
    form->addRow(tr("If it keeps failing:"), sentence({m_pauseAfterCheck, m_pauseAfterSpin, failuresWords}));

    setOptions(JobOptions{});
    for (QSpinBox *spin : {m_misfireGraceSpin, m_maxInstancesSpin, m_timeoutSpin, m_retriesSpin, m_retryDelaySpin,
                           m_queueLimitSpin, m_pauseAfterSpin})
        connect(spin, &QSpinBox::valueChanged, this, &OptionsEditor::edited);
    connect(m_retryDelayMaxSpin, &QSpinBox::valueChanged, this, &OptionsEditor::edited);
    connect(m_retryBackoffSpin, &QDoubleSpinBox::valueChanged, this, &OptionsEditor::edited);
    connect(m_retryBackoffSpin, &QDoubleSpinBox::valueChanged, this, &OptionsEditor::updateEnabled);
    for (QCheckBox *check : {m_misfireNoLimitCheck, m_coalesceCheck, m_pauseAfterCheck})
        connect(check, &QCheckBox::toggled, this, &OptionsEditor::edited);
    connect(m_pauseAfterCheck, &QCheckBox::toggled, this, &OptionsEditor::updateEnabled);
    connect(m_overlapCombo, &QComboBox::currentIndexChanged, this, &OptionsEditor::edited);
    connect(m_overlapCombo, &QComboBox::currentIndexChanged, this, &OptionsEditor::updateEnabled);
    connect(m_misfireNoLimitCheck, &QCheckBox::toggled, this, &OptionsEditor::updateEnabled);
    connect(m_retriesSpin, &QSpinBox::valueChanged, this, &OptionsEditor::updateEnabled);
}

void OptionsEditor::setOptions(const JobOptions &options)
{
    m_original = options;
    m_misfireNoLimitCheck->setChecked(!options.misfireGraceMs);
    m_misfireGraceSpin->setValue(
        roundToSeconds(options.misfireGraceMs.value_or(JobOptions::defaultMisfireGraceMs)));
    m_coalesceCheck->setChecked(options.coalesce == CoalescePolicy::Latest);
    m_maxInstancesSpin->setValue(options.maxInstances);
    m_overlapCombo->setCurrentIndex(m_overlapCombo->findData(static_cast<int>(options.overlap)));
    m_queueLimitSpin->setValue(options.queueLimit);
    m_pauseAfterCheck->setChecked(options.pauseAfterFailures.has_value());
    m_pauseAfterSpin->setValue(options.pauseAfterFailures.value_or(3));
    m_timeoutSpin->setValue(options.timeoutMs ? roundToSeconds(*options.timeoutMs) : 0);
    m_retriesSpin->setValue(options.maxRetries);
    m_retryDelaySpin->setValue(roundToSeconds(options.retryDelayMs));
    m_retryBackoffSpin->setValue(options.retryBackoff);
    m_retryDelayMaxSpin->setValue(options.retryDelayMaxMs ? roundToSeconds(*options.retryDelayMaxMs) : 0);
    updateEnabled();
}

JobOptions OptionsEditor::options() const
{
    JobOptions options = m_original;
    if (m_misfireNoLimitCheck->isChecked())
        options.misfireGraceMs.reset();
    else
        options.misfireGraceMs = secondsToMs(m_misfireGraceSpin->value(), m_original.misfireGraceMs);
    options.coalesce = m_coalesceCheck->isChecked() ? CoalescePolicy::Latest : CoalescePolicy::All;
    options.maxInstances = m_maxInstancesSpin->value();
    options.overlap = static_cast<OverlapPolicy>(m_overlapCombo->currentData().toInt());
    options.queueLimit = m_queueLimitSpin->value();
    if (m_pauseAfterCheck->isChecked())
        options.pauseAfterFailures = m_pauseAfterSpin->value();
    else
        options.pauseAfterFailures.reset();
    if (m_timeoutSpin->value() == 0)
        options.timeoutMs.reset();
    else
        options.timeoutMs = secondsToMs(m_timeoutSpin->value(), m_original.timeoutMs);
    options.maxRetries = m_retriesSpin->value();
    options.retryDelayMs = secondsToMs(m_retryDelaySpin->value(), m_original.retryDelayMs);
    // A value nobody touched keeps its precision (the spin box shows one decimal).
    if (qAbs(m_retryBackoffSpin->value() - m_original.retryBackoff) > 0.0501)
        options.retryBackoff = m_retryBackoffSpin->value();
    if (m_retryDelayMaxSpin->value() == 0)
        options.retryDelayMaxMs.reset();
    else
        options.retryDelayMaxMs = secondsToMs(m_retryDelayMaxSpin->value(), m_original.retryDelayMaxMs);
    return options;
}

void OptionsEditor::updateEnabled()
{
    m_misfireGraceSpin->setEnabled(!m_misfireNoLimitCheck->isChecked());
    // The queue's length only means something for a queue; runs at a time mean nothing when all run anyway.
    const auto policy = static_cast<OverlapPolicy>(m_overlapCombo->currentData().toInt());
    m_queueLimitSpin->setEnabled(policy == OverlapPolicy::QueueAll);
    const bool limited = policy != OverlapPolicy::Allow && policy != OverlapPolicy::Replace;
    m_maxInstancesSpin->setEnabled(limited);
    for (QLabel *words : m_instancesWords)
        words->setEnabled(limited);
    m_pauseAfterSpin->setEnabled(m_pauseAfterCheck->isChecked());
    m_retryDelaySpin->setEnabled(m_retriesSpin->value() > 0);
    m_retryBackoffSpin->setEnabled(m_retriesSpin->value() > 1);
    m_retryDelayMaxSpin->setEnabled(m_retriesSpin->value() > 1 && m_retryBackoffSpin->value() > 1.0);
}

} // namespace punctual

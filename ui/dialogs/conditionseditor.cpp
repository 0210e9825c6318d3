// Conditions that wait, as check boxes.
#include "conditionseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QSpinBox>

namespace punctual {

namespace {

constexpr std::int64_t minuteMs = 60'000;

/// What the deadline combo offers, in its order.
enum class DeadlineChoice
{
    MisfireGrace, ///< absent: the misfire grace time
    Forever,      ///< none
    Minutes,      ///< the spin box's minutes
};

QHBoxLayout *row(std::initializer_list<QWidget *> parts)
{
    auto *layout = new QHBoxLayout;
    for (QWidget *part : parts)
        layout->addWidget(part);
    layout->addStretch();
    return layout;
}

} // namespace

ConditionsEditor::ConditionsEditor(QWidget *parent)
    : QWidget(parent)
{
    const auto check = [this](const QString &objectName, const QString &text, const QString &tip) {
        auto *box = new QCheckBox(text, this);
        box->setObjectName(objectName);
        box->setToolTip(tip);
        box->setAccessibleName(text);
        connect(box, &QCheckBox::toggled, this, &ConditionsEditor::edited);
        connect(box, &QCheckBox::toggled, this, &ConditionsEditor::updateEnabled);
        return box;
    };
    m_acPowerCheck = check(QStringLiteral("acPowerCheck"), tr("On AC power"),
                           tr("A due run waits while the computer runs on battery (requires ac-power)"));
    m_networkCheck = check(QStringLiteral("networkCheck"), tr("Network available"),
                           tr("A due run waits until the network can be reached (requires network)"));
    m_unmeteredCheck = check(QStringLiteral("unmeteredCheck"), tr("Unmetered network"),
                             tr("A due run waits while there is no network, or only a metered one such as a mobile "
                                "connection (requires unmetered)"));
    m_idleCheck = check(QStringLiteral("idleCheck"), tr("Idle for"),
                        tr("A due run waits until nobody has used the computer for this long (requires idle:DURATION)"));
    m_idleCheck->setAccessibleName(tr("Only when the computer is idle"));
    m_idleSpin = new QSpinBox(this);
    m_idleSpin->setObjectName(QStringLiteral("idleSpin"));
    m_idleSpin->setAccessibleName(tr("Idle for this many minutes"));
    m_idleSpin->setRange(1, 24 * 60);
    m_idleSpin->setSuffix(tr(" min"));
    connect(m_idleSpin, &QSpinBox::valueChanged, this, &ConditionsEditor::edited);

    m_deadlineCombo = new QComboBox(this);
    m_deadlineCombo->setObjectName(QStringLiteral("requireDeadlineCombo"));
    m_deadlineCombo->setAccessibleName(tr("How long a due run waits for its conditions"));
    m_deadlineCombo->addItem(tr("as long as the misfire grace time"), static_cast<int>(DeadlineChoice::MisfireGrace));
    m_deadlineCombo->addItem(tr("for ever"), static_cast<int>(DeadlineChoice::Forever));
    m_deadlineCombo->addItem(tr("at most"), static_cast<int>(DeadlineChoice::Minutes));
    m_deadlineCombo->setToolTip(tr("A run whose conditions do not hold by then is not run; it is recorded as "
                                   "condition timeout"));
    m_deadlineSpin = new QSpinBox(this);
    m_deadlineSpin->setObjectName(QStringLiteral("requireDeadlineSpin"));
    m_deadlineSpin->setAccessibleName(tr("Minutes a due run waits for its conditions"));
    m_deadlineSpin->setRange(1, 100 * 24 * 60);
    m_deadlineSpin->setSuffix(tr(" min"));
    connect(m_deadlineCombo, &QComboBox::currentIndexChanged, this, &ConditionsEditor::edited);
    connect(m_deadlineCombo, &QComboBox::currentIndexChanged, this, &ConditionsEditor::updateEnabled);
    connect(m_deadlineSpin, &QSpinBox::valueChanged, this, &ConditionsEditor::edited);

    m_stopIfLostCheck = check(QStringLiteral("stopIfLostCheck"), tr("Stop the run if the condition is lost"),
                              tr("A run going is stopped (recorded interrupted) when one of its conditions stops "
                                 "holding, such as the power cable being pulled"));

    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    // The editor is tall already and must fit a 1024-pixel screen without scrolling: the second row, which means
    // nothing without a condition, shows only once one is checked.
    // Idle on a line of its own: one line of all four is wider than a 1024 px screen has room for in German.
    m_form->addRow(tr("Conditions:"), row({m_acPowerCheck, m_networkCheck, m_unmeteredCheck}));
    m_form->addRow(QString(), row({m_idleCheck, m_idleSpin}));
    m_form->addRow(tr("Wait for them:"), row({m_deadlineCombo, m_deadlineSpin, m_stopIfLostCheck}));
    setOptions(JobOptions{});
}

void ConditionsEditor::setOptions(const JobOptions &options)
{
    m_original = options;
    const QSignalBlocker blocked(this); // setting is not editing
    const auto has = [&options](RunCondition::Kind kind) {
        return std::any_of(options.conditions.cbegin(), options.conditions.cend(),
                           [kind](const RunCondition &c) { return c.kind == kind; });
    };
    m_acPowerCheck->setChecked(has(RunCondition::Kind::AcPower));
    m_networkCheck->setChecked(has(RunCondition::Kind::Network));
    m_unmeteredCheck->setChecked(has(RunCondition::Kind::Unmetered));
    m_idleCheck->setChecked(has(RunCondition::Kind::Idle));
    std::int64_t idleMs = 10 * minuteMs;
    for (const RunCondition &condition : options.conditions) {
        if (condition.kind == RunCondition::Kind::Idle)
            idleMs = condition.idleMs;
    }
    m_idleSpin->setValue(static_cast<int>(std::clamp<std::int64_t>((idleMs + minuteMs / 2) / minuteMs, 1, 24 * 60)));
    DeadlineChoice choice = DeadlineChoice::MisfireGrace;
    if (options.requireDeadlineMs)
        choice = *options.requireDeadlineMs ? DeadlineChoice::Minutes : DeadlineChoice::Forever;
    m_deadlineCombo->setCurrentIndex(m_deadlineCombo->findData(static_cast<int>(choice)));
    const std::int64_t deadlineMs = options.requireDeadlineMs && *options.requireDeadlineMs
        ? **options.requireDeadlineMs
        : 60 * minuteMs;
    m_deadlineSpin->setValue(
        static_cast<int>(std::clamp<std::int64_t>((deadlineMs + minuteMs / 2) / minuteMs, 1, 100 * 24 * 60)));
    m_stopIfLostCheck->setChecked(options.stopIfLost);
    updateEnabled();
}

void ConditionsEditor::applyTo(JobOptions &options) const
{
    RunConditions conditions;
    if (m_acPowerCheck->isChecked())
        conditions.append({RunCondition::Kind::AcPower});
    if (m_networkCheck->isChecked())
        conditions.append({RunCondition::Kind::Network});
    if (m_unmeteredCheck->isChecked())
        conditions.append({RunCondition::Kind::Unmetered});
    if (m_idleCheck->isChecked()) {
        // A duration nobody touched keeps its precision (the spin box shows whole minutes).
        std::int64_t idleMs = std::int64_t(m_idleSpin->value()) * minuteMs;
        for (const RunCondition &condition : m_original.conditions) {
            if (condition.kind == RunCondition::Kind::Idle && (condition.idleMs + minuteMs / 2) / minuteMs == m_idleSpin->value())
                idleMs = condition.idleMs;
        }
        conditions.append({RunCondition::Kind::Idle, idleMs});
    }
    options.conditions = conditions;
    switch (static_cast<DeadlineChoice>(m_deadlineCombo->currentData().toInt())) {
    case DeadlineChoice::MisfireGrace: options.requireDeadlineMs.reset(); break;
    case DeadlineChoice::Forever: options.requireDeadlineMs = std::optional<std::int64_t>(); break;
    case DeadlineChoice::Minutes: {
        std::int64_t ms = std::int64_t(m_deadlineSpin->value()) * minuteMs;
        const auto &original = m_original.requireDeadlineMs;
        if (original && *original && (**original + minuteMs / 2) / minuteMs == m_deadlineSpin->value())
            ms = **original;
        options.requireDeadlineMs = std::optional(ms);
        break;
    }
    }
    options.stopIfLost = m_stopIfLostCheck->isChecked();
}

void ConditionsEditor::updateEnabled()
{
    m_idleSpin->setEnabled(m_idleCheck->isChecked());
    const bool any = m_acPowerCheck->isChecked() || m_networkCheck->isChecked() || m_unmeteredCheck->isChecked()
        || m_idleCheck->isChecked();
    m_deadlineCombo->setEnabled(any);
    m_deadlineSpin->setEnabled(any && static_cast<DeadlineChoice>(m_deadlineCombo->currentData().toInt())
                                          == DeadlineChoice::Minutes);
    m_stopIfLostCheck->setEnabled(any);
    m_form->setRowVisible(2, any); // "Wait for them"
}

} // namespace punctual

// The "Afterwards" part of the job editor: which jobs run after this one, chosen by name or typed as an id.
#include "chainseditor.h"

#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace punctual {

namespace {

const ChainCondition conditions[] = {ChainCondition::OnSuccess, ChainCondition::OnFailure, ChainCondition::OnFinish};

QString conditionText(ChainCondition when)
{
    switch (when) {
    case ChainCondition::OnSuccess: return ChainsEditor::tr("When it succeeds");
    case ChainCondition::OnFailure: return ChainsEditor::tr("When it fails");
    case ChainCondition::OnFinish: return ChainsEditor::tr("Either way");
    }
    return {};
}

} // namespace

ChainsEditor::ChainsEditor(QWidget *parent)
    : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("chainsList"));
    m_list->setAccessibleName(tr("Jobs run afterwards"));
    m_list->setToolTip(tr("The jobs that run after a run of this job ends, and when (--on-success, --on-failure, "
                          "--on-finish)"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Two lines beside one row of controls (the editor must fit a 1024-pixel screen): most jobs chain to one or
    // two; more scroll.
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 2 + 2 * m_list->frameWidth() + 4);

    m_conditionCombo = new QComboBox(this);
    m_conditionCombo->setObjectName(QStringLiteral("chainConditionCombo"));
    m_conditionCombo->setAccessibleName(tr("When to run the chosen job"));
    for (ChainCondition when : conditions)
        m_conditionCombo->addItem(conditionText(when), static_cast<int>(when));

    m_jobCombo = new QComboBox(this);
    m_jobCombo->setObjectName(QStringLiteral("chainJobCombo"));
    m_jobCombo->setAccessibleName(tr("Job to run afterwards"));
    m_jobCombo->setToolTip(tr("Choose a job by name, or type its id"));
    m_jobCombo->setEditable(true);
    m_jobCombo->setInsertPolicy(QComboBox::NoInsert);
    m_jobCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_jobCombo->completer()->setFilterMode(Qt::MatchContains);
    m_jobCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_jobCombo->lineEdit()->setPlaceholderText(tr("job name or id"));
    m_jobCombo->lineEdit()->setAccessibleName(m_jobCombo->accessibleName()); // its text field, for screen readers
    m_jobCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_jobCombo->setMinimumContentsLength(16);

    m_addButton = new QPushButton(tr("Add"), this);
    m_addButton->setObjectName(QStringLiteral("chainAddButton"));
    m_addButton->setAccessibleName(tr("Add the job to run afterwards"));
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("chainRemoveButton"));
    m_removeButton->setAccessibleName(tr("Remove the selected jobs run afterwards"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 0, 0);
    layout->addWidget(m_conditionCombo, 0, 1);
    layout->addWidget(m_jobCombo, 0, 2);
    layout->addWidget(m_addButton, 0, 3);
    layout->addWidget(m_removeButton, 0, 4);
    layout->setColumnStretch(0, 3);
    layout->setColumnStretch(2, 2);

    connect(m_addButton, &QPushButton::clicked, this, &ChainsEditor::addChosen);
    connect(m_removeButton, &QPushButton::clicked, this, &ChainsEditor::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &ChainsEditor::updateEnabled);
    connect(m_jobCombo, &QComboBox::editTextChanged, this, &ChainsEditor::updateEnabled);
    m_jobCombo->lineEdit()->installEventFilter(this);
    updateEnabled();
}

void ChainsEditor::setKnownJobs(const QList<std::pair<QString, QString>> &jobs, const QString &ownId)
{
    m_knownJobs.clear();
    m_jobCombo->clear();
    for (const auto &[id, name] : jobs) {
        if (id == ownId)
            continue;
        m_knownJobs.append({id, name});
        m_jobCombo->addItem(name == id ? id : QStringLiteral("%1 (%2)").arg(name, id), id);
    }
    m_jobCombo->setCurrentIndex(-1);
    m_jobCombo->setEditText({});
    refreshList();
}

void ChainsEditor::setChains(const QList<JobChain> &chains)
{
    m_chains = chains;
    refreshList();
}

QString ChainsEditor::chosenJobId() const
{
    const QString text = m_jobCombo->currentText();
    const int index = m_jobCombo->findText(text, Qt::MatchFixedString | Qt::MatchCaseSensitive);
    if (index >= 0)
        return m_jobCombo->itemData(index).toString();
    // A name typed in full stands for its job; anything else is taken as an id.
    for (const auto &[id, name] : m_knownJobs) {
        if (name == text)
            return id;
    }
    return text.trimmed();
}

bool ChainsEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_jobCombo->lineEdit() && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addChosen();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChainsEditor::addChosen()
{
    const QString id = chosenJobId();
    if (id.isEmpty() || !validateJobId(id))
        return;
    const JobChain chain{static_cast<ChainCondition>(m_conditionCombo->currentData().toInt()), id};
    if (!m_chains.contains(chain))
        m_chains.append(chain);
    m_jobCombo->setCurrentIndex(-1);
    m_jobCombo->setEditText({});
    refreshList();
    emit edited();
}

void ChainsEditor::removeSelected()
{
    QList<JobChain> kept;
    for (int row = 0; row < m_list->count(); ++row) {
        if (!m_list->item(row)->isSelected())
            kept.append(m_chains.at(row));
    }
    if (kept.size() == m_chains.size())
        return;
    m_chains = kept;
    refreshList();
    emit edited();
}

QString ChainsEditor::describe(const JobChain &chain) const
{
    QString job = chain.jobId;
    for (const auto &[id, name] : m_knownJobs) {
        if (id == chain.jobId && name != id)
            job = QStringLiteral("%1 (%2)").arg(name, id);
    }
    return tr("%1: %2").arg(conditionText(chain.when), job);
}

void ChainsEditor::refreshList()
{
    m_list->clear();
    for (const JobChain &chain : std::as_const(m_chains))
        m_list->addItem(describe(chain));
    updateEnabled();
}

void ChainsEditor::updateEnabled()
{
    const QString id = chosenJobId();
    m_addButton->setEnabled(!id.isEmpty() && validateJobId(id).ok());
    m_removeButton->setEnabled(!m_list->selectedItems().isEmpty());
}

} // namespace punctual

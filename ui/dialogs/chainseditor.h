// The "Afterwards" part of the job editor: the jobs run after this job's runs end (its chains).
#pragma once

#include "jobs/job.h"

#include <QWidget>

class QComboBox;
class QListWidget;
class QPushButton;

namespace punctual {

/**
 * A list of "When it succeeds: Report mail (report)" lines, and a row to add one: a condition, a job chosen by name
 * from the jobs the caller knows (setKnownJobs()) or an id typed, and Add; Remove takes the selected lines away.
 * Whether the chained jobs exist and make no cycle is the scheduler's to say when the job is saved.
 *
 * Object names: chainsList, chainConditionCombo, chainJobCombo, chainAddButton, chainRemoveButton.
 */
class ChainsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChainsEditor)

public:
    explicit ChainsEditor(QWidget *parent = nullptr);

    /// The jobs offered by name, as (id, name); @p ownId (the job edited) is left out.
    void setKnownJobs(const QList<std::pair<QString, QString>> &jobs, const QString &ownId = {});
    void setChains(const QList<JobChain> &chains);
    QList<JobChain> chains() const { return m_chains; }

    /// The id the job chooser stands for: the chosen job's, or the text typed.
    QString chosenJobId() const;

signals:
    void edited();

protected:
    /// Return in the job chooser adds the job (instead of saving the dialog).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addChosen();
    void removeSelected();
    void refreshList();
    void updateEnabled();
    QString describe(const JobChain &chain) const;

    QList<JobChain> m_chains;
    QList<std::pair<QString, QString>> m_knownJobs;

    QListWidget *m_list = nullptr;
    QComboBox *m_conditionCombo = nullptr;
    QComboBox *m_jobCombo = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
};

} // namespace punctual

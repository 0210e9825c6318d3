// Run history pane: runs of one job, newest first, and the output of the selected run (read-only, monospace).
#include "runhistorypane.h"

#include "models/runhistorymodel.h"
#include "widgets/outputview.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace punctual {

RunHistoryPane::RunHistoryPane(SchedulerClient &scheduler, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_model(new RunHistoryModel(scheduler, clock, this))
    , m_title(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_view(new QTableView(m_splitter))
    , m_output(new OutputView(m_splitter))
{
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setAccessibleName(tr("Run history"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_splitter->setObjectName(QStringLiteral("historySplitter"));
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_title);
    m_pauseNote = new QLabel(this);
    m_pauseNote->setObjectName(QStringLiteral("pauseNoteLabel"));
    m_pauseNote->setAccessibleName(tr("Why the job is paused"));
    m_pauseNote->setTextFormat(Qt::PlainText);
    m_pauseNote->setWordWrap(true);
    m_pauseNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pauseNote->hide();
    layout->addWidget(m_pauseNote);
    layout->addWidget(m_splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunHistoryPane::showSelectedRun);
    // A run that ends while selected shows its new output at once.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RunHistoryPane::showSelectedRun);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunHistoryPane::showSelectedRun);
    // A run that begins while the newest one (or none) is selected is followed: its output shows as it comes.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &, int first) {
        const QModelIndex current = m_view->selectionModel()->currentIndex();
        m_followNewest = first == 0 && (!current.isValid() || current.row() == 0);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        if (first == 0 && std::exchange(m_followNewest, false))
            m_view->selectRow(0);
    });
    // The newest run is selected when the history comes, so its output shows without a click.
    connect(m_model, &RunHistoryModel::loaded, this, [this] {
        if (m_model->rowCount() > 0)
            m_view->selectRow(0);
        m_view->resizeColumnsToContents();
    });
    // A run chosen on the timeline before the history came is selected once it has (after the newest, above).
    connect(m_model, &RunHistoryModel::loaded, this, [this] {
        if (const qint64 runId = std::exchange(m_runToSelect, 0); m_model->rowOfRun(runId) >= 0)
            selectRun(runId);
    });
    showJob({}, {});
}

void RunHistoryPane::showJob(const QString &jobId, const QString &jobName)
{
    m_title->setText(jobId.isEmpty() ? tr("History") : tr("History: %1").arg(jobName));
    if (jobId == m_model->jobId())
        return;
    m_model->setJobId(jobId); // the rows come with the host's answer (RunHistoryModel::loaded)
}

void RunHistoryPane::setPauseNote(const QString &note)
{
    m_pauseNote->setText(note.isEmpty() ? QString() : tr("Paused: %1").arg(note));
    m_pauseNote->setVisible(!note.isEmpty());
}

QPlainTextEdit *RunHistoryPane::outputView() const
{
    return m_output->textView();
}

QString RunHistoryPane::jobId() const
{
    return m_model->jobId();
}

void RunHistoryPane::showSelectedRun()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const RunRecord *run = current.isValid() ? m_model->runAt(current.row()) : nullptr;
    if (!run) {
        m_output->clear();
        return;
    }
    QString text = run->output;
    if (!run->error.isEmpty())
        text += (text.isEmpty() || text.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n"))
            + tr("[%1]").arg(run->error);
    if (text.isEmpty())
        text = tr("(no output)");
    m_output->setSuggestedFileName(QStringLiteral("%1-run-%2.log").arg(run->jobId).arg(run->id));
    m_output->setOutput(text);
}

void RunHistoryPane::selectRun(qint64 runId)
{
    const int row = m_model->rowOfRun(runId);
    if (row < 0) {
        m_runToSelect = runId;
        return;
    }
    m_runToSelect = 0;
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

} // namespace punctual

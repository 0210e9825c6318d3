// The import summary dialog.
#include "importdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QScreen>
#include <QRadioButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace punctual {

namespace {

QPlainTextEdit *problemList(const QList<ImportProblem> &problems, const QString &fileName, QWidget *parent)
{
    QStringList lines;
    for (const ImportProblem &problem : problems)
        lines << ImportDialog::describeOrigin(problem.where, fileName) + QStringLiteral(": ") + problem.message;
    auto *edit = new QPlainTextEdit(lines.join(QLatin1Char('\n')), parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setMaximumHeight(140);
    return edit;
}

} // namespace

QString ImportDialog::describeOrigin(const QString &origin, const QString &fileName)
{
    static const QRegularExpression index(QStringLiteral("^jobs\\[(\\d+)\\]$"));
    if (const auto match = index.match(origin); match.hasMatch()) {
        const qlonglong number = match.captured(1).toLongLong() + 1; // people count from 1
        return fileName.isEmpty() ? tr("Job %1").arg(number) : tr("Job %1 in %2").arg(number).arg(fileName);
    }
    return fileName.isEmpty() ? origin : tr("%1 of %2", "where in a file: line 14 of crontab").arg(origin, fileName);
}

ImportDialog::ImportDialog(const ImportContents &contents, const QStringList &conflicts, QWidget *parent,
                           const QString &fileName)
    : QDialog(parent)
    , m_preview(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import jobs"));
    auto *layout = new QVBoxLayout(this);

    const QString title = contents.title.isEmpty() ? tr("the file") : contents.title;
    auto *heading = new QLabel(tr("Jobs to import from “%1”: %n", nullptr, int(contents.jobs.size())).arg(title),
                               this);
    heading->setObjectName(QStringLiteral("importHeading"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setRootIsDecorated(false);
    m_preview->setUniformRowHeights(true);
    m_preview->setAccessibleName(tr("Jobs to import"));
    m_preview->setHeaderLabels({tr("Name"), tr("Schedule"), tr("Runs"), tr("From"), tr("Id")});
    const QSet<QString> conflicting(conflicts.cbegin(), conflicts.cend());
    QList<QTreeWidgetItem *> items;
    for (qsizetype i = 0; i < contents.jobs.size() && i < previewRows; ++i) {
        const Job &job = contents.jobs.at(i);
        auto *item = new QTreeWidgetItem({job.name, describeSchedule(job), describeAction(job.action),
                                          describeOrigin(contents.origins.value(i), fileName), job.id});
        if (conflicting.contains(job.id))
            item->setToolTip(0, tr("A job with this id is stored already"));
        items.append(item);
    }
    m_preview->addTopLevelItems(items);
    // Sized to the rows: one job makes a small dialog, many scroll (up to rowsShown at a time).
    int width = 0;
    for (int column = 0; column < m_preview->columnCount(); ++column) {
        m_preview->resizeColumnToContents(column);
        m_preview->setColumnWidth(column, std::min(m_preview->columnWidth(column), 320));
        width += m_preview->columnWidth(column);
    }
    constexpr int rowsShown = 12;
    const int rowHeight = items.isEmpty() ? m_preview->fontMetrics().height() + 6 : m_preview->sizeHintForRow(0);
    const int frame = 2 * m_preview->frameWidth();
    const auto heightFor = [&](int rows) {
        return m_preview->header()->sizeHint().height() + rows * rowHeight + frame
            + m_preview->horizontalScrollBar()->sizeHint().height();
    };
    const int rows = int(std::min<qsizetype>(items.size(), rowsShown));
    m_preview->setMinimumHeight(heightFor(std::max(rows, 1)));
    layout->addWidget(m_preview, 1);
    if (contents.jobs.size() > previewRows)
        layout->addWidget(new QLabel(tr("… and %n more.", nullptr, int(contents.jobs.size() - previewRows)), this));

    if (!contents.problems.isEmpty()) {
        layout->addWidget(new QLabel(tr("Left out, as they cannot be imported (%n):", nullptr,
                                        int(contents.problems.size())),
                                     this));
        auto *problems = problemList(contents.problems, fileName, this);
        problems->setAccessibleName(tr("Entries left out"));
        problems->setObjectName(QStringLiteral("importProblems"));
        layout->addWidget(problems);
    }
    if (!contents.notes.isEmpty()) {
        layout->addWidget(new QLabel(tr("Notes:"), this));
        auto *notes = problemList(contents.notes, fileName, this);
        notes->setAccessibleName(tr("Notes"));
        layout->addWidget(notes);
    }
    if (!conflicts.isEmpty()) {
        layout->addWidget(new QLabel(tr("Jobs whose id is stored already (%n):", nullptr, int(conflicts.size())),
                                     this));
        m_replace = new QRadioButton(tr("&Replace the stored jobs with the imported ones"), this);
        m_replace->setObjectName(QStringLiteral("replaceConflicts"));
        auto *skip = new QRadioButton(tr("&Keep the stored jobs and leave these out"), this);
        skip->setObjectName(QStringLiteral("skipConflicts"));
        skip->setChecked(true);
        layout->addWidget(m_replace);
        layout->addWidget(skip);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import->setObjectName(QStringLiteral("importButton"));
    import->setEnabled(!contents.jobs.isEmpty());
    import->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    // The content's size, within the screen; then the list may shrink to a few rows.
    const int margins = layout->contentsMargins().left() + layout->contentsMargins().right();
    QSize size = sizeHint().expandedTo(QSize(std::min(width + frame + margins + 24, 1000), 0)).expandedTo({560, 0});
    if (const QScreen *where = screen())
        size = size.boundedTo(where->availableGeometry().size() * 0.9);
    resize(size);
    m_preview->setMinimumHeight(heightFor(std::min(rows, 3)));
}

ConflictPolicy ImportDialog::conflictPolicy() const
{
    return m_replace && m_replace->isChecked() ? ConflictPolicy::Replace : ConflictPolicy::Skip;
}

} // namespace punctual

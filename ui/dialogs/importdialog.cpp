// The import summary dialog.
#include "importdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace punctual {

namespace {

QPlainTextEdit *problemList(const QList<ImportProblem> &problems, QWidget *parent)
{
    QStringList lines;
    for (const ImportProblem &problem : problems)
        lines << problem.text();
    auto *edit = new QPlainTextEdit(lines.join(QLatin1Char('\n')), parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setMaximumHeight(140);
    return edit;
}

} // namespace

ImportDialog::ImportDialog(const ImportContents &contents, const QStringList &conflicts, QWidget *parent)
    : QDialog(parent)
    , m_preview(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import jobs"));
    resize(820, 560);
    auto *layout = new QVBoxLayout(this);

    const QString title = contents.title.isEmpty() ? tr("the file") : contents.title;
    auto *heading = new QLabel(tr("<b>%1</b>: %n job(s) can be imported.", nullptr, int(contents.jobs.size()))
                                   .arg(title.toHtmlEscaped()),
                               this);
    layout->addWidget(heading);

    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setRootIsDecorated(false);
    m_preview->setUniformRowHeights(true);
    m_preview->setHeaderLabels({tr("Name"), tr("Schedule"), tr("Runs"), tr("From"), tr("Id")});
    const QSet<QString> conflicting(conflicts.cbegin(), conflicts.cend());
    QList<QTreeWidgetItem *> items;
    for (qsizetype i = 0; i < contents.jobs.size() && i < previewRows; ++i) {
        const Job &job = contents.jobs.at(i);
        auto *item = new QTreeWidgetItem({job.name, describeSchedule(job), describeAction(job.action),
                                          contents.origins.value(i), job.id});
        if (conflicting.contains(job.id))
            item->setToolTip(0, tr("A job with this id is stored already"));
        items.append(item);
    }
    m_preview->addTopLevelItems(items);
    m_preview->header()->resizeSection(0, 220);
    m_preview->header()->resizeSection(1, 240);
    layout->addWidget(m_preview, 1);
    if (contents.jobs.size() > previewRows)
        layout->addWidget(new QLabel(tr("… and %n more.", nullptr, int(contents.jobs.size() - previewRows)), this));

    if (!contents.problems.isEmpty()) {
        layout->addWidget(new QLabel(tr("%n entry(ies) cannot be imported and will be left out:", nullptr,
                                        int(contents.problems.size())),
                                     this));
        auto *problems = problemList(contents.problems, this);
        problems->setObjectName(QStringLiteral("importProblems"));
        layout->addWidget(problems);
    }
    if (!contents.notes.isEmpty()) {
        layout->addWidget(new QLabel(tr("Notes:"), this));
        layout->addWidget(problemList(contents.notes, this));
    }
    if (!conflicts.isEmpty()) {
        layout->addWidget(new QLabel(tr("%n job(s) have an id that is stored already:", nullptr,
                                        int(conflicts.size())),
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
}

ConflictPolicy ImportDialog::conflictPolicy() const
{
    return m_replace && m_replace->isChecked() ? ConflictPolicy::Replace : ConflictPolicy::Skip;
}

} // namespace punctual

// The "What" part of the job editor: reads a command or function action from its fields.
#include "actioneditor.h"

#include "executors/functionregistry.h"
#include "fieldmessage.h"
#include "httpactioneditor.h"
#include "sqlactioneditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace punctual {

ActionEditor::ActionEditor(const FunctionRegistry &functions, QWidget *parent)
    : QWidget(parent)
    , m_functions(functions)
{
    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("actionKindCombo"));
    m_kindCombo->setAccessibleName(tr("What the job runs"));
    m_kindCombo->addItem(tr("Command"), static_cast<int>(Kind::Command));
    m_kindCombo->addItem(tr("Function"), static_cast<int>(Kind::Function));
    m_kindCombo->addItem(tr("SQL statements"), static_cast<int>(Kind::Sql));
    m_kindCombo->addItem(tr("HTTP requests"), static_cast<int>(Kind::Http));
    m_kindCombo->setToolTip(tr("A command runs a program; a function calls C++ code registered with the "
                               "scheduler under a name"));
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_kindCombo);
    kindRow->addStretch();

    // Pages shown one at a time. Not a QStackedWidget: that one keeps the height its tallest page needs for its
    // wrapped messages, leaving a gap under the short function page.
    m_commandPage = createCommandPage();
    m_functionPage = createFunctionPage();
    m_sqlPage = new SqlActionEditor(this);
    connect(m_sqlPage, &SqlActionEditor::edited, this, &ActionEditor::edited);
    m_httpPage = new HttpActionEditor(this);
    connect(m_httpPage, &HttpActionEditor::edited, this, &ActionEditor::edited);

    auto *kindForm = new QFormLayout;
    kindForm->setContentsMargins(0, 0, 0, 0);
    kindForm->addRow(buddyLabel(tr("&Run:"), m_kindCombo), kindRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(kindForm);
    layout->addWidget(m_commandPage);
    layout->addWidget(m_functionPage);
    layout->addWidget(m_sqlPage);
    layout->addWidget(m_httpPage);

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        setKind(kind());
        updateMessages();
        emit edited();
    });
    for (QLineEdit *edit : {m_programEdit, m_argumentsEdit, m_workingDirectoryEdit}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            updateMessages();
            emit edited();
        });
    }
    connect(m_shellCheck, &QCheckBox::toggled, this, [this] {
        updateMessages();
        emit edited();
    });
    connect(m_functionCombo, &QComboBox::currentTextChanged, this, [this] {
        updateMessages();
        emit edited();
    });
    setKind(Kind::Command);
    updateMessages();
}

QWidget *ActionEditor::createCommandPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("commandPage"));

    m_programEdit = new QLineEdit(page);
    m_programEdit->setObjectName(QStringLiteral("programEdit"));
    m_programEdit->setPlaceholderText(tr("e.g. /usr/bin/backup"));
    auto *programBrowse = new QPushButton(tr("&Browse…"), page);
    programBrowse->setObjectName(QStringLiteral("programBrowseButton"));
    programBrowse->setToolTip(tr("Choose the program file"));
    connect(programBrowse, &QPushButton::clicked, this, &ActionEditor::browseProgram);
    auto *programRow = new QHBoxLayout;
    programRow->addWidget(m_programEdit, 1);
    programRow->addWidget(programBrowse);
    m_programError = new FieldMessage(page);
    m_programError->setObjectName(QStringLiteral("programError"));

    m_argumentsEdit = new QLineEdit(page);
    m_argumentsEdit->setObjectName(QStringLiteral("argumentsEdit"));
    m_argumentsEdit->setPlaceholderText(tr("e.g. --all 'a file name with spaces'"));
    m_argumentsEdit->setToolTip(tr("Split at spaces as a shell does: quotes ('…' or \"…\") or a backslash keep "
                                   "spaces in an argument. Nothing is expanded: $VARIABLES and * reach the "
                                   "program as they are."));
    m_argumentsError = new FieldMessage(page);
    m_argumentsError->setObjectName(QStringLiteral("argumentsError"));

    m_workingDirectoryEdit = new QLineEdit(page);
    m_workingDirectoryEdit->setObjectName(QStringLiteral("workingDirectoryEdit"));
    m_workingDirectoryEdit->setPlaceholderText(tr("the scheduler's own"));
    m_workingDirectoryEdit->setToolTip(tr("The folder the program starts in"));
    auto *folderBrowse = new QPushButton(tr("Bro&wse…"), page);
    folderBrowse->setObjectName(QStringLiteral("workingDirectoryBrowseButton"));
    folderBrowse->setToolTip(tr("Choose the working folder"));
    connect(folderBrowse, &QPushButton::clicked, this, &ActionEditor::browseWorkingDirectory);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_workingDirectoryEdit, 1);
    folderRow->addWidget(folderBrowse);

    m_shellCheck = new QCheckBox(tr("Run through the she&ll (/bin/sh)"), page);
    m_shellCheck->setObjectName(QStringLiteral("shellCheck"));
    m_shellCheck->setToolTip(tr("The program field is then a shell command line (pipes, $VARIABLES, wildcards), "
                                "run with /bin/sh -c; the arguments become $1, $2, …"));

    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_programLabel = new QLabel(tr("&Program:"), page);
    m_programLabel->setBuddy(m_programEdit);
    form->addRow(m_programLabel, programRow);
    form->addRow(QString(), m_programError);
    form->addRow(tr("Ar&guments:"), m_argumentsEdit);
    form->addRow(QString(), m_argumentsError);
    form->addRow(buddyLabel(tr("Wor&king folder:"), m_workingDirectoryEdit), folderRow);
    form->addRow(QString(), m_shellCheck);
    return page;
}

QWidget *ActionEditor::createFunctionPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("functionPage"));
    m_functionCombo = new QComboBox(page);
    m_functionCombo->setObjectName(QStringLiteral("functionCombo"));
    m_functionCombo->setEditable(true);
    m_functionCombo->setInsertPolicy(QComboBox::NoInsert);
    QStringList names = m_functions.names();
    std::sort(names.begin(), names.end());
    // What each does in words, the registered name (what is saved) as the item's data and in brackets.
    for (const QString &name : std::as_const(names))
        m_functionCombo->addItem(functionLabel(name), name);
    m_functionCombo->setCurrentIndex(-1);
    m_functionCombo->setAccessibleName(tr("Function"));
    m_functionCombo->lineEdit()->setAccessibleName(tr("Function"));
    m_functionCombo->setToolTip(tr("The function to call: one registered in this program, or the name of one "
                                   "registered later"));
    m_functionMessage = new FieldMessage(page);
    m_functionMessage->setObjectName(QStringLiteral("functionWarning"));
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("F&unction:"), m_functionCombo);
    form->addRow(QString(), m_functionMessage);
    return page;
}

ActionEditor::Kind ActionEditor::kind() const
{
    return static_cast<Kind>(m_kindCombo->currentData().toInt());
}

void ActionEditor::setKind(Kind kind)
{
    const int index = m_kindCombo->findData(static_cast<int>(kind));
    if (m_kindCombo->currentIndex() != index)
        m_kindCombo->setCurrentIndex(index); // re-enters through currentIndexChanged
    m_commandPage->setVisible(kind == Kind::Command);
    m_functionPage->setVisible(kind == Kind::Function);
    m_sqlPage->setVisible(kind == Kind::Sql);
    m_httpPage->setVisible(kind == Kind::Http);
}

void ActionEditor::setAction(const Action &action)
{
    m_original = action;
    if (const auto *command = std::get_if<CommandAction>(&action)) {
        m_programEdit->setText(command->program);
        m_argumentsEdit->setText(joinArguments(command->arguments));
        m_workingDirectoryEdit->setText(command->workingDirectory);
        m_shellCheck->setChecked(command->useShell);
        setKind(Kind::Command);
    } else if (const auto *function = std::get_if<FunctionAction>(&action)) {
        const int index = m_functionCombo->findData(function->name);
        if (index >= 0)
            m_functionCombo->setCurrentIndex(index);
        else
            m_functionCombo->setEditText(function->name);
        setKind(Kind::Function);
    } else if (const auto *sql = std::get_if<SqlAction>(&action)) {
        m_sqlPage->setAction(*sql);
        setKind(Kind::Sql);
    } else if (const auto *http = std::get_if<HttpAction>(&action)) {
        m_httpPage->setAction(*http);
        setKind(Kind::Http);
    }
    updateMessages();
}

Result<Action> ActionEditor::action() const
{
    if (kind() == Kind::Http) {
        auto http = m_httpPage->action();
        if (!http)
            return http.error();
        return Action(http.value());
    }
    if (kind() == Kind::Sql) {
        auto sql = m_sqlPage->action();
        if (!sql)
            return sql.error();
        return Action(sql.value());
    }
    if (kind() == Kind::Function) {
        const QString name = functionName();
        if (name.isEmpty())
            return invalidInput(tr("Choose the function to call"));
        FunctionAction function;
        if (const auto *original = m_original ? std::get_if<FunctionAction>(&*m_original) : nullptr)
            function = *original;
        function.name = name;
        return Action(function);
    }
    const QString program = m_programEdit->text().trimmed();
    if (program.isEmpty())
        return invalidInput(m_shellCheck->isChecked() ? tr("Enter the shell command to run")
                                                      : tr("Enter the program to run"));
    CommandAction command;
    if (const auto *original = m_original ? std::get_if<CommandAction>(&*m_original) : nullptr)
        command = *original;
    command.program = program;
    auto arguments = splitArguments(m_argumentsEdit->text());
    if (!arguments)
        return arguments.error();
    command.arguments = std::move(arguments).value();
    command.workingDirectory = m_workingDirectoryEdit->text().trimmed();
    command.useShell = m_shellCheck->isChecked();
    return Action(command);
}

void ActionEditor::setKnownSqlConnections(const QList<SqlConnection> &connections)
{
    m_sqlPage->setKnownConnections(connections);
}

Result<QStringList> ActionEditor::splitArguments(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false; // '' is a word too, though an empty one
    const qsizetype size = line.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = line[i];
        if (c.isSpace()) {
            if (inWord)
                words.append(std::exchange(word, QString()));
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\\')) {
            // Escapes the next character; a backslash at the very end stands for itself.
            word += i + 1 < size ? line[++i] : c;
        } else if (c == QLatin1Char('\'')) {
            const qsizetype close = line.indexOf(QLatin1Char('\''), i + 1);
            if (close < 0)
                return invalidInput(tr("Arguments: the quote ' at position %1 is not closed").arg(i + 1));
            word += line.mid(i + 1, close - i - 1);
            i = close;
        } else if (c == QLatin1Char('"')) {
            const qsizetype open = i;
            for (++i; i < size && line[i] != QLatin1Char('"'); ++i) {
                // Inside double quotes a backslash escapes only what the shell would give a meaning to.
                if (line[i] == QLatin1Char('\\') && i + 1 < size
                    && QStringView(u"\"\\$`").contains(line[i + 1]))
                    ++i;
                word += line[i];
            }
            if (i >= size)
                return invalidInput(tr("Arguments: the quote \" at position %1 is not closed").arg(open + 1));
        } else {
            word += c;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

QString ActionEditor::joinArguments(const QStringList &arguments)
{
    // Characters no shell treats specially; any other argument is single-quoted.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    QStringList quoted;
    quoted.reserve(arguments.size());
    for (const QString &argument : arguments) {
        if (plain.match(argument).hasMatch()) {
            quoted.append(argument);
            continue;
        }
        QString text = argument;
        text.replace(QLatin1Char('\''), QLatin1String("'\\''"));
        quoted.append(QLatin1Char('\'') + text + QLatin1Char('\''));
    }
    return quoted.join(QLatin1Char(' '));
}

void ActionEditor::browseProgram()
{
    const QString current = m_programEdit->text().trimmed();
    const QString start = current.isEmpty() ? QStringLiteral("/usr/bin") : QFileInfo(current).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the program"), start);
    if (!file.isEmpty())
        m_programEdit->setText(QDir::toNativeSeparators(file));
}

void ActionEditor::browseWorkingDirectory()
{
    const QString current = m_workingDirectoryEdit->text().trimmed();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose the working folder"),
                                                             current.isEmpty() ? QDir::homePath() : current);
    if (!folder.isEmpty())
        m_workingDirectoryEdit->setText(QDir::toNativeSeparators(folder));
}

void ActionEditor::updateMessages()
{
    const bool shell = m_shellCheck->isChecked();
    m_programLabel->setText(shell ? tr("Shell co&mmand:") : tr("&Program:"));
    m_programEdit->setPlaceholderText(shell ? tr("e.g. tar czf /backup/home.tgz ~ && echo done")
                                            : tr("e.g. /usr/bin/backup"));

    // An empty field only keeps Save disabled; a note appears for a program this computer does not have, which
    // is allowed: the store may be shared with the machine that does.
    const QString program = m_programEdit->text().trimmed();
    bool found = true;
    if (!program.isEmpty() && !shell) {
        if (program.contains(QLatin1Char('/'))) {
            QFileInfo file(program);
            if (file.isRelative() && !m_workingDirectoryEdit->text().trimmed().isEmpty())
                file.setFile(QDir(m_workingDirectoryEdit->text().trimmed()), program);
            found = file.isFile() && file.isExecutable();
        } else {
            found = !QStandardPaths::findExecutable(program).isEmpty();
        }
    }
    if (found)
        m_programError->clearMessage();
    else
        m_programError->showMessage(tr("No such program on this computer: runs will fail unless it exists "
                                       "when the job runs"),
                                    FieldMessage::Kind::Note);

    if (auto arguments = splitArguments(m_argumentsEdit->text()); arguments)
        m_argumentsError->clearMessage();
    else
        m_argumentsError->showMessage(arguments.error().message);
    markField(m_argumentsEdit, m_argumentsError->isVisibleTo(this));

    const QString name = functionName();
    if (name.isEmpty() || m_functions.contains(name))
        m_functionMessage->clearMessage();
    else
        m_functionMessage->showMessage(tr("No function \"%1\" is registered: runs will fail until it is")
                                           .arg(name),
                                       FieldMessage::Kind::Note);
}

QString ActionEditor::functionLabel(const QString &name)
{
    if (name == QLatin1String("noop"))
        return tr("Do nothing (noop)");
    if (name == QLatin1String("sleep"))
        return tr("Wait N seconds (sleep)");
    return name;
}

QString ActionEditor::functionName() const
{
    // A label chosen from the list stands for its registered name; anything typed is a name itself.
    const QString text = m_functionCombo->currentText().trimmed();
    const int index = m_functionCombo->findText(text);
    return index >= 0 ? m_functionCombo->itemData(index).toString() : text;
}

} // namespace punctual

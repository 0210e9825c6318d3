// The "What" part of the job editor: a command (program, arguments, folder, shell) or a registered function.
#pragma once

#include "jobs/action.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace punctual {

class FieldMessage;
class FunctionRegistry;
class HttpActionEditor;
class SqlActionEditor;

/**
 * Collects an Action. Arguments are one line split as a POSIX shell splits words ('single', "double" quotes and
 * backslashes), without any expansion: no shell runs unless asked for. A function name that is not registered
 * is allowed (it may be registered by the time the job runs) with a note that runs fail until then. Settings
 * without a field here (a command's environment and output cap, a function's arguments) are kept from the
 * action given to setAction().
 */
class ActionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionEditor)

public:
    explicit ActionEditor(const FunctionRegistry &functions, QWidget *parent = nullptr);

    void setAction(const Action &action);
    /// The action as entered, or what is missing.
    Result<Action> action() const;

    /// The words of @p line as a POSIX shell splits them (quotes removed, nothing expanded); an unclosed quote
    /// is an error naming its position.
    static Result<QStringList> splitArguments(const QString &line);
    /// One line that splitArguments() splits back into @p arguments, quoting only where needed.
    static QString joinArguments(const QStringList &arguments);

    /// The sql connections offered for reuse on the SQL page (SqlActionEditor::connectionsOf()).
    void setKnownSqlConnections(const QList<SqlConnection> &connections);

    /// The function list's words for a registered function: "Do nothing (noop)"; other names as they are.
    static QString functionLabel(const QString &name);

signals:
    void edited();

private:
    /// The registered name of the chosen function (the item's data), or the name typed.
    QString functionName() const;
    enum class Kind
    {
        Command,
        Function,
        Sql,
        Http,
    };

    QWidget *createCommandPage();
    QWidget *createFunctionPage();
    Kind kind() const;
    void setKind(Kind kind);
    void browseProgram();
    void browseWorkingDirectory();
    void updateMessages();

    const FunctionRegistry &m_functions;
    std::optional<Action> m_original;

    QComboBox *m_kindCombo = nullptr;
    QWidget *m_commandPage = nullptr;
    QWidget *m_functionPage = nullptr;
    QLabel *m_programLabel = nullptr;
    QLineEdit *m_programEdit = nullptr;
    FieldMessage *m_programError = nullptr;
    QLineEdit *m_argumentsEdit = nullptr;
    FieldMessage *m_argumentsError = nullptr;
    QLineEdit *m_workingDirectoryEdit = nullptr;
    QCheckBox *m_shellCheck = nullptr;
    QComboBox *m_functionCombo = nullptr;
    SqlActionEditor *m_sqlPage = nullptr;
    HttpActionEditor *m_httpPage = nullptr;
    FieldMessage *m_functionMessage = nullptr;
};

} // namespace punctual

// libsqlite3's statement API on QSQLITE's connection (see sqlitestatement.h).
#include "sqlitestatement.h"


#include <sqlite3.h>

#include <dlfcn.h>

namespace punctual {

/// The libsqlite3 functions used, found once in the copy the QSQLITE plugin loaded (RTLD_NOLOAD: never loads it).
struct SqliteStatement::Api
{
    decltype(&::sqlite3_prepare_v2) prepare = nullptr;
    decltype(&::sqlite3_finalize) finalize = nullptr;
    decltype(&::sqlite3_reset) reset = nullptr;
    decltype(&::sqlite3_step) step = nullptr;
    decltype(&::sqlite3_bind_parameter_count) parameterCount = nullptr;
    decltype(&::sqlite3_bind_parameter_name) parameterName = nullptr;
    decltype(&::sqlite3_bind_null) bindNull = nullptr;
    decltype(&::sqlite3_bind_int64) bindInt64 = nullptr;
    decltype(&::sqlite3_bind_double) bindDouble = nullptr;
    decltype(&::sqlite3_bind_text) bindText = nullptr;
    decltype(&::sqlite3_bind_blob) bindBlob = nullptr;
    decltype(&::sqlite3_column_type) columnType = nullptr;
    decltype(&::sqlite3_column_int64) columnInt64 = nullptr;
    decltype(&::sqlite3_column_double) columnDouble = nullptr;
    decltype(&::sqlite3_column_text) columnText = nullptr;
    decltype(&::sqlite3_column_blob) columnBlob = nullptr;
    decltype(&::sqlite3_column_bytes) columnBytes = nullptr;
    decltype(&::sqlite3_changes) changes = nullptr;
    decltype(&::sqlite3_last_insert_rowid) lastInsertRowid = nullptr;
    decltype(&::sqlite3_errmsg) errmsg = nullptr;
    bool complete = false;

    Api()
    {
        void *library = ::dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
        if (!library)
            return;
        const auto find = [library](auto &function, const char *name) {
            function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(::dlsym(library, name));
            return function != nullptr;
        };
        complete = find(prepare, "sqlite3_prepare_v2") && find(finalize, "sqlite3_finalize")
            && find(reset, "sqlite3_reset") && find(step, "sqlite3_step")
            && find(parameterCount, "sqlite3_bind_parameter_count")
            && find(parameterName, "sqlite3_bind_parameter_name") && find(bindNull, "sqlite3_bind_null")
            && find(bindInt64, "sqlite3_bind_int64") && find(bindDouble, "sqlite3_bind_double")
            && find(bindText, "sqlite3_bind_text") && find(bindBlob, "sqlite3_bind_blob")
            && find(columnType, "sqlite3_column_type") && find(columnInt64, "sqlite3_column_int64")
            && find(columnDouble, "sqlite3_column_double") && find(columnText, "sqlite3_column_text")
            && find(columnBlob, "sqlite3_column_blob") && find(columnBytes, "sqlite3_column_bytes")
            && find(changes, "sqlite3_changes") && find(lastInsertRowid, "sqlite3_last_insert_rowid")
            && find(errmsg, "sqlite3_errmsg");
        // The plugin that loaded the library is never unloaded by QSqlDatabase: the functions stay valid.
        ::dlclose(library);
    }

    static const Api *instance()
    {
        // Looked up again until found: a QSQLITE connection (and so the library) may come after a first call.
        static Api *found = nullptr;
        if (!found) {
            auto api = std::make_unique<Api>();
            if (api->complete)
                found = api.release();
        }
        return found;
    }
};

namespace {

sqlite3 *db(void *handle)
{
    return static_cast<sqlite3 *>(handle);
}

sqlite3_stmt *stmt(void *handle)
{
    return static_cast<sqlite3_stmt *>(handle);
}

QSqlError makeError(const QString &what, const char *message, int code)
{
    // As QSQLITE: what failed (in English, as Qt's own text before its translation), SQLite's message, and its
    // result code as the native code. SqlSession::failure() words the message users see from these.
    return QSqlError(what, QString::fromUtf8(message), QSqlError::StatementError, QString::number(code));
}

} // namespace

std::unique_ptr<SqliteStatement> SqliteStatement::prepare(void *handle, const QString &sql, QSqlError *error)
{
    const Api *api = Api::instance();
    if (!api || !handle)
        return nullptr;
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    const int code = api->prepare(db(handle), text.constData(), static_cast<int>(text.size()), &statement, nullptr);
    if (code != SQLITE_OK) {
        if (error)
            *error = makeError(QStringLiteral("Unable to execute statement"), api->errmsg(db(handle)), code);
        api->finalize(statement);
        return nullptr;
    }
    std::unique_ptr<SqliteStatement> prepared(new SqliteStatement(*api, handle, statement));
    const int count = api->parameterCount(statement);
    prepared->m_indexes.reserve(count);
    for (int i = 1; i <= count; ++i) {
        if (const char *name = api->parameterName(statement, i))
            prepared->m_indexes.insert(QString::fromUtf8(name), i);
    }
    return prepared;
}

SqliteStatement::SqliteStatement(const Api &api, void *db, void *statement)
    : m_api(api)
    , m_db(db)
    , m_statement(statement)
{
}

SqliteStatement::~SqliteStatement()
{
    m_api.finalize(stmt(m_statement));
}

void SqliteStatement::bindValue(const QString &placeholder, const QVariant &value)
{
    const int index = m_indexes.value(placeholder);
    if (index == 0)
        return; // QSqlQuery ignores a value for a placeholder the statement does not have, too
    sqlite3_stmt *s = stmt(m_statement);
    if (value.isNull()) {
        m_api.bindNull(s, index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QString: {
        const QString *text = static_cast<const QString *>(value.constData());
        if (text->isNull()) { // as QSQLITE: a null string is NULL
            m_api.bindNull(s, index);
            return;
        }
        const QByteArray utf8 = text->toUtf8();
        m_api.bindText(s, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
        return;
    }
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::Bool:
        m_api.bindInt64(s, index, value.toLongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        m_api.bindDouble(s, index, value.toDouble());
        return;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        m_api.bindBlob(s, index, bytes.constData(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
        return;
    }
    default: {
        const QByteArray utf8 = value.toString().toUtf8();
        m_api.bindText(s, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
        return;
    }
    }
}

void SqliteStatement::fail(int code, const char *what)
{
    m_error = makeError(QString::fromLatin1(what), m_api.errmsg(db(m_db)), code);
    m_api.reset(stmt(m_statement));
    m_pendingRow = false;
    m_done = true;
}

bool SqliteStatement::exec()
{
    sqlite3_stmt *s = stmt(m_statement);
    m_api.reset(s);
    m_error = QSqlError();
    m_changes = 0;
    m_pendingRow = false;
    m_done = false;
    const int code = m_api.step(s);
    if (code == SQLITE_ROW) {
        m_pendingRow = true;
        return true;
    }
    if (code == SQLITE_DONE) {
        m_done = true;
        m_changes = m_api.changes(db(m_db));
        m_api.reset(s); // a write ends here: nothing keeps the statement open
        return true;
    }
    fail(code, "Unable to execute statement");
    return false;
}

bool SqliteStatement::next()
{
    if (m_pendingRow) {
        m_pendingRow = false;
        return true;
    }
    if (m_done)
        return false;
    const int code = m_api.step(stmt(m_statement));
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE) {
        m_done = true;
        return false;
    }
    fail(code, "Unable to fetch row");
    return false;
}

QVariant SqliteStatement::value(int column) const
{
    sqlite3_stmt *s = stmt(m_statement);
    switch (m_api.columnType(s, column)) {
    case SQLITE_INTEGER:
        return QVariant(static_cast<qlonglong>(m_api.columnInt64(s, column)));
    case SQLITE_FLOAT:
        return QVariant(m_api.columnDouble(s, column));
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(m_api.columnText(s, column));
        return QVariant(QString::fromUtf8(text, m_api.columnBytes(s, column)));
    }
    case SQLITE_BLOB: {
        const auto *bytes = static_cast<const char *>(m_api.columnBlob(s, column));
        return QVariant(QByteArray(bytes, m_api.columnBytes(s, column)));
    }
    default:
        return QVariant();
    }
}

QVariant SqliteStatement::lastInsertId() const
{
    return QVariant(static_cast<qlonglong>(m_api.lastInsertRowid(db(m_db))));
}

void SqliteStatement::finish()
{
    m_api.reset(stmt(m_statement));
    m_pendingRow = false;
    m_done = true;
}

} // namespace punctual

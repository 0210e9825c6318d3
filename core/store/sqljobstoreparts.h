// What the SQL store's source files share: its log category, texts, value conversions and write transactions.
#pragma once

#include "store/sqljobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QVariant>

#include <atomic>

namespace punctual {

Q_DECLARE_LOGGING_CATEGORY(lcStore)
/// Numbers the store's connections ("punctual-store-N"), process-wide.
extern std::atomic<int> sqlConnectionCounter;

namespace sqlstore {

class SqlStoreText
{
    Q_DECLARE_TR_FUNCTIONS(SqlJobStore)
};

inline QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

inline QVariant optionalValue(const std::optional<std::int64_t> &value)
{
    return value ? QVariant(static_cast<qlonglong>(*value)) : QVariant(QMetaType::fromType<qlonglong>());
}

/// Text for a NOT NULL column: a null QString would bind as NULL.
inline QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

inline std::optional<std::int64_t> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

} // namespace sqlstore


/// A write transaction that rolls back unless committed: every multi-statement change goes through one.
class SqlJobStore::WriteTransaction
{
public:
    explicit WriteTransaction(SqlJobStore &store) : m_store(store) {}
    ~WriteTransaction()
    {
        if (m_open)
            rollback();
    }
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    Result<void> begin()
    {
        if (auto ok = m_store.transactionControl(Begin); !ok)
            return ok;
        m_open = true;
        return {};
    }

    bool isOpen() const { return m_open; }

    Result<void> commit()
    {
        if (auto ok = m_store.transactionControl(Commit); !ok)
            return ok; // still open: the destructor rolls back
        m_open = false;
        return {};
    }

private:
    void rollback()
    {
        m_open = false;
        if (!m_store.transactionControl(Rollback))
            qCWarning(lcStore) << "rollback failed on" << m_store.m_path;
    }

    SqlJobStore &m_store;
    bool m_open = false;
};

} // namespace punctual

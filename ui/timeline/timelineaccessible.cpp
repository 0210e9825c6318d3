// The timeline's accessible interface: rows shown as children, their runs and ticks as theirs.
#include "timelineaccessible.h"

#include "timelineview.h"

#include <QAccessibleWidget>
#include <QHash>
#include <QPointer>

#include <utility>

namespace punctual {

namespace {

/// The child interfaces handed out since the content last changed, by key: QAccessible owns them once
/// registered; they are deleted (and made again when asked) when the rows, the span or the runs change.
class ChildCache final : public QObject
{
public:
    explicit ChildCache(TimelineView *view)
        : QObject(view)
    {
        setObjectName(QStringLiteral("timelineAccessibleCache"));
        connect(view, &TimelineView::contentChanged, this, &ChildCache::clear);
    }
    ~ChildCache() override { clear(); }

    static ChildCache *of(TimelineView *view)
    {
        auto *cache = view->findChild<ChildCache *>(QStringLiteral("timelineAccessibleCache"),
                                                    Qt::FindDirectChildrenOnly);
        return cache ? cache : new ChildCache(view);
    }

    template <typename Make>
    QAccessibleInterface *get(const QString &key, Make make)
    {
        if (const auto id = m_ids.constFind(key); id != m_ids.cend()) {
            if (QAccessibleInterface *known = QAccessible::accessibleInterface(*id))
                return known;
        }
        QAccessibleInterface *made = make();
        m_ids.insert(key, QAccessible::registerAccessibleInterface(made));
        return made;
    }

    void clear()
    {
        const auto ids = std::exchange(m_ids, {});
        for (const QAccessible::Id id : ids)
            QAccessible::deleteAccessibleInterface(id);
    }

private:
    QHash<QString, QAccessible::Id> m_ids;
};

/// The row shown with this job, or -1.
int visibleRowOf(const TimelineView *view, const QString &jobId)
{
    for (int row = view->firstVisibleRow(), last = view->lastVisibleRow(); row <= last; ++row) {
        if (view->jobIdAt(row) == jobId)
            return row;
    }
    return -1;
}

QRect toScreen(const TimelineView *view, const QRect &rect)
{
    return QRect(view->viewport()->mapToGlobal(rect.topLeft()), rect.size());
}

class ItemAccessible;

/// A job's row.
class RowAccessible final : public QAccessibleInterface
{
public:
    RowAccessible(TimelineView *view, QString jobId)
        : m_view(view)
        , m_jobId(std::move(jobId))
    {
    }

    int row() const { return m_view ? visibleRowOf(m_view, m_jobId) : -1; }
    bool isValid() const override { return row() >= 0; }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_view.data()); }
    QAccessibleInterface *child(int index) const override;
    int childCount() const override { return isValid() ? static_cast<int>(m_view->items(row()).size()) : 0; }
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override
    {
        for (int i = 0, n = childCount(); i < n; ++i) {
            QAccessibleInterface *item = child(i);
            if (item && item->rect().contains(x, y))
                return item;
        }
        return nullptr;
    }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        if (t == QAccessible::Name)
            return m_view->jobNameAt(row());
        if (t == QAccessible::Description)
            return m_view->rowDescription(row());
        return {};
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override { return isValid() ? toScreen(m_view, m_view->rowRect(row())) : QRect(); }
    QAccessible::Role role() const override { return QAccessible::Row; }
    QAccessible::State state() const override
    {
        QAccessible::State state;
        state.focusable = true;
        state.selectable = true;
        state.focused = m_view && m_view->hasFocus() && row() == m_view->currentRow() && !m_view->currentItem();
        return state;
    }

    TimelineView *view() const { return m_view; }
    const QString &jobId() const { return m_jobId; }

private:
    QPointer<TimelineView> m_view;
    QString m_jobId;
};

/// A run or a coming fire time of a row; pressing it chooses it as a click does.
class ItemAccessible final : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    ItemAccessible(TimelineView *view, QString jobId, QString key)
        : m_view(view)
        , m_jobId(std::move(jobId))
        , m_key(std::move(key))
    {
    }

    std::optional<TimelineItem> item(int *rowOut = nullptr) const
    {
        const int row = m_view ? visibleRowOf(m_view, m_jobId) : -1;
        if (rowOut)
            *rowOut = row;
        if (row < 0)
            return std::nullopt;
        for (const TimelineItem &item : m_view->items(row)) {
            if (item.key() == m_key)
                return item;
        }
        return std::nullopt;
    }
    bool isValid() const override { return item().has_value(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override
    {
        if (!m_view)
            return nullptr;
        return ChildCache::of(m_view)->get(QStringLiteral("row:") + m_jobId,
                                           [this] { return new RowAccessible(m_view, m_jobId); });
    }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override
    {
        int row = -1;
        const auto found = item(&row);
        if (!found || t != QAccessible::Name)
            return {};
        return m_view->itemName(row, *found);
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        int row = -1;
        const auto found = item(&row);
        return found ? toScreen(m_view, m_view->itemRect(row, *found)) : QRect();
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override
    {
        QAccessible::State state;
        state.focusable = true;
        if (m_view && m_view->hasFocus()) {
            const auto current = m_view->currentItem();
            state.focused = current && current->key() == m_key && m_view->jobIdAt(m_view->currentRow()) == m_jobId;
        }
        return state;
    }
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this) : nullptr;
    }
    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString &name) override
    {
        int row = -1;
        const auto found = item(&row);
        if (name != pressAction() || !found)
            return;
        m_view->setCurrent(row, m_key);
        if (found->kind == TimelineItem::Kind::Run)
            emit m_view->runChosen(m_jobId, found->run.id);
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    QPointer<TimelineView> m_view;
    QString m_jobId;
    QString m_key;
};

QAccessibleInterface *RowAccessible::child(int index) const
{
    const int shownRow = row();
    if (shownRow < 0)
        return nullptr;
    const QList<TimelineItem> items = m_view->items(shownRow);
    if (index < 0 || index >= items.size())
        return nullptr;
    const QString key = items[index].key();
    TimelineView *view = m_view;
    const QString jobId = m_jobId;
    return ChildCache::of(view)->get(QStringLiteral("item:%1:%2").arg(jobId, key),
                                     [view, jobId, key] { return new ItemAccessible(view, jobId, key); });
}

int RowAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    for (int i = 0, n = childCount(); i < n; ++i) {
        if (this->child(i) == child)
            return i;
    }
    return -1;
}

/// The view: named "Timeline"; its children are the rows shown.
class TimelineAccessible final : public QAccessibleWidget
{
public:
    explicit TimelineAccessible(TimelineView *view)
        : QAccessibleWidget(view, QAccessible::Tree)
    {
    }

    TimelineView *view() const { return static_cast<TimelineView *>(widget()); }
    int childCount() const override
    {
        return std::max(0, view()->lastVisibleRow() - view()->firstVisibleRow() + 1);
    }
    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        TimelineView *v = view();
        const QString jobId = v->jobIdAt(v->firstVisibleRow() + index);
        return ChildCache::of(v)->get(QStringLiteral("row:") + jobId,
                                      [v, jobId] { return new RowAccessible(v, jobId); });
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        for (int i = 0, n = childCount(); i < n; ++i) {
            if (this->child(i) == child)
                return i;
        }
        return -1;
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        for (int i = 0, n = childCount(); i < n; ++i) {
            QAccessibleInterface *row = child(i);
            if (row && row->rect().contains(x, y))
                return row;
        }
        return nullptr;
    }
    QAccessibleInterface *focusChild() const override
    {
        TimelineView *v = view();
        const int row = v->currentRow();
        if (row < v->firstVisibleRow() || row > v->lastVisibleRow())
            return nullptr;
        QAccessibleInterface *rowInterface = child(row - v->firstVisibleRow());
        if (const auto item = v->currentItem(); item && rowInterface) {
            for (int i = 0, n = rowInterface->childCount(); i < n; ++i) {
                QAccessibleInterface *candidate = rowInterface->child(i);
                if (candidate && candidate->state().focused)
                    return candidate;
            }
        }
        return rowInterface;
    }
};

QAccessibleInterface *timelineFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("punctual::TimelineView") && object && object->isWidgetType())
        return new TimelineAccessible(static_cast<TimelineView *>(object));
    return nullptr;
}

} // namespace

void installTimelineAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(timelineFactory);
        return true;
    }();
    Q_UNUSED(installed)
}

} // namespace punctual

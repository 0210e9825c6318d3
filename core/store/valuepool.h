// Interned values with reference counts: the memory store keeps one copy of each distinct action and options.
#pragma once

#include <QMultiHash>

#include <cstdint>
#include <limits>
#include <vector>

namespace punctual {

/**
 * Equal values share one entry, found by a caller-supplied hash and operator==. acquire() returns the entry's
 * index and counts a reference; release() drops one, and the last one frees the entry (its index is reused).
 * The entry acquired last is tried first, so a run of equal values (an import) never looks at the hash.
 */
template <typename T>
class ValuePool
{
public:
    using Index = std::uint32_t;
    static constexpr Index none = std::numeric_limits<Index>::max();

    Index acquire(const T &value, std::size_t hash)
    {
        if (m_last != none && m_entries[m_last].hash == hash && m_entries[m_last].refs > 0
            && m_entries[m_last].value == value) {
            ++m_entries[m_last].refs;
            return m_last;
        }
        for (auto it = m_byHash.constFind(hash); it != m_byHash.cend() && it.key() == hash; ++it) {
            Entry &entry = m_entries[*it];
            if (entry.value == value) {
                ++entry.refs;
                m_last = *it;
                return m_last;
            }
        }
        Index index;
        if (!m_free.empty()) {
            index = m_free.back();
            m_free.pop_back();
            m_entries[index] = Entry{value, hash, 1};
        } else {
            index = static_cast<Index>(m_entries.size());
            m_entries.push_back(Entry{value, hash, 1});
        }
        m_byHash.insert(hash, index);
        m_last = index;
        return index;
    }

    void release(Index index)
    {
        Entry &entry = m_entries[index];
        if (--entry.refs > 0)
            return;
        m_byHash.remove(entry.hash, index);
        entry.value = T{};
        m_free.push_back(index);
        if (m_last == index)
            m_last = none;
    }

    const T &value(Index index) const { return m_entries[index].value; }

    void clear()
    {
        m_entries.clear();
        m_free.clear();
        m_byHash.clear();
        m_last = none;
    }

private:
    struct Entry
    {
        T value;
        std::size_t hash = 0;
        std::uint32_t refs = 0;
    };

    std::vector<Entry> m_entries;
    std::vector<Index> m_free;
    QMultiHash<std::size_t, Index> m_byHash;
    Index m_last = none;
};

} // namespace punctual

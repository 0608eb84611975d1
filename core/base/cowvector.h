// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace meshlane {

// A vector whose copies share its elements in fixed-size chunks and copy a
// chunk only when one of its elements is written through that copy. A graph
// derived from the previous one after a weight step rewrites three edges out
// of thirty thousand, and a snapshot after an edit swaps one VirtualService
// out of ten thousand: copying every element was most of such a step's cost.
//
// Reading is as with a const std::vector (size, [], iteration in order).
// Writing is explicit (mutableAt, emplace_back/push_back, clear), so a read
// never copies. As with any value type, one object must not be written while
// another thread uses it; different copies can be used on different threads.
template<typename T>
class CowVector
{
public:
    using value_type = T;
    using size_type = size_t;
    using const_reference = const T &;
    static constexpr size_t kChunk = 256;

    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T *;
        using reference = const T &;

        const_iterator() = default;
        reference operator*() const { return (*m_vector)[m_index]; }
        pointer operator->() const { return &(*m_vector)[m_index]; }
        reference operator[](difference_type offset) const { return (*m_vector)[size_t(difference_type(m_index) + offset)]; }
        const_iterator &operator++()
        {
            ++m_index;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++m_index;
            return before;
        }
        const_iterator &operator--()
        {
            --m_index;
            return *this;
        }
        const_iterator operator--(int)
        {
            const_iterator before = *this;
            --m_index;
            return before;
        }
        const_iterator &operator+=(difference_type offset)
        {
            m_index = size_t(difference_type(m_index) + offset);
            return *this;
        }
        const_iterator &operator-=(difference_type offset) { return *this += -offset; }
        friend const_iterator operator+(const_iterator at, difference_type offset) { return at += offset; }
        friend const_iterator operator+(difference_type offset, const_iterator at) { return at += offset; }
        friend const_iterator operator-(const_iterator at, difference_type offset) { return at -= offset; }
        friend difference_type operator-(const const_iterator &a, const const_iterator &b)
        {
            return difference_type(a.m_index) - difference_type(b.m_index);
        }
        bool operator==(const const_iterator &other) const { return m_index == other.m_index; }
        bool operator!=(const const_iterator &other) const { return m_index != other.m_index; }
        bool operator<(const const_iterator &other) const { return m_index < other.m_index; }
        bool operator>(const const_iterator &other) const { return m_index > other.m_index; }
        bool operator<=(const const_iterator &other) const { return m_index <= other.m_index; }
        bool operator>=(const const_iterator &other) const { return m_index >= other.m_index; }

    private:
        friend class CowVector;
        const_iterator(const CowVector *vector, size_t index)
            : m_vector(vector)
            , m_index(index)
        {
        }
        const CowVector *m_vector = nullptr;
        size_t m_index = 0;
    };
    using iterator = const_iterator; // elements are written through mutableAt only

    CowVector() = default;
    explicit CowVector(std::vector<T> elements)
    {
        m_chunks.reserve((elements.size() + kChunk - 1) / kChunk);
        for (size_t start = 0; start < elements.size(); start += kChunk) {
            const auto from = elements.begin() + std::ptrdiff_t(start);
            const auto to = elements.begin() + std::ptrdiff_t(std::min(elements.size(), start + kChunk));
            m_chunks.push_back(std::make_shared<std::vector<T>>(std::make_move_iterator(from), std::make_move_iterator(to)));
        }
        m_size = elements.size();
    }
    CowVector(std::initializer_list<T> elements)
        : CowVector(std::vector<T>(elements))
    {
    }
    template<typename InputIterator>
    CowVector(InputIterator first, InputIterator last)
        : CowVector(std::vector<T>(first, last))
    {
    }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T &operator[](size_t index) const { return (*m_chunks[index / kChunk])[index % kChunk]; }
    const T &at(size_t index) const
    {
        if (index >= m_size)
            throw std::out_of_range("CowVector::at");
        return (*this)[index];
    }
    const T &front() const { return (*this)[0]; }
    const T &back() const { return (*this)[m_size - 1]; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }
    std::vector<T> toVector() const { return std::vector<T>(begin(), end()); }

    // True when the chunk holding `index` is the very one `other` holds
    // there: both read the same elements at every position of that chunk,
    // so a comparison of two copies can skip it whole.
    bool sharesChunkAt(const CowVector &other, size_t index) const
    {
        const size_t chunk = index / kChunk;
        // A shared chunk is never written (a write copies it first), so the
        // same chunk holds the same elements for every copy holding it.
        return chunk < m_chunks.size() && chunk < other.m_chunks.size() && m_chunks[chunk] == other.m_chunks[chunk];
    }

    // The element to write; its chunk is copied first when another copy of
    // this vector still shares it.
    T &mutableAt(size_t index) { return (*writableChunk(index / kChunk))[index % kChunk]; }

    template<typename... Args>
    T &emplace_back(Args &&...args)
    {
        if (m_size % kChunk == 0)
            m_chunks.push_back(std::make_shared<std::vector<T>>());
        T &added = writableChunk(m_chunks.size() - 1)->emplace_back(std::forward<Args>(args)...);
        ++m_size;
        return added;
    }
    void push_back(const T &element) { emplace_back(element); }
    void push_back(T &&element) { emplace_back(std::move(element)); }

    void clear()
    {
        m_chunks.clear();
        m_size = 0;
    }
    void reserve(size_t count) { m_chunks.reserve((count + kChunk - 1) / kChunk); }

    // True when both have as many elements and same(mine, theirs) holds at
    // every position; chunks both share are taken as they are, unread.
    template<typename Same>
    bool equals(const CowVector &other, Same &&same) const
    {
        if (m_size != other.m_size)
            return false;
        for (size_t i = 0; i < m_size; ++i) {
            if (sharesChunkAt(other, i))
                i = (i / kChunk + 1) * kChunk - 1;
            else if (!same((*this)[i], other[i]))
                return false;
        }
        return true;
    }
    friend bool operator==(const CowVector &a, const CowVector &b)
    {
        return a.equals(b, [](const T &x, const T &y) { return x == y; });
    }
    friend bool operator!=(const CowVector &a, const CowVector &b) { return !(a == b); }

private:
    std::vector<T> *writableChunk(size_t chunk)
    {
        std::shared_ptr<std::vector<T>> &shared = m_chunks[chunk];
        // One owner: this object, which the caller may write. More: copy, so
        // the other owners keep what they read.
        if (shared.use_count() > 1)
            shared = std::make_shared<std::vector<T>>(*shared);
        return shared.get();
    }

    std::vector<std::shared_ptr<std::vector<T>>> m_chunks;
    size_t m_size = 0;
};

} // namespace meshlane

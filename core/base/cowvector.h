// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace meshlane {

// A vector whose copies share its elements in fixed-size chunks and copy a
// chunk only when one of its elements is written through that copy. A graph
// derived from the previous one after a weight step rewrites three edges out
// of thirty thousand: copying every edge, each with its strings, was most of
// the step's cost.
//
// Reading is as with a const std::vector (size, [], iteration in order).
// Writing is explicit (mutableAt, emplace_back), so a read never copies. As
// with any value type, one object must not be written while another thread
// uses it; different copies can be used on different threads.
template<typename T>
class CowVector
{
public:
    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T *;
        using reference = const T &;

        const_iterator() = default;
        reference operator*() const { return (*m_vector)[m_index]; }
        pointer operator->() const { return &(*m_vector)[m_index]; }
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
        bool operator==(const const_iterator &other) const { return m_index == other.m_index; }
        bool operator!=(const const_iterator &other) const { return m_index != other.m_index; }

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

    CowVector() = default;
    explicit CowVector(std::vector<T> elements)
    {
        reserve(elements.size());
        for (T &element : elements)
            emplace_back(std::move(element));
    }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T &operator[](size_t index) const { return (*m_chunks[index / kChunk])[index % kChunk]; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }

    // The element to write; its chunk is copied first when another copy of
    // this vector still shares it.
    T &mutableAt(size_t index) { return (*writableChunk(index / kChunk))[index % kChunk]; }

    template<typename... Args>
    T &emplace_back(Args &&...args)
    {
        if (m_size % kChunk == 0) {
            m_chunks.push_back(std::make_shared<std::vector<T>>());
            m_chunks.back()->reserve(kChunk);
        }
        T &added = writableChunk(m_chunks.size() - 1)->emplace_back(std::forward<Args>(args)...);
        ++m_size;
        return added;
    }

    void reserve(size_t count) { m_chunks.reserve((count + kChunk - 1) / kChunk); }

private:
    static constexpr size_t kChunk = 256;

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

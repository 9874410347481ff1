#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace carteiro::core {

// What an event runs: a move-only `void()` callable, like std::function but keeping captures
// of up to kInlineSize bytes inside itself. A storm schedules millions of events, most of them
// holding a connection, a chunk of bytes and a flag; std::function's buffer is two pointers
// wide, so each of them would cost a heap allocation. Larger captures still go to the heap.
class EventAction
{
public:
    static constexpr std::size_t kInlineSize = 64;

    EventAction() = default;
    EventAction(std::nullptr_t) {}
    template <typename F,
              typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, EventAction>>>
    EventAction(F &&function)
    {
        using Stored = std::decay_t<F>;
        if constexpr (std::is_constructible_v<bool, const Stored &>) {
            // A std::function or a function pointer that holds nothing stays empty.
            if (!static_cast<bool>(function))
                return;
        }
        if constexpr (fitsInline<Stored>()) {
            new (m_storage) Stored(std::forward<F>(function));
            m_ops = &kInlineOps<Stored>;
        } else {
            new (m_storage) Stored *(new Stored(std::forward<F>(function)));
            m_ops = &kHeapOps<Stored>;
        }
    }
    EventAction(EventAction &&other) noexcept { takeFrom(other); }
    EventAction &operator=(EventAction &&other) noexcept
    {
        if (this != &other) {
            reset();
            takeFrom(other);
        }
        return *this;
    }
    EventAction &operator=(std::nullptr_t)
    {
        reset();
        return *this;
    }
    EventAction(const EventAction &) = delete;
    EventAction &operator=(const EventAction &) = delete;
    ~EventAction() { reset(); }

    explicit operator bool() const { return m_ops != nullptr; }
    void operator()() { m_ops->invoke(m_storage); }

private:
    struct Ops
    {
        void (*invoke)(void *storage);
        void (*move)(void *from, void *to); // move-constructs into `to` and destroys `from`
        void (*destroy)(void *storage);
    };

    template <typename T> static constexpr bool fitsInline()
    {
        return sizeof(T) <= kInlineSize && alignof(T) <= alignof(std::max_align_t) &&
               std::is_nothrow_move_constructible_v<T>;
    }

    template <typename T>
    static constexpr Ops kInlineOps = {
        [](void *storage) { (*static_cast<T *>(storage))(); },
        [](void *from, void *to) {
            new (to) T(std::move(*static_cast<T *>(from)));
            static_cast<T *>(from)->~T();
        },
        [](void *storage) { static_cast<T *>(storage)->~T(); },
    };
    template <typename T>
    static constexpr Ops kHeapOps = {
        [](void *storage) { (**static_cast<T **>(storage))(); },
        [](void *from, void *to) { new (to) T *(*static_cast<T **>(from)); },
        [](void *storage) { delete *static_cast<T **>(storage); },
    };

    void takeFrom(EventAction &other)
    {
        if (!other.m_ops)
            return;
        other.m_ops->move(other.m_storage, m_storage);
        m_ops = std::exchange(other.m_ops, nullptr);
    }
    void reset()
    {
        if (m_ops)
            std::exchange(m_ops, nullptr)->destroy(m_storage);
    }

    alignas(std::max_align_t) unsigned char m_storage[kInlineSize];
    const Ops *m_ops = nullptr;
};

} // namespace carteiro::core

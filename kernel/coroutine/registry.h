// The live coroutines by id: an open-addressing table with linear probing and
// backward-shift deletion. Ids are sequential, so the low bits spread them
// well; a lookup is a mask and usually one probe, which matters because every
// resume-by-id (Co::resume, channels, timers) goes through it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace swoole::kernel {

template <typename T>
class IdTable {
  public:
    IdTable() : slots_(kInitialCapacity) {}

    T *find(int64_t id) const {
        if (id <= 0) return nullptr;
        size_t mask = slots_.size() - 1;
        for (size_t i = static_cast<size_t>(id) & mask;; i = (i + 1) & mask) {
            const Slot &s = slots_[i];
            if (s.id == id) return s.value;
            if (s.id == 0) return nullptr;
        }
    }

    void insert(int64_t id, T *value) {
        if ((size_ + 1) * 4 > slots_.size() * 3) grow();
        place(id, value);
        ++size_;
    }

    void erase(int64_t id) {
        size_t mask = slots_.size() - 1;
        size_t i = static_cast<size_t>(id) & mask;
        while (slots_[i].id != id) {
            if (slots_[i].id == 0) return;
            i = (i + 1) & mask;
        }
        // Shift later members of the probe run back so lookups never need tombstones.
        for (size_t j = (i + 1) & mask; slots_[j].id != 0; j = (j + 1) & mask) {
            size_t home = static_cast<size_t>(slots_[j].id) & mask;
            bool movable = (i <= j) ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                slots_[i] = slots_[j];
                i = j;
            }
        }
        slots_[i] = Slot{};
        --size_;
    }

    size_t size() const { return size_; }

    template <typename Fn>
    void for_each(Fn fn) const {
        for (const Slot &s : slots_) {
            if (s.id != 0) fn(s.id, s.value);
        }
    }

  private:
    static constexpr size_t kInitialCapacity = 64;
    struct Slot {
        int64_t id = 0;
        T *value = nullptr;
    };

    void place(int64_t id, T *value) {
        size_t mask = slots_.size() - 1;
        size_t i = static_cast<size_t>(id) & mask;
        while (slots_[i].id != 0) i = (i + 1) & mask;
        slots_[i] = Slot{id, value};
    }

    void grow() {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        for (const Slot &s : old) {
            if (s.id != 0) place(s.id, s.value);
        }
    }

    std::vector<Slot> slots_;
    size_t size_ = 0;
};

}  // namespace swoole::kernel

// A fixed-size hash table in shared memory (Swoole\Table without PHP): made
// before fork, then read and written by every process.
//
// Layout (one SharedMemory mapping): a header with the counters and the free
// list, then `size` bucket rows followed by `conflict_rows` overflow rows.
// A key hashes to one bucket row; keys colliding there are chained through
// overflow rows taken from the free list. The table is full for a key when
// its bucket row is taken and no overflow row is free, so it can refuse a key
// before `size` rows are stored. Each bucket row's OwnerLock guards its whole
// chain; rows never move, so iterating in slot order (bucket rows, then the
// overflow rows) while others insert or delete never skips or repeats a row
// that stays. A deleted bucket row with a chain behind it stays as an empty
// head that the next key of that bucket reuses.
//
// Keys are at most 63 bytes stored; a longer key is kept as its first 63 bytes
// plus the hash of the whole key, so only the whole key finds it again.
// Columns: int (8-byte signed), float (double), string (capacity rounded up to
// a multiple of 8, behind a length word), stored after the row header and
// before the key. The callers get a TableRow view of
// a row while its chain is locked: no copy, no allocation.
//
// Reads need not lock: each bucket row also has a SeqCounter that its chain's
// writers (holding the lock) make odd while they change the chain or a row
// of it. peek() walks the chain and copies what it needs without writing
// shared memory, and keeps the copy only if the counter did not move; so
// processes reading the same rows do not bounce their cache lines. A reader
// that keeps finding a write in progress falls back to the lock, which also
// takes over from a writer that died (and repairs its counter).
#pragma once

#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "memory/cpu_relax.h"
#include "memory/owner_lock.h"
#include "memory/seq_counter.h"
#include "memory/shared_memory.h"
#include "memory/table_hash.h"

namespace swoole::kernel {

enum class ColumnType : uint8_t { integer = 1, floating = 2, string = 3 };

struct TableColumn {
    std::string name;
    ColumnType type;
    uint32_t capacity;  // bytes of a string column's value
    uint32_t offset;    // from the start of the row's data
};

// A key with its hash computed once.
struct TableKey {
    static constexpr size_t kMaxStored = 63;
    explicit TableKey(std::string_view key)
        : bytes(key), hash(table_hash(key)), stored(key.size() > kMaxStored ? kMaxStored : key.size()),
          truncated(key.size() > kMaxStored) {}
    std::string_view bytes;
    uint64_t hash;
    uint8_t stored;
    bool truncated;
};

// A row: this header, the column values, then the stored key (64 bytes).
// Values sit before the key so that a short key and the values share the
// header's cache lines: a lookup touches one or two lines, not three.
struct TableRowHeader {
    OwnerLock lock;  // meaningful on bucket rows: guards the chain
    uint32_t next;   // index of the next row of the chain, 0 = none
    std::atomic<uint64_t> hash;
    std::atomic<uint8_t> active;
    uint8_t key_len;
    uint8_t truncated;
    uint8_t reserved;
    SeqCounter seq;  // meaningful on bucket rows: odd while the chain is written
};

// A row's values (and key): either a row whose chain is locked, valid inside
// the callback that received it, or a copy of a row's values (no key).
class TableRow {
  public:
    TableRow(TableRowHeader *header, const char *key)
        : data_(reinterpret_cast<char *>(header + 1)), key_(key), key_len_(header->key_len) {}
    // A view of values copied out of a row (Table::peek); its key is empty.
    static TableRow of_values(const char *values) { return TableRow(const_cast<char *>(values)); }

    std::string_view key() const { return {key_, key_len_}; }
    // The values' bytes (Table::data_size() of them).
    const char *values() const { return data_; }

    int64_t get_int(const TableColumn &c) const { return load<int64_t>(c.offset); }
    double get_float(const TableColumn &c) const { return load<double>(c.offset); }
    std::string_view get_string(const TableColumn &c) const {
        uint32_t len = load<uint32_t>(c.offset);
        return {data_ + c.offset + kLengthSlot, len < c.capacity ? len : c.capacity};
    }

    void set_int(const TableColumn &c, int64_t v) { store(c.offset, v); }
    void set_float(const TableColumn &c, double v) { store(c.offset, v); }
    // Keeps at most the column's capacity.
    void set_string(const TableColumn &c, std::string_view v) {
        uint32_t len = v.size() > c.capacity ? c.capacity : static_cast<uint32_t>(v.size());
        memcpy(data_ + c.offset + kLengthSlot, v.data(), len);
        store(c.offset, len);
    }
    void clear(const TableColumn &c) { store<int64_t>(c.offset, 0); }

    static constexpr uint32_t kLengthSlot = 8;

  private:
    explicit TableRow(char *values) : data_(values), key_(""), key_len_(0) {}

    template <class T> T load(uint32_t offset) const {
        T v;
        memcpy(&v, data_ + offset, sizeof(T));
        return v;
    }
    template <class T> void store(uint32_t offset, T v) { memcpy(data_ + offset, &v, sizeof(T)); }

    char *data_;
    const char *key_;
    uint8_t key_len_;
};

class Table {
  public:
    static constexpr uint64_t kMinRows = 64;
    static constexpr uint64_t kMaxRows = uint64_t{1} << 31;

    struct Stats {
        uint64_t num, conflict_count, conflict_max_level, insert_count, update_count, delete_count;
        uint64_t available_slice_num, total_slice_num;
    };

    // rows: rounded up to a power of two, at least 64; negative is taken as
    // huge (clamped to 2^31). conflict_proportion is clamped to [0.2, 1].
    Table(int64_t rows, double conflict_proportion);
    Table(const Table &) = delete;
    Table &operator=(const Table &) = delete;

    // Before create() only; a string column needs size >= 1, int and float
    // ignore size. False for a name already used.
    bool add_column(std::string_view name, ColumnType type, int64_t size);
    const std::vector<TableColumn> &columns() const { return columns_; }
    int column_index(std::string_view name) const;

    // Maps the shared memory. False (errno set) when that fails.
    bool create();
    bool created() const { return header_ != nullptr; }

    uint64_t size() const { return rows_; }
    uint64_t conflict_rows() const { return conflict_rows_; }
    uint64_t total_rows() const { return rows_ + conflict_rows_; }
    size_t memory_size() const { return memory_.size(); }
    size_t row_size() const { return row_size_; }
    // Bytes of a row's values (what peek() callers copy).
    size_t data_size() const { return data_size_; }
    uint64_t count() const;
    Stats stats() const;

    // Starts loading the key's bucket row (header, values and a short key)
    // into the cache, so that its misses overlap the caller's own work, such
    // as converting the values to store, and each other. A read-only
    // prefetch leaves other cores' copies of the lines alone.
    void prefetch(const TableKey &key, bool for_write) const {
        const char *row = reinterpret_cast<const char *>(bucket_of(key.hash));
        const char *last = row + key_offset_ + key.stored;
        if (for_write) {
            __builtin_prefetch(row, 1);
            __builtin_prefetch(row + 64, 1);
            __builtin_prefetch(last, 1);
        } else {
            __builtin_prefetch(row, 0);
            __builtin_prefetch(row + 64, 0);
            __builtin_prefetch(last, 0);
        }
    }
    // read(const TableRow &) on the key's row, locked; false when absent.
    template <class F> bool find(const TableKey &key, F &&read);
    // Like find() without the lock: copy(const TableRow &) may run several
    // times, on a row that another process is changing, until one run saw a
    // consistent row. So copy must only copy bytes (values(), fixed-size
    // reads) and decide nothing from them; the caller uses its last copy.
    template <class F> bool peek(const TableKey &key, F &&copy);
    // write(TableRow &, bool created) on the key's row, made (zeroed) when
    // absent; false when the table has no room for it.
    template <class F> bool upsert(const TableKey &key, F &&write);
    bool erase(const TableKey &key);
    // f(const TableRow &) on the first used row at a slot index >= from;
    // returns that index, or total_rows() when there is none.
    template <class F> uint64_t visit_from(uint64_t from, F &&f);

  private:
    struct Header;

    TableRowHeader *row_at(uint64_t i) const {
        return reinterpret_cast<TableRowHeader *>(rows_base_ + i * row_size_);
    }
    uint64_t index_of(const TableRowHeader *row) const {
        return static_cast<uint64_t>(reinterpret_cast<const char *>(row) - rows_base_) / row_size_;
    }
    TableRowHeader *bucket_of(uint64_t hash) const { return row_at(hash & (rows_ - 1)); }
    // Locks a chain; a holder that died in a write left its counter odd.
    static void lock_chain(TableRowHeader *head) {
        head->lock.lock();
        head->seq.repair();
    }
    TableRowHeader *lock_bucket(uint64_t hash) {
        TableRowHeader *head = bucket_of(hash);
        lock_chain(head);
        return head;
    }
    char *key_of(TableRowHeader *row) const { return reinterpret_cast<char *>(row) + key_offset_; }
    bool matches(TableRowHeader *row, const TableKey &key) const {
        return row->active.load(std::memory_order_relaxed) && row->hash.load(std::memory_order_relaxed) == key.hash &&
               row->key_len == key.stored && row->truncated == key.truncated &&
               memcmp(key_of(row), key.bytes.data(), key.stored) == 0;
    }
    TableRowHeader *find_in_chain(TableRowHeader *head, const TableKey &key) const;
    // find_in_chain() without the lock: the chain may change meanwhile, so the
    // walk stays inside the table and stops after the longest possible chain.
    TableRowHeader *find_in_chain_unlocked(TableRowHeader *head, const TableKey &key) const {
        TableRowHeader *row = head;
        for (uint64_t hops = 0;; ++hops) {
            if (matches(row, key)) return row;
            uint32_t next = __atomic_load_n(&row->next, __ATOMIC_RELAXED);
            if (next == 0 || next >= total_rows() || hops > conflict_rows_) return nullptr;
            row = row_at(next);
        }
    }
    TableRowHeader *find_or_insert(TableRowHeader *head, const TableKey &key, bool *created);
    TableRowHeader *lock_for_visit(uint64_t i);  // the locked head, or null if the row is unused
    uint32_t take_free_row();
    void give_back_row(uint32_t index);

    uint64_t rows_;
    uint64_t conflict_rows_;
    std::vector<TableColumn> columns_;
    size_t data_size_ = 0;
    size_t row_size_ = 0;
    size_t key_offset_ = 0;  // of the stored key in a row
    SharedMemory memory_;
    Header *header_ = nullptr;
    char *rows_base_ = nullptr;
};

template <class F> bool Table::find(const TableKey &key, F &&read) {
    TableRowHeader *head = lock_bucket(key.hash);
    TableRowHeader *row = find_in_chain(head, key);
    if (row) read(static_cast<const TableRow &>(TableRow(row, key_of(row))));
    head->lock.unlock();
    return row != nullptr;
}

template <class F> bool Table::peek(const TableKey &key, F &&copy) {
    // A write holds the chain for well under a microsecond; after this many
    // tries its writer was probably descheduled (or died): wait on the lock.
    constexpr int kTries = 64;
    prefetch(key, false);
    TableRowHeader *head = bucket_of(key.hash);
    for (int i = 0; i < kTries; ++i) {
        uint32_t seen = head->seq.read_begin();
        if (SeqCounter::writing(seen)) {
            cpu_relax();
            continue;
        }
        TableRowHeader *row = find_in_chain_unlocked(head, key);
        if (row) copy(static_cast<const TableRow &>(TableRow(row, key_of(row))));
        if (head->seq.unchanged(seen)) return row != nullptr;
    }
    return find(key, std::forward<F>(copy));
}

template <class F> bool Table::upsert(const TableKey &key, F &&write) {
    TableRowHeader *head = lock_bucket(key.hash);
    head->seq.write_begin();
    bool created = false;
    TableRowHeader *row = find_or_insert(head, key, &created);
    if (row) {
        TableRow view(row, key_of(row));
        write(view, created);
    }
    head->seq.write_end();
    head->lock.unlock();
    return row != nullptr;
}

template <class F> uint64_t Table::visit_from(uint64_t from, F &&f) {
    for (uint64_t i = from, total = total_rows(); i < total; ++i) {
        TableRowHeader *head = lock_for_visit(i);
        if (!head) continue;
        f(static_cast<const TableRow &>(TableRow(row_at(i), key_of(row_at(i)))));
        head->lock.unlock();
        return i;
    }
    return total_rows();
}

}  // namespace swoole::kernel

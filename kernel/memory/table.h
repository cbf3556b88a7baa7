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
#pragma once

#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "memory/owner_lock.h"
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
    uint8_t reserved[5];
};

// A locked row, valid inside the callback that received it.
class TableRow {
  public:
    TableRow(TableRowHeader *header, const char *key)
        : header_(header), data_(reinterpret_cast<char *>(header + 1)), key_(key) {}

    std::string_view key() const { return {key_, header_->key_len}; }

    int64_t get_int(const TableColumn &c) const { return load<int64_t>(c.offset); }
    double get_float(const TableColumn &c) const { return load<double>(c.offset); }
    std::string_view get_string(const TableColumn &c) const {
        return {data_ + c.offset + kLengthSlot, load<uint32_t>(c.offset)};
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
    template <class T> T load(uint32_t offset) const {
        T v;
        memcpy(&v, data_ + offset, sizeof(T));
        return v;
    }
    template <class T> void store(uint32_t offset, T v) { memcpy(data_ + offset, &v, sizeof(T)); }

    TableRowHeader *header_;
    char *data_;
    const char *key_;
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
    uint64_t count() const;
    Stats stats() const;

    // read(const TableRow &) on the key's row; false when absent.
    template <class F> bool find(const TableKey &key, F &&read);
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
    TableRowHeader *lock_bucket(uint64_t hash) {
        TableRowHeader *head = row_at(hash & (rows_ - 1));
        head->lock.lock();
        return head;
    }
    char *key_of(TableRowHeader *row) const { return reinterpret_cast<char *>(row) + key_offset_; }
    bool matches(TableRowHeader *row, const TableKey &key) const {
        return row->active.load(std::memory_order_relaxed) && row->hash.load(std::memory_order_relaxed) == key.hash &&
               row->key_len == key.stored && row->truncated == key.truncated &&
               memcmp(key_of(row), key.bytes.data(), key.stored) == 0;
    }
    TableRowHeader *find_in_chain(TableRowHeader *head, const TableKey &key) const;
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

template <class F> bool Table::upsert(const TableKey &key, F &&write) {
    TableRowHeader *head = lock_bucket(key.hash);
    bool created = false;
    TableRowHeader *row = find_or_insert(head, key, &created);
    if (row) {
        TableRow view(row, key_of(row));
        write(view, created);
    }
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

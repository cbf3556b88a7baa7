#include "memory/table.h"

#include <algorithm>
#include <cerrno>
#include <new>

namespace swoole::kernel {

// Counters shared by every process. The row count sits apart from the
// statistics so that readers of count() do not share a line with writers.
// The per-operation statistics are split into stripes chosen by pid: each
// process adds to its own cache line, so processes working on different rows
// write no common line; stats() sums the stripes.
struct alignas(64) Table::Header {
    struct alignas(64) Stripe {
        std::atomic<uint64_t> insert_count{0};
        std::atomic<uint64_t> update_count{0};
        std::atomic<uint64_t> delete_count{0};
    };
    static constexpr unsigned kStripes = 16;

    OwnerLock free_lock;  // guards free_head / available
    uint32_t free_head = 0;
    uint64_t available = 0;
    alignas(64) std::atomic<uint64_t> num{0};
    alignas(64) std::atomic<uint64_t> conflict_count{0};
    std::atomic<uint64_t> conflict_max_level{0};
    Stripe stripes[kStripes];

    Stripe &mine() { return stripes[static_cast<unsigned>(current_pid()) % kStripes]; }
};

namespace {

constexpr size_t align8(size_t n) { return (n + 7) & ~size_t{7}; }

uint64_t round_rows(int64_t requested) {
    uint64_t n = static_cast<uint64_t>(requested);  // negative: huge
    if (n >= Table::kMaxRows) return Table::kMaxRows;
    uint64_t rows = Table::kMinRows;
    while (rows < n) rows <<= 1;
    return rows;
}

}  // namespace

static_assert(sizeof(TableRowHeader) == 24);

Table::Table(int64_t rows, double conflict_proportion) : rows_(round_rows(rows)) {
    double proportion = std::clamp(conflict_proportion, 0.2, 1.0);
    if (!(proportion == proportion)) proportion = 0.2;  // NaN
    conflict_rows_ = static_cast<uint64_t>(static_cast<double>(rows_) * proportion);
}

bool Table::add_column(std::string_view name, ColumnType type, int64_t size) {
    if (created()) return false;
    uint32_t capacity = 0;
    switch (type) {
    case ColumnType::integer:
    case ColumnType::floating: break;
    case ColumnType::string:
        if (size < 1 || size > INT32_MAX) return false;
        capacity = static_cast<uint32_t>(align8(static_cast<size_t>(size)));
        break;
    default: return false;
    }
    if (column_index(name) >= 0) return false;
    columns_.push_back(TableColumn{std::string(name), type, capacity, static_cast<uint32_t>(data_size_)});
    data_size_ += type == ColumnType::string ? TableRow::kLengthSlot + capacity : 8;
    return true;
}

int Table::column_index(std::string_view name) const {
    for (size_t i = 0; i < columns_.size(); ++i) {
        if (columns_[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

bool Table::create() {
    if (created()) return true;
    key_offset_ = sizeof(TableRowHeader) + align8(data_size_);
    row_size_ = key_offset_ + TableKey::kMaxStored + 1;
    unsigned __int128 bytes = sizeof(Header) + static_cast<unsigned __int128>(total_rows()) * row_size_;
    if (bytes > SIZE_MAX / 2 || !memory_.allocate(static_cast<size_t>(bytes))) {
        errno = ENOMEM;
        return false;
    }
    header_ = new (memory_.data()) Header();
    rows_base_ = static_cast<char *>(memory_.data()) + sizeof(Header);
    // Free list of overflow rows in slot order; zeroed bucket rows are unused.
    for (uint64_t i = total_rows(); i-- > rows_;) {
        row_at(i)->next = header_->free_head;
        header_->free_head = static_cast<uint32_t>(i);
    }
    header_->available = conflict_rows_;
    return true;
}

uint64_t Table::count() const { return header_ ? header_->num.load(std::memory_order_relaxed) : 0; }

Table::Stats Table::stats() const {
    Stats s{};
    s.total_slice_num = conflict_rows_;
    if (!header_) return s;
    s.num = header_->num.load(std::memory_order_relaxed);
    s.conflict_count = header_->conflict_count.load(std::memory_order_relaxed);
    s.conflict_max_level = header_->conflict_max_level.load(std::memory_order_relaxed);
    for (const Header::Stripe &stripe : header_->stripes) {
        s.insert_count += stripe.insert_count.load(std::memory_order_relaxed);
        s.update_count += stripe.update_count.load(std::memory_order_relaxed);
        s.delete_count += stripe.delete_count.load(std::memory_order_relaxed);
    }
    header_->free_lock.lock();
    s.available_slice_num = header_->available;
    header_->free_lock.unlock();
    return s;
}

uint32_t Table::take_free_row() {
    OwnerLockGuard guard(header_->free_lock);
    uint32_t index = header_->free_head;
    if (index != 0) {
        header_->free_head = row_at(index)->next;
        --header_->available;
    }
    return index;
}

void Table::give_back_row(uint32_t index) {
    OwnerLockGuard guard(header_->free_lock);
    row_at(index)->next = header_->free_head;
    header_->free_head = index;
    ++header_->available;
}

TableRowHeader *Table::find_in_chain(TableRowHeader *head, const TableKey &key) const {
    for (TableRowHeader *row = head;; row = row_at(row->next)) {
        if (matches(row, key)) return row;
        if (row->next == 0) return nullptr;
    }
}

TableRowHeader *Table::find_or_insert(TableRowHeader *head, const TableKey &key, bool *created) {
    TableRowHeader *tail = head;
    uint64_t level = 0;
    for (TableRowHeader *row = head;; row = row_at(row->next), ++level) {
        if (matches(row, key)) {
            header_->mine().update_count.fetch_add(1, std::memory_order_relaxed);
            return row;
        }
        tail = row;
        if (row->next == 0) break;
    }
    TableRowHeader *row = head;
    if (head->active.load(std::memory_order_relaxed)) {
        uint32_t index = take_free_row();
        if (index == 0) return nullptr;
        row = row_at(index);
        row->next = 0;
        tail->next = index;
        header_->conflict_count.fetch_add(1, std::memory_order_relaxed);
        uint64_t max = header_->conflict_max_level.load(std::memory_order_relaxed);
        while (level + 1 > max &&
               !header_->conflict_max_level.compare_exchange_weak(max, level + 1, std::memory_order_relaxed)) {
        }
    }
    row->hash.store(key.hash, std::memory_order_relaxed);
    row->key_len = key.stored;
    row->truncated = key.truncated;
    memcpy(key_of(row), key.bytes.data(), key.stored);
    memset(reinterpret_cast<char *>(row) + sizeof(TableRowHeader), 0, key_offset_ - sizeof(TableRowHeader));
    row->active.store(1, std::memory_order_release);
    header_->num.fetch_add(1, std::memory_order_relaxed);
    header_->mine().insert_count.fetch_add(1, std::memory_order_relaxed);
    *created = true;
    return row;
}

bool Table::erase(const TableKey &key) {
    TableRowHeader *head = lock_bucket(key.hash);
    head->seq.write_begin();
    TableRowHeader *prev = nullptr;
    bool found = false;
    for (TableRowHeader *row = head;; prev = row, row = row_at(row->next)) {
        if (matches(row, key)) {
            row->active.store(0, std::memory_order_release);
            if (prev) {  // an overflow row: unlink it and free it
                uint32_t index = prev->next;
                prev->next = row->next;
                give_back_row(index);
            }
            found = true;
            break;
        }
        if (row->next == 0) break;
    }
    head->seq.write_end();
    head->lock.unlock();
    if (found) {
        header_->num.fetch_sub(1, std::memory_order_relaxed);
        header_->mine().delete_count.fetch_add(1, std::memory_order_relaxed);
    }
    return found;
}

TableRowHeader *Table::lock_for_visit(uint64_t i) {
    TableRowHeader *row = row_at(i);
    for (;;) {
        if (!row->active.load(std::memory_order_acquire)) return nullptr;
        uint64_t bucket = i < rows_ ? i : (row->hash.load(std::memory_order_relaxed) & (rows_ - 1));
        TableRowHeader *head = row_at(bucket);
        lock_chain(head);
        // An overflow row may have been freed and reused for another bucket
        // between the check and the lock: only its current chain's lock counts.
        if (row->active.load(std::memory_order_relaxed) &&
            (i < rows_ || (row->hash.load(std::memory_order_relaxed) & (rows_ - 1)) == bucket)) {
            return head;
        }
        head->lock.unlock();
    }
}

}  // namespace swoole::kernel

#include <gtest/gtest.h>

#include <chrono>
#include <new>
#include <set>
#include <string>
#include <vector>

#include "fork_helpers.h"
#include "memory/shared_memory.h"
#include "memory/table.h"

using namespace swoole::kernel;
using swoole::test::fork_child;
using swoole::test::wait_children;

namespace {


int64_t read_int(Table &t, std::string_view key, int column) {
    int64_t v = -1;
    const TableColumn &c = t.columns()[column];
    t.find(TableKey(key), [&](const TableRow &row) { v = row.get_int(c); });
    return v;
}

}  // namespace

TEST(Table, RowsRoundUpToPowerOfTwoWithMinimum64) {
    EXPECT_EQ(Table(1, 0.2).size(), 64u);
    EXPECT_EQ(Table(0, 0.2).size(), 64u);
    EXPECT_EQ(Table(100, 0.2).size(), 128u);
    EXPECT_EQ(Table(1024, 0.2).size(), 1024u);
    EXPECT_EQ(Table(-1, 0.2).size(), Table::kMaxRows);
    EXPECT_EQ(Table(64, 0.2).conflict_rows(), 12u);
    EXPECT_EQ(Table(64, 5).conflict_rows(), 64u);
    EXPECT_EQ(Table(64, 0.01).conflict_rows(), 12u);
}

TEST(Table, ColumnsAreOnlyAddedBeforeCreate) {
    Table t(64, 0.2);
    EXPECT_TRUE(t.add_column("i", ColumnType::integer, 1));
    EXPECT_FALSE(t.add_column("s", ColumnType::string, 0));
    EXPECT_FALSE(t.add_column("x", static_cast<ColumnType>(9), 8));
    EXPECT_TRUE(t.add_column("s", ColumnType::string, 5));
    EXPECT_EQ(t.columns()[1].capacity, 8u);
    EXPECT_TRUE(t.create());
    EXPECT_FALSE(t.add_column("f", ColumnType::floating, 0));
    EXPECT_GT(t.memory_size(), (64u + 12u) * t.row_size());
}

TEST(Table, HugeTableFailsToCreate) {
    Table t(-1, 1);
    t.add_column("s", ColumnType::string, 1024);
    EXPECT_FALSE(t.create());
    EXPECT_FALSE(t.created());
}

TEST(Table, SetGetDeleteAndValuesRoundTrip) {
    Table t(64, 0.2);
    t.add_column("i", ColumnType::integer, 0);
    t.add_column("f", ColumnType::floating, 0);
    t.add_column("s", ColumnType::string, 5);
    ASSERT_TRUE(t.create());
    const auto &c = t.columns();
    EXPECT_TRUE(t.upsert(TableKey("a"), [&](TableRow &row, bool created) {
        EXPECT_TRUE(created);
        EXPECT_EQ(row.get_string(c[2]), "");
        row.set_int(c[0], INT64_MIN);
        row.set_float(c[1], 2.5);
        row.set_string(c[2], "123456789");
    }));
    bool seen = t.find(TableKey("a"), [&](const TableRow &row) {
        EXPECT_EQ(row.key(), "a");
        EXPECT_EQ(row.get_int(c[0]), INT64_MIN);
        EXPECT_EQ(row.get_float(c[1]), 2.5);
        EXPECT_EQ(row.get_string(c[2]), "12345678");
    });
    EXPECT_TRUE(seen);
    EXPECT_TRUE(t.upsert(TableKey("a"), [&](TableRow &, bool created) { EXPECT_FALSE(created); }));
    EXPECT_EQ(t.count(), 1u);
    EXPECT_FALSE(t.find(TableKey("b"), [](const TableRow &) {}));
    EXPECT_TRUE(t.erase(TableKey("a")));
    EXPECT_FALSE(t.erase(TableKey("a")));
    EXPECT_EQ(t.count(), 0u);
    auto s = t.stats();
    EXPECT_EQ(s.insert_count, 1u);
    EXPECT_EQ(s.update_count, 1u);
    EXPECT_EQ(s.delete_count, 1u);
}

TEST(Table, LongKeysAreFoundOnlyByTheWholeKey) {
    Table t(64, 0.2);
    t.add_column("i", ColumnType::integer, 0);
    ASSERT_TRUE(t.create());
    std::string a(64, 'x'), b = std::string(63, 'x') + "y", prefix(63, 'x');
    t.upsert(TableKey(a), [&](TableRow &row, bool) { row.set_int(t.columns()[0], 1); });
    t.upsert(TableKey(b), [&](TableRow &row, bool) { row.set_int(t.columns()[0], 2); });
    EXPECT_EQ(read_int(t, a, 0), 1);
    EXPECT_EQ(read_int(t, b, 0), 2);
    EXPECT_EQ(read_int(t, prefix, 0), -1);
    std::string seen;
    t.visit_from(0, [&](const TableRow &row) { seen = row.key(); });
    EXPECT_EQ(seen, prefix);
}

TEST(Table, FullWhenTheBucketIsTakenAndNoOverflowRowIsLeft) {
    Table t(64, 0.2);
    t.add_column("i", ColumnType::integer, 0);
    ASSERT_TRUE(t.create());
    int stored = 0;
    std::string refused;
    for (int i = 0; i < 1000; ++i) {
        std::string key = "key-" + std::to_string(i);
        if (!t.upsert(TableKey(key), [](TableRow &, bool) {})) {
            refused = key;
            break;
        }
        ++stored;
    }
    ASSERT_FALSE(refused.empty());
    auto s = t.stats();
    EXPECT_EQ(s.available_slice_num, 0u);
    EXPECT_EQ(s.conflict_count, 12u);
    EXPECT_EQ(t.count(), static_cast<uint64_t>(stored));
    EXPECT_GE(stored, 13);
    EXPECT_LE(stored, 64 + 12);
    // Existing keys still update; deleting an overflow row makes room again.
    EXPECT_TRUE(t.upsert(TableKey("key-0"), [](TableRow &, bool created) { EXPECT_FALSE(created); }));
    int freed = 0;
    for (int i = 0; i < stored && freed == 0; ++i) {
        std::string key = "key-" + std::to_string(i);
        if (t.erase(TableKey(key)) && t.stats().available_slice_num == 1) freed = 1;
    }
    ASSERT_EQ(freed, 1);
    EXPECT_TRUE(t.upsert(TableKey(refused), [](TableRow &, bool) {}));
}

TEST(Table, DeleteDuringIterationVisitsEveryOtherRowOnce) {
    Table t(64, 1);
    t.add_column("i", ColumnType::integer, 0);
    ASSERT_TRUE(t.create());
    std::set<std::string> keys;
    for (int i = 0; i < 100; ++i) {
        std::string key = "k" + std::to_string(i);
        if (t.upsert(TableKey(key), [](TableRow &, bool) {})) keys.insert(key);
    }
    ASSERT_GT(keys.size(), 60u);
    std::multiset<std::string> seen;
    for (uint64_t i = 0;; ++i) {
        std::string key;
        i = t.visit_from(i, [&](const TableRow &row) { key = row.key(); });
        if (i == t.total_rows()) break;
        seen.insert(key);
        EXPECT_TRUE(t.erase(TableKey(key)));
    }
    EXPECT_EQ(seen, std::multiset<std::string>(keys.begin(), keys.end()));
    EXPECT_EQ(t.count(), 0u);
    EXPECT_EQ(t.stats().available_slice_num, 64u);
}

TEST(Table, FourProcessesIncrementTheSameRowExactly) {
    Table t(1024, 0.2);
    t.add_column("n", ColumnType::integer, 0);
    ASSERT_TRUE(t.create());
    const TableColumn &c = t.columns()[0];
    constexpr int kLoops = 100000;
    std::vector<pid_t> children;
    for (int p = 0; p < 4; ++p) {
        children.push_back(fork_child([&, p] {
            for (int i = 0; i < kLoops; ++i) {
                t.upsert(TableKey("same"), [&](TableRow &row, bool) { row.set_int(c, row.get_int(c) + 1); });
                std::string own = "own" + std::to_string(p);
                t.upsert(TableKey(own), [&](TableRow &row, bool) { row.set_int(c, row.get_int(c) + 1); });
            }
            return 0;
        }));
    }
    ASSERT_TRUE(wait_children(children));
    EXPECT_EQ(read_int(t, "same", 0), 4 * kLoops);
    for (int p = 0; p < 4; ++p) EXPECT_EQ(read_int(t, "own" + std::to_string(p), 0), kLoops);
    EXPECT_EQ(t.count(), 5u);
}

namespace {

// Keys of `t` that share the bucket of `first` (so they form one chain).
std::vector<std::string> keys_in_bucket_of(const Table &t, const std::string &first, size_t n) {
    std::vector<std::string> keys{first};
    uint64_t bucket = table_hash(first) & (t.size() - 1);
    for (int i = 0; keys.size() < n; ++i) {
        std::string key = "c" + std::to_string(i);
        if ((table_hash(key) & (t.size() - 1)) == bucket) keys.push_back(key);
    }
    return keys;
}

}  // namespace

// peek() reads without the lock while another process rewrites the row and
// inserts and deletes the other rows of its chain: every copy it accepts is
// one whole write (a == -b, the string made from a), and the key that is
// never deleted is always found.
TEST(Table, PeekNeverAcceptsATornRowOrLosesAChainedKey) {
    Table t(64, 1);
    t.add_column("a", ColumnType::integer, 0);
    t.add_column("s", ColumnType::string, 1024);  // long writes: more overlap
    t.add_column("b", ColumnType::integer, 0);
    ASSERT_TRUE(t.create());
    const auto &c = t.columns();
    std::vector<std::string> chain = keys_in_bucket_of(t, "stay", 4);
    auto write = [&](const std::string &key, int64_t a) {
        return t.upsert(TableKey(key), [&](TableRow &row, bool) {
            row.set_int(c[0], a);
            row.set_string(c[1], std::string(static_cast<size_t>(a % 1000) + 1, static_cast<char>('a' + a % 26)));
            row.set_int(c[2], -a);
        });
    };
    ASSERT_TRUE(write(chain[1], 0));  // "stay" goes behind another row
    ASSERT_TRUE(write(chain[0], 0));
    SharedMemory flag_memory;
    ASSERT_TRUE(flag_memory.allocate(sizeof(std::atomic<int>)));
    auto *done = new (flag_memory.data()) std::atomic<int>(0);

    pid_t writer = fork_child([&] {
        for (int64_t i = 1; i <= 200000; ++i) {
            if (!write(chain[0], i)) return 1;
            // churn the rest of the chain: erase one, re-insert another
            const std::string &gone = chain[1 + i % 3];
            t.erase(TableKey(gone));
            if (!write(chain[1 + (i + 1) % 3], i)) return 2;
        }
        done->store(1);
        return 0;
    });
    const size_t bytes = t.data_size();
    uint64_t reads = 0, torn = 0, lost = 0;
    while (done->load() == 0) {
        for (size_t k = 0; k < chain.size(); ++k) {
            std::vector<char> copy(bytes);
            bool found = t.peek(TableKey(chain[k]), [&](const TableRow &row) { memcpy(copy.data(), row.values(), bytes); });
            if (!found) {
                if (k == 0) ++lost;
                continue;
            }
            ++reads;
            TableRow row = TableRow::of_values(copy.data());
            int64_t a = row.get_int(c[0]);
            std::string expect(static_cast<size_t>(a % 1000) + 1, static_cast<char>('a' + a % 26));
            if (row.get_int(c[2]) != -a || row.get_string(c[1]) != expect) ++torn;
        }
    }
    ASSERT_TRUE(wait_children({writer}));
    EXPECT_GT(reads, 0u);
    EXPECT_EQ(torn, 0u);
    EXPECT_EQ(lost, 0u);
    EXPECT_EQ(read_int(t, chain[0], 0), 200000);
}

// A writer killed inside upsert() leaves its chain locked and its sequence
// counter odd: a reader neither spins for good nor gets stuck on the lock;
// it takes the lock over and sees what the dead writer left. Later reads and
// writes of the chain work as before.
TEST(Table, PeekTakesOverFromAWriterThatDied) {
    Table t(64, 0.2);
    t.add_column("a", ColumnType::integer, 0);
    t.add_column("b", ColumnType::integer, 0);
    ASSERT_TRUE(t.create());
    const auto &c = t.columns();
    ASSERT_TRUE(t.upsert(TableKey("k"), [&](TableRow &row, bool) { row.set_int(c[1], 7); }));
    pid_t writer = fork_child([&] {
        t.upsert(TableKey("k"), [&](TableRow &row, bool) {
            row.set_int(c[0], 1);
            _exit(0);  // dies holding the lock, halfway through the write
        });
        return 1;
    });
    ASSERT_TRUE(wait_children({writer}));  // reaped: the holder's pid is gone
    int64_t a = -1, b = -1;
    auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(t.peek(TableKey("k"), [&](const TableRow &row) {
        a = row.get_int(c[0]);
        b = row.get_int(c[1]);
    }));
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(a, 1);
    EXPECT_EQ(b, 7);
    EXPECT_LT(waited, 5.0);
    EXPECT_TRUE(t.upsert(TableKey("k"), [&](TableRow &row, bool) { row.set_int(c[1], 8); }));
    EXPECT_TRUE(t.peek(TableKey("k"), [&](const TableRow &row) { b = row.get_int(c[1]); }));
    EXPECT_EQ(b, 8);
    EXPECT_TRUE(t.erase(TableKey("k")));
    EXPECT_FALSE(t.peek(TableKey("k"), [](const TableRow &) {}));
}

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "fork_helpers.h"
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

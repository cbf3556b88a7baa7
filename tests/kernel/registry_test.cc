#include <gtest/gtest.h>

#include <map>
#include <random>

#include "coroutine/registry.h"

using swoole::kernel::IdTable;

TEST(IdTable, MatchesAnOrderedMapUnderRandomInsertAndErase) {
    IdTable<int> table;
    std::map<int64_t, int *> model;
    std::vector<int64_t> live;  // the ids of model, for picking one at random
    std::vector<int> values(100000);
    std::mt19937 rng(7);
    int64_t next = 1;
    for (int step = 0; step < 200000; ++step) {
        if (model.empty() || rng() % 3 != 0) {
            int64_t id = next++;
            int *v = &values[id % values.size()];
            table.insert(id, v);
            model[id] = v;
            live.push_back(id);
        } else {
            size_t pick = rng() % live.size();
            int64_t id = live[pick];
            live[pick] = live.back();
            live.pop_back();
            table.erase(id);
            model.erase(id);
        }
        if (step % 1000 == 0) {
            ASSERT_EQ(table.size(), model.size());
            for (const auto &[id, v] : model) ASSERT_EQ(table.find(id), v) << id;
            ASSERT_EQ(table.find(next), nullptr);
        }
    }
    size_t seen = 0;
    table.for_each([&](int64_t id, int *v) {
        ++seen;
        EXPECT_EQ(model.at(id), v);
    });
    EXPECT_EQ(seen, model.size());
    EXPECT_EQ(table.find(0), nullptr);
    EXPECT_EQ(table.find(-1), nullptr);
}

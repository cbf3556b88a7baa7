#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/error.h"
#include "module/host_api.h"
#include "module/loader.h"

using namespace swoole::kernel;

namespace {

constexpr uint32_t kPhpApi = 20220829;

struct LoaderRun {
    std::vector<std::string> lines;
    ModuleLoader loader{kernel_host_api(), kPhpApi, [this](const std::string &line) { lines.push_back(line); }};

    size_t load(std::vector<std::string> names) { return loader.load(SWOOLE_TEST_FIXTURE_DIR, names); }
    std::vector<std::string> loaded() const {
        std::vector<std::string> names;
        for (const LoadedModule &m : loader.modules()) names.emplace_back(m.name());
        return names;
    }
    // The one report line about a file, checking it names the reason.
    void expect_refused(const std::string &file, const std::string &reason) const {
        int matches = 0;
        for (const std::string &line : lines) {
            if (line.find(file) == std::string::npos) continue;
            ++matches;
            EXPECT_NE(line.find(reason), std::string::npos) << line;
        }
        EXPECT_EQ(matches, 1) << "expected one line about " << file;
    }
};

}  // namespace

TEST(Loader, AcceptsAGoodModuleAndCallsItsLoadHookWithTheHostTable) {
    LoaderRun run;
    set_last_error(0);
    EXPECT_EQ(run.load({"good_base"}), 1u);
    EXPECT_EQ(last_error(), 4242);  // the fixture's load hook used the table
    EXPECT_TRUE(run.lines.empty());
    ASSERT_NE(run.loader.find("good_base"), nullptr);
    EXPECT_STREQ(run.loader.find("good_base")->descriptor->version, "0.0.1");
}

TEST(Loader, OrdersDependenciesFirstAndPullsThemIn) {
    LoaderRun run;
    EXPECT_EQ(run.load({"needs_base"}), 2u);
    EXPECT_EQ((std::vector<std::string>{"good_base", "needs_base"}), run.loaded());
}

TEST(Loader, RefusesAnotherAbiMajor) {
    LoaderRun run;
    EXPECT_EQ(run.load({"abi_major", "good_base"}), 1u);
    run.expect_refused("abi_major.so", "built for module ABI 2." + std::to_string(SW_MODULE_ABI_MINOR) +
                                           ", the kernel hosts ABI 1.x");
}

TEST(Loader, RefusesANewerAbiMinor) {
    LoaderRun run;
    EXPECT_EQ(run.load({"abi_minor"}), 0u);
    run.expect_refused("abi_minor.so", "newer than the kernel's 1." + std::to_string(SW_MODULE_ABI_MINOR));
}

TEST(Loader, RefusesAnotherPhpApi) {
    LoaderRun run;
    EXPECT_EQ(run.load({"php_api"}), 0u);
    run.expect_refused("php_api.so", "built for PHP API 12345, this PHP has 20220829");
}

TEST(Loader, RefusesAMissingDependency) {
    LoaderRun run;
    EXPECT_EQ(run.load({"missing_dep", "good_base"}), 1u);
    run.expect_refused("missing_dep.so", "missing dependency 'no_such_module'");
    EXPECT_EQ((std::vector<std::string>{"good_base"}), run.loaded());
}

TEST(Loader, RefusesADuplicateName) {
    LoaderRun run;
    EXPECT_EQ(run.load({"dup_a", "dup_b"}), 1u);
    run.expect_refused("dup_b.so", "duplicate module name 'dup'");
}

TEST(Loader, RefusesAFileThatIsNotAModule) {
    LoaderRun run;
    EXPECT_EQ(run.load({"not_elf", "no_symbol", "good_base"}), 1u);
    run.expect_refused("not_elf.so", "not a loadable shared object");
    run.expect_refused("no_symbol.so", "not a module (no swoole_module_descriptor symbol)");
}

TEST(Loader, RefusesAFailedLoadHookAndAConflict) {
    LoaderRun run;
    EXPECT_EQ(run.load({"good_base", "load_fails", "conflicts"}), 1u);
    run.expect_refused("load_fails.so", "its load hook failed");
    run.expect_refused("conflicts.so", "conflicts with loaded module 'good_base'");
}

TEST(Loader, ReportsAnUnknownNameAndLoadsTheRest) {
    LoaderRun run;
    EXPECT_EQ(run.load({"nope", "good_base"}), 1u);
    ASSERT_EQ(run.lines.size(), 1u);
    EXPECT_NE(run.lines[0].find("unknown module 'nope'"), std::string::npos) << run.lines[0];
}

TEST(Loader, LoadsEveryModuleOfAFolderWhenNoNamesAreGiven) {
    LoaderRun run;
    run.load({});
    // Every refusal above is reported once, the good ones load.
    auto names = run.loaded();
    EXPECT_NE(std::find(names.begin(), names.end(), "good_base"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "needs_base"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "dup"), names.end());
    EXPECT_EQ(std::count(names.begin(), names.end(), "dup"), 1);
    EXPECT_EQ(std::find(names.begin(), names.end(), "abi_major"), names.end());
    EXPECT_GE(run.lines.size(), 7u);
}

TEST(Loader, SplitsTheIniList) {
    EXPECT_EQ((std::vector<std::string>{"http", "redis", "x"}), ModuleLoader::split_names(" http,redis ,, x "));
    EXPECT_TRUE(ModuleLoader::split_names("").empty());
}

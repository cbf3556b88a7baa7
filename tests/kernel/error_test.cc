#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "base/error.h"

using namespace swoole::kernel;

TEST(Error, ProjectCodesHaveTheirMessages) {
    EXPECT_STREQ(error_text(SW_ERROR_CO_CANCELED), "Coroutine canceled");
    EXPECT_EQ(SW_ERROR_CO_CANCELED, 10017);
    EXPECT_EQ(SW_ERROR_CLIENT_NO_CONNECTION, 5001);
    EXPECT_EQ(error_names().size(), 107u);
}

TEST(Error, FallsBackToSystemMessages) {
    EXPECT_STREQ(error_text(ECONNREFUSED), "Connection refused");
    EXPECT_STREQ(error_text(99999), "Unknown error 99999");
    EXPECT_STREQ(error_text(600), "Unknown error 600");
    EXPECT_TRUE(error_message(600).empty());
}

TEST(Error, LastErrorIsPerThread) {
    set_last_error(SW_ERROR_CO_NOT_EXISTS);
    EXPECT_EQ(last_error(), 10016);
    set_last_error(0);
    EXPECT_EQ(last_error(), 0);
}

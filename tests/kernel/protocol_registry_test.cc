// Server protocols registered the way a module does it: through the host
// function table, by name.
#include <gtest/gtest.h>

#include <cerrno>

#include "base/error.h"
#include "module/host_api.h"
#include "server/protocol_registry.h"

using namespace swoole::kernel;

namespace {

int upper_input(void *, void *, sw_server_conn *conn) {
    const sw_host_api *api = kernel_host_api();
    size_t length = 0;
    const char *data = api->conn_input(conn, &length);
    api->conn_consume(conn, length);
    return data && length ? 0 : SW_ERROR_PACKAGE_MALFORMED_DATA;
}

const sw_server_protocol kUpper = {sizeof(sw_server_protocol), "upper_test", nullptr, nullptr, upper_input, nullptr};

}  // namespace

TEST(ProtocolRegistry, BuiltInFramingIsAlwaysThere) {
    EXPECT_EQ(find_protocol("framing"), framing_protocol());
    EXPECT_FALSE(unregister_protocol("framing"));
    EXPECT_EQ(find_protocol("framing"), framing_protocol());
}

TEST(ProtocolRegistry, RegisterFindUnregisterThroughTheHostTable) {
    const sw_host_api *api = kernel_host_api();
    ASSERT_TRUE(SW_HOST_HAS(api, conn_close));
    EXPECT_EQ(api->protocol_find("upper_test"), nullptr);
    ASSERT_EQ(api->protocol_register(&kUpper), 0);
    EXPECT_EQ(api->protocol_find("upper_test"), &kUpper);
    EXPECT_EQ(find_protocol("upper_test"), &kUpper);  // the kernel sees the same table

    set_last_error(0);
    EXPECT_EQ(api->protocol_register(&kUpper), -1);  // the name is taken
    EXPECT_EQ(last_error(), EEXIST);

    EXPECT_EQ(api->protocol_unregister("upper_test"), 1);
    EXPECT_EQ(api->protocol_unregister("upper_test"), 0);
    EXPECT_EQ(api->protocol_find("upper_test"), nullptr);
    EXPECT_EQ(api->protocol_find(nullptr), nullptr);
}

TEST(ProtocolRegistry, RefusesIncompleteTables) {
    const sw_host_api *api = kernel_host_api();
    sw_server_protocol no_input = kUpper;
    no_input.name = "no_input";
    no_input.input = nullptr;
    sw_server_protocol no_name = kUpper;
    no_name.name = "";
    sw_server_protocol too_small = kUpper;
    too_small.name = "too_small";
    too_small.struct_size = offsetof(sw_server_protocol, input);  // built against a shorter table
    for (const sw_server_protocol *p : {&no_input, &no_name, &too_small}) {
        set_last_error(0);
        EXPECT_EQ(api->protocol_register(p), -1);
        EXPECT_EQ(last_error(), SW_ERROR_INVALID_PARAMS);
    }
    EXPECT_EQ(api->protocol_register(nullptr), -1);
    EXPECT_EQ(find_protocol("no_input"), nullptr);
    EXPECT_EQ(find_protocol("too_small"), nullptr);
}

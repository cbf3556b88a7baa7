#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "base/error.h"
#include "coroutine/coroutine.h"
#include "dns/dns_cache.h"
#include "dns/resolver.h"
#include "reactor/reactor.h"

using namespace swoole::kernel;
using namespace std::chrono_literals;

namespace {

using Body = std::function<void()>;

void run_body(void *arg) { (*static_cast<Body *>(arg))(); }

void run_coroutines(std::initializer_list<Body> bodies) {
    Reactor reactor;
    std::vector<Body> owned(bodies);
    for (Body &b : owned) Coroutine::create(run_body, &b);
    reactor.run();
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// A tiny DNS server on 127.0.0.1 for the tests, served by the loop itself:
// answers A/AAAA queries for "svc.test" (192.0.2.7 / 2001:db8::7), NXDOMAIN
// for any other name, and nothing at all when mute.
class UdpResponder {
  public:
    explicit UdpResponder(bool mute = false) : mute_(mute) {
        fd_ = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        getsockname(fd_, reinterpret_cast<sockaddr *>(&addr), &len);
        port_ = ntohs(addr.sin_port);
    }
    ~UdpResponder() { close(fd_); }

    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
    int queries() const { return queries_; }

    // Registers with the current loop; stop() when done so the loop can end.
    void start() { Reactor::current()->add(fd_, kEventRead, on_readable, this); }
    void stop() { Reactor::current()->remove(fd_); }

  private:
    static void on_readable(int fd, int, void *arg) {
        auto *self = static_cast<UdpResponder *>(arg);
        unsigned char q[512];
        sockaddr_storage peer{};
        socklen_t peer_len = sizeof peer;
        ssize_t n = recvfrom(fd, q, sizeof q, 0, reinterpret_cast<sockaddr *>(&peer), &peer_len);
        if (n < 12) return;
        self->queries_++;
        if (self->mute_) return;
        // The question: labels, then type and class.
        size_t pos = 12;
        std::string name;
        while (pos < size_t(n) && q[pos] != 0) {
            size_t len = q[pos];
            if (!name.empty()) name += '.';
            name.append(reinterpret_cast<char *>(q + pos + 1), len);
            pos += len + 1;
        }
        pos += 1;
        if (pos + 4 > size_t(n)) return;
        int qtype = (q[pos] << 8) | q[pos + 1];
        size_t question_end = pos + 4;

        std::vector<unsigned char> r(q, q + question_end);
        bool known = strcasecmp(name.c_str(), "svc.test") == 0;
        r[2] = 0x81;                     // QR, RD
        r[3] = known ? 0x80 : 0x83;      // RA; NXDOMAIN for unknown names
        r[4] = 0, r[5] = 1;              // one question
        r[6] = 0, r[7] = known ? 1 : 0;  // answers
        r[8] = r[9] = r[10] = r[11] = 0;
        if (known) {
            unsigned char rdata[16];
            int rdlen = qtype == 28 ? 16 : 4;
            if (qtype == 28) inet_pton(AF_INET6, "2001:db8::7", rdata);
            else inet_pton(AF_INET, "192.0.2.7", rdata);
            unsigned char rr[] = {0xc0, 0x0c, 0, (unsigned char)qtype, 0, 1, 0, 0, 0, 60, 0, (unsigned char)rdlen};
            r.insert(r.end(), rr, rr + sizeof rr);
            r.insert(r.end(), rdata, rdata + rdlen);
        }
        sendto(fd, r.data(), r.size(), 0, reinterpret_cast<sockaddr *>(&peer), peer_len);
    }

    int fd_ = -1;
    int port_ = 0;
    bool mute_;
    int queries_ = 0;
};

std::string temp_hosts_file(const std::string &content) {
    char path[] = "/tmp/swoole-dns-hosts-XXXXXX";
    int fd = mkstemp(path);
    ssize_t n = write(fd, content.data(), content.size());
    (void)n;
    close(fd);
    return path;
}

}  // namespace

// ---- the cache ----

TEST(DnsCache, StoresPerFamilyAndNameIgnoringCase) {
    DnsCache cache;
    std::string address;
    EXPECT_FALSE(cache.get(AF_INET, "example.test", address));
    cache.put(AF_INET, "Example.Test", "192.0.2.1");
    cache.put(AF_INET6, "example.test", "2001:db8::1");
    ASSERT_TRUE(cache.get(AF_INET, "example.test", address));
    EXPECT_EQ(address, "192.0.2.1");
    ASSERT_TRUE(cache.get(AF_INET6, "EXAMPLE.test", address));
    EXPECT_EQ(address, "2001:db8::1");
    EXPECT_EQ(cache.size(), 2u);
    cache.clear();
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_FALSE(cache.get(AF_INET, "example.test", address));
}

TEST(DnsCache, EntriesExpire) {
    DnsCache cache;
    cache.set_expire(0.05);
    cache.put(AF_INET, "a.test", "192.0.2.1");
    std::string address;
    EXPECT_TRUE(cache.get(AF_INET, "a.test", address));
    std::this_thread::sleep_for(60ms);
    EXPECT_FALSE(cache.get(AF_INET, "a.test", address));
    EXPECT_EQ(cache.size(), 0u);
}

TEST(DnsCache, CapacityDropsTheLeastRecentlyUsed) {
    DnsCache cache;
    cache.set_capacity(2);
    cache.put(AF_INET, "a.test", "192.0.2.1");
    cache.put(AF_INET, "b.test", "192.0.2.2");
    std::string address;
    EXPECT_TRUE(cache.get(AF_INET, "a.test", address));  // a is now the most recent
    cache.put(AF_INET, "c.test", "192.0.2.3");
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_TRUE(cache.get(AF_INET, "a.test", address));
    EXPECT_FALSE(cache.get(AF_INET, "b.test", address));
    EXPECT_TRUE(cache.get(AF_INET, "c.test", address));
    cache.set_capacity(1);
    EXPECT_EQ(cache.size(), 1u);
}

TEST(DnsCache, ZeroExpireOrCapacityDisablesIt) {
    DnsCache cache;
    cache.set_expire(0);
    cache.put(AF_INET, "a.test", "192.0.2.1");
    EXPECT_EQ(cache.size(), 0u);
    cache.set_expire(60);
    cache.set_capacity(0);
    cache.put(AF_INET, "a.test", "192.0.2.1");
    EXPECT_EQ(cache.size(), 0u);
}

// ---- the system resolver ----

TEST(DnsResolver, GethostbynameOfLocalhostIsCached) {
    DnsCache::instance().clear();
    std::string address;
    bool ok = false;
    run_coroutines({[&] { ok = gethostbyname("localhost", AF_INET, 5, address); }});
    ASSERT_TRUE(ok);
    EXPECT_EQ(address, "127.0.0.1");
    std::string cached;
    EXPECT_TRUE(DnsCache::instance().get(AF_INET, "localhost", cached));
    EXPECT_EQ(cached, "127.0.0.1");
    DnsCache::instance().clear();
}

TEST(DnsResolver, LiteralAddressesNeedNoLookup) {
    std::string v4, v6;
    bool ok4 = false, ok6 = false;
    run_coroutines({[&] {
        ok4 = gethostbyname("10.0.0.1", AF_INET, 1, v4);
        ok6 = gethostbyname("2001:DB8:0::1", AF_INET6, 1, v6);
    }});
    EXPECT_TRUE(ok4);
    EXPECT_EQ(v4, "10.0.0.1");
    EXPECT_TRUE(ok6);
    EXPECT_EQ(v6, "2001:db8::1");
}

TEST(DnsResolver, AddrinfoListsTheAddresses) {
    std::vector<std::string> addresses;
    bool ok = false;
    run_coroutines({[&] {
        AddrInfoRequest request;
        request.host = "localhost";
        request.service = "80";
        ok = resolve_addrinfo(request, 5, addresses);
    }});
    ASSERT_TRUE(ok);
    ASSERT_FALSE(addresses.empty());
    EXPECT_EQ(addresses.front(), "127.0.0.1");
}

TEST(DnsResolver, AnUnknownNameFails) {
    // The machine may have no nameserver at all: failure or timeout, both are
    // failures, and neither may take long.
    bool ok = true;
    int err = 0;
    std::string address;
    auto start = std::chrono::steady_clock::now();
    run_coroutines({[&] {
        ok = gethostbyname("no-such-host.invalid", AF_INET, 0.5, address);
        err = last_error();
    }});
    EXPECT_FALSE(ok);
    EXPECT_TRUE(err == SW_ERROR_DNSLOOKUP_RESOLVE_FAILED || err == SW_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT) << err;
    EXPECT_LT(seconds_since(start), 0.5 + 30);  // an abandoned getaddrinfo ends by itself
}

// ---- evdns ----

TEST(DnsLookup, AsksTheConfiguredNameserver) {
    UdpResponder server;
    DnsLookupOptions options;
    options.nameserver = server.address();
    options.hosts_file.clear();
    std::string v4, v6, missing;
    bool ok4 = false, ok6 = false, ok_missing = true;
    int missing_error = 0;
    run_coroutines({[&] {
        server.start();
        ok4 = dns_lookup("svc.test", AF_INET, 2, options, v4);
        ok6 = dns_lookup("svc.test", AF_INET6, 2, options, v6);
        ok_missing = dns_lookup("other.test", AF_INET, 2, options, missing);
        missing_error = last_error();
        server.stop();
    }});
    EXPECT_TRUE(ok4);
    EXPECT_EQ(v4, "192.0.2.7");
    EXPECT_TRUE(ok6);
    EXPECT_EQ(v6, "2001:db8::7");
    EXPECT_FALSE(ok_missing);
    EXPECT_EQ(missing_error, SW_ERROR_DNSLOOKUP_RESOLVE_FAILED);
    EXPECT_GE(server.queries(), 3);
}

TEST(DnsLookup, TheHostsFileAnswersFirst) {
    UdpResponder server;
    std::string hosts = temp_hosts_file("# test hosts\n10.9.8.7   myhost.test alias.test\n::1 v6only.test\n");
    DnsLookupOptions options;
    options.nameserver = server.address();
    options.hosts_file = hosts;
    std::string a, b, c;
    bool ok_a = false, ok_b = false, ok_c = false;
    run_coroutines({[&] {
        server.start();
        ok_a = dns_lookup("myhost.test", AF_INET, 2, options, a);
        ok_b = dns_lookup("alias.test", AF_INET, 2, options, b);
        ok_c = dns_lookup("v6only.test", AF_INET6, 2, options, c);
        server.stop();
    }});
    unlink(hosts.c_str());
    EXPECT_TRUE(ok_a);
    EXPECT_EQ(a, "10.9.8.7");
    EXPECT_TRUE(ok_b);
    EXPECT_EQ(b, "10.9.8.7");
    EXPECT_TRUE(ok_c);
    EXPECT_EQ(c, "::1");
    EXPECT_EQ(server.queries(), 0);
}

TEST(DnsLookup, ASilentServerTimesOutAndTheLoopEnds) {
    UdpResponder server(true);
    DnsLookupOptions options;
    options.nameserver = server.address();
    options.hosts_file.clear();
    std::string address;
    bool ok = true;
    int err = 0;
    double waited = 0;
    auto start = std::chrono::steady_clock::now();
    run_coroutines({[&] {
        server.start();
        ok = dns_lookup("svc.test", AF_INET, 0.2, options, address);
        err = last_error();
        waited = seconds_since(start);
        server.stop();
    }});
    EXPECT_FALSE(ok);
    EXPECT_EQ(err, SW_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT);
    EXPECT_GE(waited, 0.19);
    EXPECT_LT(seconds_since(start), 2.0);  // nothing of the lookup kept the loop alive
    EXPECT_GE(server.queries(), 1);
}

TEST(DnsLookup, CancelEndsTheLookup) {
    UdpResponder server(true);
    DnsLookupOptions options;
    options.nameserver = server.address();
    options.hosts_file.clear();
    int64_t waiter = -1;
    bool ok = true;
    int err = 0;
    bool canceled = false;
    run_coroutines({
        [&] {
            server.start();
            waiter = Coroutine::current_id();
            std::string address;
            ok = dns_lookup("svc.test", AF_INET, 5, options, address);
            err = last_error();
            server.stop();
        },
        [&] {
            Coroutine::sleep(0.02);
            canceled = Coroutine::cancel(waiter);
        },
    });
    EXPECT_TRUE(canceled);
    EXPECT_FALSE(ok);
    EXPECT_EQ(err, SW_ERROR_CO_CANCELED);
}

TEST(DnsLookup, ABadNameserverAddressIsRefused) {
    DnsLookupOptions options;
    options.nameserver = "not an address";
    std::string address;
    bool ok = true;
    int err = 0;
    run_coroutines({[&] {
        ok = dns_lookup("svc.test", AF_INET, 1, options, address);
        err = last_error();
    }});
    EXPECT_FALSE(ok);
    EXPECT_EQ(err, SW_ERROR_DNSLOOKUP_NO_SERVER);
}

TEST(DnsLookup, OutsideACoroutineIsAnError) {
    Reactor reactor;
    std::string address;
    EXPECT_FALSE(dns_lookup("svc.test", AF_INET, 1, {}, address));
    EXPECT_EQ(last_error(), SW_ERROR_CO_OUT_OF_COROUTINE);
}

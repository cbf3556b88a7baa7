#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/error.h"
#include "reactor/reactor.h"
#include "tls/tls_context.h"
#include "tls/tls_fd.h"
#include "tls/tls_session.h"
#include "tls/tls_stream.h"

using namespace swoole::kernel;
using namespace std::chrono_literals;

namespace {

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool terminal(TlsStatus s) { return s == TlsStatus::done || s == TlsStatus::failed; }

// Moves what `from` wants to send into `to`.
void transfer(TlsSession &from, TlsSession &to) {
    std::string_view out = from.pending_output();
    if (out.empty()) return;
    to.feed(out.data(), out.size());
    from.consume_output(out.size());
}

struct Outcome {
    TlsStatus client;
    TlsStatus server;
};

// Both handshakes, in memory, until each is done or failed (or stalls).
Outcome handshake(TlsSession &client, TlsSession &server) {
    TlsStatus c = TlsStatus::want_input, s = TlsStatus::want_input;
    for (int i = 0; i < 50 && !(terminal(c) && terminal(s)); ++i) {
        if (!terminal(c)) c = client.handshake();
        transfer(client, server);
        if (!terminal(s)) s = server.handshake();
        transfer(server, client);
    }
    return {c, s};
}

// Every plaintext byte the session can give from what it was fed.
std::string drain(TlsSession &session, TlsStatus *last = nullptr) {
    std::string got;
    char buf[4096];
    for (;;) {
        TlsResult r = session.read(buf, sizeof buf);
        if (r.status == TlsStatus::done) {
            got.append(buf, r.bytes);
            continue;
        }
        if (last != nullptr) *last = r.status;
        return got;
    }
}

void send_all(TlsSession &from, TlsSession &to, std::string_view data) {
    size_t off = 0;
    while (off < data.size()) {
        TlsResult r = from.write(data.data() + off, data.size() - off);
        ASSERT_TRUE(r.status == TlsStatus::done || r.status == TlsStatus::want_flush) << from.error_message();
        off += r.bytes;
        transfer(from, to);
    }
}

class TlsTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        char tmpl[] = "/tmp/swoole-tls-XXXXXX";
        if (mkdtemp(tmpl) == nullptr) return;
        dir_ = tmpl;
        // A CA, a "localhost" server and a client certificate signed by it, a
        // self-signed "localhost" certificate, the server key encrypted.
        const char *script = R"(set -e
printf '[req]\ndistinguished_name=dn\n[dn]\n' > req.cnf
EC="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
openssl req -config req.cnf -x509 $EC -keyout ca.key -out ca.crt -days 2 -subj '/CN=Swoole Test CA' \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
openssl req -config req.cnf -new $EC -keyout server.key -out server.csr -subj '/CN=localhost'
printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n' > server.ext
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >> server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -set_serial 2 -days 2 -extfile server.ext -out server.crt
openssl req -config req.cnf -new $EC -keyout client.key -out client.csr -subj '/CN=test client'
printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n' > client.ext
openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -set_serial 3 -days 2 -extfile client.ext -out client.crt
openssl req -config req.cnf -x509 $EC -keyout self.key -out self.crt -days 2 -subj '/CN=localhost' \
  -addext subjectAltName=DNS:localhost -addext basicConstraints=critical,CA:FALSE
openssl pkey -in server.key -out server.enc.key -aes128 -passout pass:secret
)";
        std::ofstream(dir_ + "/make.sh") << script;
        std::string command = "cd " + dir_ + " && sh make.sh >make.log 2>&1";
        ready_ = std::system(command.c_str()) == 0;
    }

    static void TearDownTestSuite() {
        if (!dir_.empty()) std::system(("rm -rf " + dir_).c_str());
        dir_.clear();
    }

    void SetUp() override { ASSERT_TRUE(ready_) << "certificate generation failed, see " << dir_ << "/make.log"; }

    static std::string path(const char *name) { return dir_ + "/" + name; }

    static std::shared_ptr<TlsContext> make(const TlsOptions &options) {
        std::string error;
        auto context = TlsContext::create(options, error);
        EXPECT_NE(context, nullptr) << error;
        return context;
    }

    static TlsOptions server_options(const char *cert = "server.crt", const char *key = "server.key") {
        TlsOptions o;
        o.server = true;
        o.cert_file = path(cert);
        o.key_file = path(key);
        return o;
    }

    static TlsOptions verifying_client() {
        TlsOptions o;
        o.verify_peer = true;
        o.cafile = path("ca.crt");
        return o;
    }

    static inline std::string dir_;
    static inline bool ready_ = false;
};

TEST_F(TlsTest, HandshakeAndDataBothWays) {
    auto server_ctx = make(server_options());
    auto client_ctx = make(verifying_client());
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client(client_ctx, "localhost");
    TlsSession server(server_ctx);
    EXPECT_FALSE(client.is_server());
    EXPECT_TRUE(server.is_server());

    Outcome o = handshake(client, server);
    ASSERT_EQ(o.client, TlsStatus::done) << client.error_message();
    ASSERT_EQ(o.server, TlsStatus::done) << server.error_message();
    EXPECT_TRUE(client.handshake_done());
    EXPECT_EQ(client.protocol_version(), "TLSv1.3");
    EXPECT_EQ(server.protocol_version(), "TLSv1.3");
    EXPECT_FALSE(client.cipher().empty());
    EXPECT_EQ(client.cipher(), server.cipher());
    EXPECT_EQ(client.verify(false), 0);
    EXPECT_EQ(client.verify_result(), 0);
    EXPECT_EQ(server.server_name(), "localhost");  // SNI
    EXPECT_EQ(client.peer_certificate_pem(), read_file(path("server.crt")));
    EXPECT_TRUE(server.peer_certificate_pem().empty());  // no client certificate asked for
    EXPECT_EQ(client.alpn(), "");

    send_all(client, server, "hello from the client");
    EXPECT_EQ(drain(server), "hello from the client");
    send_all(server, client, "hello from the server");
    EXPECT_EQ(drain(client), "hello from the server");
    // Once more each way, after the session tickets went by.
    send_all(client, server, "ping");
    EXPECT_EQ(drain(server), "ping");
    send_all(server, client, "pong");
    EXPECT_EQ(drain(client), "pong");
}

TEST_F(TlsTest, LargeDataWithBoundedOutputAndSmallReads) {
    auto server_ctx = make(server_options());
    auto client_ctx = make(TlsOptions{});
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client(client_ctx, "localhost");
    TlsSession server(server_ctx);
    Outcome o = handshake(client, server);
    ASSERT_EQ(o.client, TlsStatus::done);
    ASSERT_EQ(o.server, TlsStatus::done);

    std::string data(5 * 1024 * 1024 + 123, '\0');
    std::mt19937 rng(42);
    for (char &c : data) c = char(rng());

    // Client to server: the output never grows past its bound plus a record;
    // a write into a full output takes nothing (want_flush).
    std::string received;
    size_t off = 0;
    bool saw_want_flush = false;
    char small[1000];  // smaller than a record: OpenSSL keeps the rest
    while (off < data.size()) {
        TlsResult r = client.write(data.data() + off, data.size() - off);
        ASSERT_NE(r.status, TlsStatus::failed) << client.error_message();
        ASSERT_LE(client.pending_output().size(), TlsSession::kOutputBound + 17 * 1024);
        off += r.bytes;
        TlsResult again = client.write(data.data() + off, data.size() - off);
        if (off < data.size() && again.status == TlsStatus::want_flush) saw_want_flush = true;
        off += again.bytes;
        transfer(client, server);
        for (;;) {
            TlsResult rr = server.read(small, sizeof small);
            if (rr.status != TlsStatus::done) {
                ASSERT_EQ(rr.status, TlsStatus::want_input);
                break;
            }
            received.append(small, rr.bytes);
        }
    }
    EXPECT_TRUE(saw_want_flush);
    EXPECT_EQ(received.size(), data.size());
    EXPECT_TRUE(received == data);

    // Server to client, read in one large buffer.
    std::string back = data.substr(0, 2 * 1024 * 1024);
    std::string got;
    std::vector<char> big(1024 * 1024);
    off = 0;
    while (off < back.size()) {
        TlsResult r = server.write(back.data() + off, back.size() - off);
        ASSERT_NE(r.status, TlsStatus::failed);
        off += r.bytes;
        transfer(server, client);
        TlsResult rr = client.read(big.data(), big.size());
        if (rr.status == TlsStatus::done) got.append(big.data(), rr.bytes);
    }
    got += drain(client);
    EXPECT_TRUE(got == back);
}

TEST_F(TlsTest, InputFedStraightIntoTheSessionAndByteByByte) {
    auto server_ctx = make(server_options());
    auto client_ctx = make(verifying_client());
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client(client_ctx, "localhost");
    TlsSession server(server_ctx);
    // Every byte of the handshake arrives alone, through input_space().
    TlsStatus c = TlsStatus::want_input, s = TlsStatus::want_input;
    for (int round = 0; round < 50 && !(c == TlsStatus::done && s == TlsStatus::done); ++round) {
        if (c != TlsStatus::done) c = client.handshake();
        ASSERT_NE(c, TlsStatus::failed) << client.error_message();
        while (!client.pending_output().empty()) {
            std::span<char> space = server.input_space(1);
            ASSERT_GE(space.size(), 1u);
            space[0] = client.pending_output()[0];
            server.commit_input(1);
            client.consume_output(1);
            if (s != TlsStatus::done) s = server.handshake();
            ASSERT_NE(s, TlsStatus::failed) << server.error_message();
        }
        if (s != TlsStatus::done) s = server.handshake();
        while (!server.pending_output().empty()) {
            client.feed(server.pending_output().data(), 1);
            server.consume_output(1);
            if (c != TlsStatus::done) c = client.handshake();
            ASSERT_NE(c, TlsStatus::failed) << client.error_message();
        }
    }
    ASSERT_EQ(c, TlsStatus::done);
    ASSERT_EQ(s, TlsStatus::done);
    TlsResult w = client.write("abc", 3);
    ASSERT_EQ(w.status, TlsStatus::done);
    EXPECT_EQ(w.bytes, 3u);
    transfer(client, server);
    EXPECT_EQ(drain(server), "abc");
}

TEST_F(TlsTest, CloseNotifyBothWays) {
    auto server_ctx = make(server_options());
    auto client_ctx = make(TlsOptions{});
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client(client_ctx, "localhost");
    TlsSession server(server_ctx);
    Outcome o = handshake(client, server);
    ASSERT_EQ(o.server, TlsStatus::done);

    send_all(client, server, "last words");
    EXPECT_EQ(client.shutdown(), TlsStatus::done);
    EXPECT_EQ(client.shutdown(), TlsStatus::done);  // once only
    transfer(client, server);
    TlsStatus last;
    EXPECT_EQ(drain(server, &last), "last words");  // the data before the close
    EXPECT_EQ(last, TlsStatus::closed);
    EXPECT_TRUE(server.close_notify_received());
    char buf[16];
    EXPECT_EQ(server.read(buf, sizeof buf).status, TlsStatus::closed);  // and stays closed

    EXPECT_EQ(server.shutdown(), TlsStatus::done);
    transfer(server, client);
    EXPECT_EQ(drain(client, &last), "");
    EXPECT_EQ(last, TlsStatus::closed);
    EXPECT_TRUE(client.close_notify_received());
    EXPECT_FALSE(client.failed());
}

TEST_F(TlsTest, StreamEndWithoutCloseNotifyIsAClose) {
    auto server_ctx = make(server_options());
    auto client_ctx = make(TlsOptions{});
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client(client_ctx, "localhost");
    TlsSession server(server_ctx);
    ASSERT_EQ(handshake(client, server).server, TlsStatus::done);
    send_all(client, server, "data");
    server.feed_eof();
    TlsStatus last;
    EXPECT_EQ(drain(server, &last), "data");
    EXPECT_EQ(last, TlsStatus::closed);
    EXPECT_FALSE(server.close_notify_received());
    EXPECT_FALSE(server.failed());
    EXPECT_EQ(server.shutdown(), TlsStatus::done);  // nothing to send to
}

TEST_F(TlsTest, PeerGoneDuringHandshake) {
    auto client_ctx = make(TlsOptions{});
    ASSERT_TRUE(client_ctx);
    TlsSession client(client_ctx, "localhost");
    EXPECT_EQ(client.handshake(), TlsStatus::want_input);
    EXPECT_FALSE(client.pending_output().empty());  // the ClientHello
    client.feed_eof();
    EXPECT_EQ(client.handshake(), TlsStatus::failed);
    EXPECT_EQ(client.error_code(), SW_ERROR_SSL_HANDSHAKE_FAILED);
    EXPECT_NE(client.error_message().find("closed"), std::string::npos) << client.error_message();
}

TEST_F(TlsTest, GarbageFromThePeerFailsTheHandshake) {
    auto server_ctx = make(server_options());
    ASSERT_TRUE(server_ctx);
    TlsSession server(server_ctx);
    const char request[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    server.feed(request, sizeof request - 1);
    EXPECT_EQ(server.handshake(), TlsStatus::failed);
    EXPECT_EQ(server.error_code(), SW_ERROR_SSL_HANDSHAKE_FAILED);
    EXPECT_NE(server.error_message().find("SSL handshake failed: "), std::string::npos) << server.error_message();
    EXPECT_EQ(server.handshake(), TlsStatus::failed);  // stays failed
}

TEST_F(TlsTest, ReadAndWriteBeforeTheHandshakeAreNotReady) {
    auto client_ctx = make(TlsOptions{});
    ASSERT_TRUE(client_ctx);
    TlsSession client(client_ctx);
    char buf[8];
    EXPECT_EQ(client.read(buf, sizeof buf).status, TlsStatus::failed);
    EXPECT_EQ(client.error_code(), SW_ERROR_SSL_NOT_READY);
    EXPECT_EQ(client.write("x", 1).status, TlsStatus::failed);
    EXPECT_EQ(client.error_code(), SW_ERROR_SSL_NOT_READY);
    EXPECT_FALSE(client.failed());  // a misuse, the session still works
    EXPECT_EQ(client.verify(true), SW_ERROR_SSL_NOT_READY);
    EXPECT_EQ(client.shutdown(), TlsStatus::done);
    EXPECT_EQ(client.handshake(), TlsStatus::want_input);
}

TEST_F(TlsTest, WrongHostNameIsRefused) {
    auto server_ctx = make(server_options());
    auto client_ctx = make(verifying_client());
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client(client_ctx, "www.example.com");
    TlsSession server(server_ctx);
    Outcome o = handshake(client, server);
    EXPECT_EQ(o.client, TlsStatus::failed);
    EXPECT_EQ(client.error_code(), SW_ERROR_SSL_VERIFY_FAILED);
    EXPECT_NE(client.error_message().find("hostname mismatch"), std::string::npos) << client.error_message();
    // The client told the server with an alert.
    EXPECT_EQ(o.server, TlsStatus::failed);
    EXPECT_EQ(server.error_code(), SW_ERROR_SSL_HANDSHAKE_FAILED);
    EXPECT_NE(server.error_message().find("alert"), std::string::npos) << server.error_message();
}

TEST_F(TlsTest, IpAddressMatchesTheCertificatesAddress) {
    auto server_ctx = make(server_options());
    auto client_ctx = make(verifying_client());
    ASSERT_TRUE(server_ctx && client_ctx);
    {
        TlsSession client(client_ctx, "127.0.0.1");
        TlsSession server(server_ctx);
        Outcome o = handshake(client, server);
        EXPECT_EQ(o.client, TlsStatus::done) << client.error_message();
        EXPECT_EQ(server.server_name(), "");  // no SNI for an address
    }
    {
        TlsSession client(client_ctx, "127.0.0.2");
        TlsSession server(server_ctx);
        EXPECT_EQ(handshake(client, server).client, TlsStatus::failed);
        EXPECT_EQ(client.error_code(), SW_ERROR_SSL_VERIFY_FAILED);
        EXPECT_NE(client.error_message().find("IP address mismatch"), std::string::npos) << client.error_message();
    }
}

TEST_F(TlsTest, WithoutVerifyPeerTheHandshakePassesAndVerifyJudgesLater) {
    auto server_ctx = make(server_options());
    TlsOptions co;
    co.cafile = path("ca.crt");  // trust, but no verify_peer
    auto client_ctx = make(co);
    ASSERT_TRUE(server_ctx && client_ctx);
    {
        TlsSession client(client_ctx, "wrong.example");
        TlsSession server(server_ctx);
        ASSERT_EQ(handshake(client, server).client, TlsStatus::done) << client.error_message();
        std::string why;
        EXPECT_EQ(client.verify(true, &why), SW_ERROR_SSL_VERIFY_FAILED);
        EXPECT_NE(why.find("hostname mismatch"), std::string::npos) << why;
        EXPECT_NE(client.verify_result(), 0);
    }
    {
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        ASSERT_EQ(handshake(client, server).client, TlsStatus::done);
        EXPECT_EQ(client.verify(false), 0);
    }
    {
        TlsSession client(client_ctx);  // no host name: no SNI, no name check
        TlsSession server(server_ctx);
        ASSERT_EQ(handshake(client, server).client, TlsStatus::done);
        EXPECT_EQ(server.server_name(), "");
        EXPECT_EQ(client.verify(false), 0);
    }
}

TEST_F(TlsTest, SelfSignedRefusedUnlessAllowed) {
    auto server_ctx = make(server_options("self.crt", "self.key"));
    ASSERT_TRUE(server_ctx);
    {
        auto client_ctx = make(verifying_client());
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        Outcome o = handshake(client, server);
        EXPECT_EQ(o.client, TlsStatus::failed);
        EXPECT_EQ(client.error_code(), SW_ERROR_SSL_VERIFY_FAILED);
        EXPECT_NE(client.error_message().find("self"), std::string::npos) << client.error_message();
    }
    {
        TlsOptions co = verifying_client();
        co.allow_self_signed = true;
        auto client_ctx = make(co);
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        Outcome o = handshake(client, server);
        EXPECT_EQ(o.client, TlsStatus::done) << client.error_message();
        EXPECT_EQ(o.server, TlsStatus::done);
        EXPECT_EQ(client.verify(true), 0);
        EXPECT_EQ(client.verify(false), SW_ERROR_SSL_VERIFY_FAILED);  // verifyPeerCert(false)
        EXPECT_EQ(client.peer_certificate_pem(), read_file(path("self.crt")));
    }
    {
        // Allowed self-signed still has to carry the right name.
        TlsOptions co = verifying_client();
        co.allow_self_signed = true;
        auto client_ctx = make(co);
        TlsSession client(client_ctx, "other.example");
        TlsSession server(server_ctx);
        EXPECT_EQ(handshake(client, server).client, TlsStatus::failed);
        EXPECT_EQ(client.error_code(), SW_ERROR_SSL_VERIFY_FAILED);
    }
    {
        // Not verifying: anything goes.
        auto client_ctx = make(TlsOptions{});
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        EXPECT_EQ(handshake(client, server).client, TlsStatus::done);
    }
}

TEST_F(TlsTest, UnknownCaIsRefused) {
    auto server_ctx = make(server_options());
    TlsOptions co;
    co.verify_peer = true;  // the system's CAs, which do not know our test CA
    auto client_ctx = make(co);
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client(client_ctx, "localhost");
    TlsSession server(server_ctx);
    EXPECT_EQ(handshake(client, server).client, TlsStatus::failed);
    EXPECT_EQ(client.error_code(), SW_ERROR_SSL_VERIFY_FAILED);
    EXPECT_NE(client.error_message().find("local issuer"), std::string::npos) << client.error_message();
}

TEST_F(TlsTest, VerifyDepthLimitsTheChain) {
    auto server_ctx = make(server_options());
    TlsOptions co = verifying_client();
    co.verify_depth = 1;  // leaf + CA: fits
    auto ok_ctx = make(co);
    ASSERT_TRUE(server_ctx && ok_ctx);
    TlsSession client(ok_ctx, "localhost");
    TlsSession server(server_ctx);
    EXPECT_EQ(handshake(client, server).client, TlsStatus::done) << client.error_message();
}

TEST_F(TlsTest, ProtocolRestriction) {
    {
        TlsOptions so = server_options();
        so.protocols = kTlsV1_2;
        TlsOptions co;
        co.protocols = kTlsV1_3;
        auto server_ctx = make(so);
        auto client_ctx = make(co);
        ASSERT_TRUE(server_ctx && client_ctx);
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        Outcome o = handshake(client, server);
        EXPECT_EQ(o.client, TlsStatus::failed);
        EXPECT_EQ(o.server, TlsStatus::failed);
        EXPECT_EQ(client.error_code(), SW_ERROR_SSL_HANDSHAKE_FAILED);
        EXPECT_EQ(server.error_code(), SW_ERROR_SSL_HANDSHAKE_FAILED);
        EXPECT_NE(server.error_message().find("protocol"), std::string::npos) << server.error_message();
    }
    {
        TlsOptions co;
        co.protocols = kTlsV1_2;
        co.ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256";
        auto server_ctx = make(server_options());
        auto client_ctx = make(co);
        ASSERT_TRUE(server_ctx && client_ctx);
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        Outcome o = handshake(client, server);
        ASSERT_EQ(o.client, TlsStatus::done) << client.error_message();
        EXPECT_EQ(client.protocol_version(), "TLSv1.2");
        EXPECT_EQ(server.protocol_version(), "TLSv1.2");
        EXPECT_EQ(client.cipher(), "ECDHE-ECDSA-AES128-GCM-SHA256");
        send_all(client, server, "over 1.2");
        EXPECT_EQ(drain(server), "over 1.2");
        EXPECT_EQ(server.shutdown(), TlsStatus::done);
        transfer(server, client);
        TlsStatus last;
        drain(client, &last);
        EXPECT_EQ(last, TlsStatus::closed);
    }
    {
        // A range with a hole (TLSv1 | TLSv1_2) and TLSv1_3 on the other side: no common version.
        TlsOptions so = server_options();
        so.protocols = kTlsV1_3;
        TlsOptions co;
        co.protocols = kTlsV1 | kTlsV1_2;
        auto server_ctx = make(so);
        auto client_ctx = make(co);
        ASSERT_TRUE(server_ctx && client_ctx);
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        EXPECT_EQ(handshake(client, server).client, TlsStatus::failed);
    }
}

TEST_F(TlsTest, AlpnNegotiation) {
    TlsOptions so = server_options();
    so.alpn = {"h2", "http/1.1"};
    auto server_ctx = make(so);
    ASSERT_TRUE(server_ctx);
    struct Case {
        std::vector<std::string> offered;
        const char *expected;
    } cases[] = {
        {{"http/1.1", "h2"}, "h2"},  // the server's preference wins
        {{"http/1.1"}, "http/1.1"},
        {{"spdy/3"}, ""},  // nothing in common: no ALPN, handshake goes on
        {{}, ""},
    };
    for (const Case &c : cases) {
        TlsOptions co;
        co.alpn = c.offered;
        auto client_ctx = make(co);
        ASSERT_TRUE(client_ctx);
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        Outcome o = handshake(client, server);
        ASSERT_EQ(o.client, TlsStatus::done) << client.error_message();
        ASSERT_EQ(o.server, TlsStatus::done) << server.error_message();
        EXPECT_EQ(client.alpn(), c.expected);
        EXPECT_EQ(server.alpn(), c.expected);
    }
}

TEST_F(TlsTest, ClientCertificates) {
    TlsOptions so = server_options();
    so.verify_peer = true;
    so.cafile = path("ca.crt");
    auto server_ctx = make(so);
    ASSERT_TRUE(server_ctx);
    {
        TlsOptions co = verifying_client();
        co.cert_file = path("client.crt");
        co.key_file = path("client.key");
        auto client_ctx = make(co);
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        Outcome o = handshake(client, server);
        ASSERT_EQ(o.client, TlsStatus::done) << client.error_message();
        ASSERT_EQ(o.server, TlsStatus::done) << server.error_message();
        EXPECT_EQ(server.peer_certificate_pem(), read_file(path("client.crt")));
        EXPECT_EQ(server.verify(false), 0);
    }
    {
        // No client certificate: the server refuses it; in TLS 1.3 the client
        // learns it on its first read.
        auto client_ctx = make(verifying_client());
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        Outcome o = handshake(client, server);
        EXPECT_EQ(o.server, TlsStatus::failed);
        EXPECT_EQ(server.error_code(), SW_ERROR_SSL_EMPTY_PEER_CERTIFICATE);
        char buf[16];
        TlsResult r = client.read(buf, sizeof buf);
        EXPECT_EQ(r.status, TlsStatus::failed);
        EXPECT_EQ(client.error_code(), SW_ERROR_SSL_BAD_PROTOCOL);
        EXPECT_NE(client.error_message().find("certificate required"), std::string::npos) << client.error_message();
    }
    {
        // A self-signed client certificate is not from the CA.
        TlsOptions co;
        co.cert_file = path("self.crt");
        co.key_file = path("self.key");
        auto client_ctx = make(co);
        TlsSession client(client_ctx, "localhost");
        TlsSession server(server_ctx);
        Outcome o = handshake(client, server);
        EXPECT_EQ(o.server, TlsStatus::failed);
        EXPECT_EQ(server.error_code(), SW_ERROR_SSL_VERIFY_FAILED);
    }
}

TEST_F(TlsTest, ContextErrorsAreText) {
    std::string error;
    TlsOptions o = server_options();
    o.cert_file = path("missing.crt");
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    EXPECT_NE(error.find("missing.crt"), std::string::npos) << error;

    o = server_options();
    o.key_file.clear();
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    EXPECT_NE(error.find("without ssl_key_file"), std::string::npos) << error;

    o = TlsOptions{};
    o.server = true;
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    EXPECT_NE(error.find("ssl_cert_file"), std::string::npos) << error;

    o = server_options("server.crt", "self.key");
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    EXPECT_NE(error.find("does not match"), std::string::npos) << error;

    o = server_options("server.crt", "server.enc.key");  // encrypted, no passphrase: never prompts
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    EXPECT_NE(error.find("server.enc.key"), std::string::npos) << error;
    o.passphrase = "wrong";
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    o.passphrase = "secret";
    EXPECT_NE(TlsContext::create(o, error), nullptr) << error;

    o = TlsOptions{};
    o.ciphers = "NO-SUCH-CIPHER";
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    EXPECT_NE(error.find("NO-SUCH-CIPHER"), std::string::npos) << error;

    o = TlsOptions{};
    o.ecdh_curve = "no-such-curve";
    EXPECT_EQ(TlsContext::create(o, error), nullptr);

    o = TlsOptions{};
    o.protocols = kTlsSslV3 | kTlsDtls;
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    EXPECT_NE(error.find("ssl_protocols"), std::string::npos) << error;

    o = TlsOptions{};
    o.cafile = path("missing-ca.crt");
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    EXPECT_NE(error.find("missing-ca.crt"), std::string::npos) << error;

    o = server_options();
    o.verify_peer = true;  // no CA for the clients
    EXPECT_EQ(TlsContext::create(o, error), nullptr);
    EXPECT_NE(error.find("ssl_client_cert_file"), std::string::npos) << error;

    o = TlsOptions{};
    o.alpn = {""};
    EXPECT_EQ(TlsContext::create(o, error), nullptr);

    o = TlsOptions{};
    o.capath = dir_;
    o.ecdh_curve = "prime256v1";
    EXPECT_NE(TlsContext::create(o, error), nullptr) << error;
}

TEST_F(TlsTest, SessionsOutliveTheirContextHandle) {
    auto server_ctx = make(server_options());
    auto client_ctx = make(TlsOptions{});
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client(client_ctx, "localhost");
    TlsSession server(server_ctx);
    server_ctx.reset();
    client_ctx.reset();
    EXPECT_EQ(handshake(client, server).server, TlsStatus::done);
}

// ---- TlsFdIo: the recv/send-shaped adapter over non-blocking fds

// Waits (at most 5 s) for what an EAGAIN asked for.
void wait_for(int fd, int want_events) {
    pollfd p{fd, short(((want_events & kEventRead) ? POLLIN : 0) | ((want_events & kEventWrite) ? POLLOUT : 0)), 0};
    poll(&p, 1, 5000);
}

TEST_F(TlsTest, FdIoOverANonBlockingSocketPair) {
    int sv[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv), 0);
    int small = 4096;  // small kernel buffers: EAGAIN on both sides, often
    for (int fd : sv) {
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    }
    auto server_ctx = make(server_options());
    auto client_ctx = make(verifying_client());
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client_session(client_ctx, "localhost");
    TlsSession server_session(server_ctx);
    TlsFdIo client(client_session), server(server_session);

    // Both ends in one thread, taking turns.
    ssize_t c = -1, s = -1;
    for (int i = 0; i < 1000 && (c != 0 || s != 0); ++i) {
        if (c != 0) {
            c = client.handshake(sv[0]);
            ASSERT_TRUE(c == 0 || errno == EAGAIN) << client_session.error_message();
            if (c != 0) {
                EXPECT_NE(client.want_events(), 0);
            }
        }
        if (s != 0) {
            s = server.handshake(sv[1]);
            ASSERT_TRUE(s == 0 || errno == EAGAIN) << server_session.error_message();
        }
    }
    ASSERT_EQ(c, 0);
    ASSERT_EQ(s, 0);

    std::string data(3 * 1024 * 1024, '\0');
    std::mt19937 rng(7);
    for (char &ch : data) ch = char(rng());
    std::string got;
    size_t off = 0;
    bool client_waited = false, server_waited = false;
    char buf[3000];
    for (int i = 0; got.size() < data.size() && i < 1000000; ++i) {
        if (off < data.size()) {
            // After EAGAIN the same remaining data is given again.
            ssize_t n = client.write(sv[0], data.data() + off, std::min<size_t>(data.size() - off, 100000));
            if (n > 0) {
                off += size_t(n);
            } else {
                ASSERT_EQ(errno, EAGAIN) << client_session.error_message();
                EXPECT_EQ(client.want_events(), kEventWrite);
                client_waited = true;
            }
        }
        ssize_t n = server.read(sv[1], buf, sizeof buf);
        if (n > 0) {
            got.append(buf, size_t(n));
        } else {
            ASSERT_EQ(n, -1);
            ASSERT_EQ(errno, EAGAIN);
            EXPECT_EQ(server.want_events(), kEventRead);
            server_waited = true;
        }
    }
    EXPECT_TRUE(client_waited);
    EXPECT_TRUE(server_waited);
    EXPECT_EQ(off, data.size());
    EXPECT_TRUE(got == data);

    // A read smaller than the record: the rest is pending(), readable without the fd.
    std::string reply(10000, 'r');
    size_t sent = 0;
    while (sent < reply.size()) {
        ssize_t n = server.write(sv[1], reply.data() + sent, reply.size() - sent);
        if (n > 0) sent += size_t(n);
        else ASSERT_EQ(errno, EAGAIN);
        char tmp[100];
        n = client.read(sv[0], tmp, sizeof tmp);
        if (n > 0) {
            EXPECT_GT(client.pending(), 0u);
            got.assign(tmp, size_t(n));
            break;
        }
    }
    ASSERT_FALSE(got.empty());
    while (got.size() < reply.size()) {
        ssize_t n = client.read(sv[0], buf, sizeof buf);
        if (n > 0) {
            got.append(buf, size_t(n));
        } else {
            ASSERT_EQ(errno, EAGAIN);
            ssize_t w = server.write(sv[1], reply.data() + sent, reply.size() - sent);  // flushes what is owed
            if (w > 0) sent += size_t(w);
        }
    }
    EXPECT_EQ(got, reply);

    // close_notify: the client's read returns 0.
    ssize_t r = -1;
    for (int i = 0; i < 100 && r != 0; ++i) r = server.shutdown(sv[1]);
    ASSERT_EQ(r, 0);
    for (int i = 0; i < 100; ++i) {
        r = client.read(sv[0], buf, sizeof buf);
        if (r != -1 || errno != EAGAIN) break;
    }
    EXPECT_EQ(r, 0);
    EXPECT_TRUE(client_session.close_notify_received());
    close(sv[0]);
    close(sv[1]);
}

// Full duplex: a client whose sending is blocked (the server does not read)
// still reads what the server sends.
TEST_F(TlsTest, FdIoReadIsNotBlockedByOwedOutput) {
    int sv[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv), 0);
    auto server_ctx = make(server_options());
    auto client_ctx = make(TlsOptions{});
    ASSERT_TRUE(server_ctx && client_ctx);
    TlsSession client_session(client_ctx, "localhost");
    TlsSession server_session(server_ctx);
    TlsFdIo client(client_session), server(server_session);
    ssize_t c = -1, s = -1;
    for (int i = 0; i < 1000 && (c != 0 || s != 0); ++i) {
        if (c != 0) c = client.handshake(sv[0]);
        if (s != 0) s = server.handshake(sv[1]);
    }
    ASSERT_EQ(c, 0);
    ASSERT_EQ(s, 0);
    char buf[256];
    while (server.read(sv[1], buf, sizeof buf) > 0) {  // the session tickets
    }
    while (client.read(sv[0], buf, sizeof buf) > 0) {
    }

    std::string big(4 * 1024 * 1024, 'b');
    ssize_t n;
    while ((n = client.write(sv[0], big.data(), big.size())) > 0) {
    }
    ASSERT_EQ(errno, EAGAIN);
    ASSERT_FALSE(client_session.pending_output().empty());

    ASSERT_EQ(server.write(sv[1], "hello", 5), 5);
    n = client.read(sv[0], buf, sizeof buf);
    ASSERT_EQ(n, 5) << errno;
    EXPECT_EQ(std::string(buf, 5), "hello");
    n = client.read(sv[0], buf, sizeof buf);
    EXPECT_EQ(n, -1);
    EXPECT_EQ(errno, EAGAIN);
    EXPECT_EQ(client.want_events(), kEventRead | kEventWrite);
    close(sv[0]);
    close(sv[1]);
}

TEST_F(TlsTest, FdIoReportsTlsFailuresInErrno) {
    int sv[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv), 0);
    auto server_ctx = make(server_options());
    ASSERT_TRUE(server_ctx);
    TlsSession session(server_ctx);
    TlsFdIo server(session);
    EXPECT_EQ(server.handshake(sv[1]), -1);
    EXPECT_EQ(errno, EAGAIN);
    EXPECT_EQ(server.want_events(), kEventRead);
    const char garbage[] = "SSH-2.0-OpenSSH_9.2\r\n";
    ASSERT_EQ(send(sv[0], garbage, sizeof garbage - 1, 0), ssize_t(sizeof garbage - 1));
    set_last_error(0);
    EXPECT_EQ(server.handshake(sv[1]), -1);
    EXPECT_EQ(errno, SW_ERROR_SSL_HANDSHAKE_FAILED);
    EXPECT_EQ(last_error(), SW_ERROR_SSL_HANDSHAKE_FAILED);
    EXPECT_NE(session.error_message().find("wrong version number"), std::string::npos) << session.error_message();
    EXPECT_EQ(server.handshake(sv[1]), -1);  // stays failed
    EXPECT_EQ(errno, SW_ERROR_SSL_HANDSHAKE_FAILED);
    // A peer that hangs up mid-handshake.
    TlsSession session2(server_ctx);
    TlsFdIo server2(session2);
    close(sv[0]);
    EXPECT_EQ(server2.handshake(sv[1]), -1);
    EXPECT_EQ(errno, SW_ERROR_SSL_HANDSHAKE_FAILED);
    close(sv[1]);
}

// ---- against a real peer: openssl s_server over loopback TCP

int free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

int connect_to(int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(uint16_t(port));
    if (connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    timeval tv{5, 0};  // a hung peer fails the test instead of hanging it
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

ssize_t fd_read_some(void *ctx, char *buf, size_t len) {
    ssize_t n = recv(*static_cast<int *>(ctx), buf, len, 0);
    if (n < 0) set_last_error(errno);
    return n;
}

bool fd_write_all(void *ctx, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = send(*static_cast<int *>(ctx), buf, len, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            set_last_error(errno);
            return false;
        }
        buf += n;
        len -= size_t(n);
    }
    return true;
}

class OpensslServer {
  public:
    OpensslServer(const std::vector<std::string> &args, const std::string &log) {
        port_ = free_port();
        int in[2];
        if (pipe2(in, O_CLOEXEC) != 0) return;
        pid_ = fork();
        if (pid_ == 0) {
            dup2(in[0], 0);
            int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(out, 1);
            dup2(out, 2);
            std::vector<std::string> all = {"openssl", "s_server", "-accept", "127.0.0.1:" + std::to_string(port_)};
            all.insert(all.end(), args.begin(), args.end());
            std::vector<char *> argv;
            for (std::string &a : all) argv.push_back(a.data());
            argv.push_back(nullptr);
            execvp("openssl", argv.data());
            _exit(127);
        }
        close(in[0]);
        stdin_ = in[1];  // kept open: s_server stays up until killed
    }
    ~OpensslServer() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
        if (stdin_ >= 0) close(stdin_);
    }
    // A connected socket once the server listens (within 10 s), else -1.
    int connect() const {
        for (int i = 0; i < 500; ++i) {
            int fd = connect_to(port_);
            if (fd >= 0) return fd;
            std::this_thread::sleep_for(20ms);
        }
        return -1;
    }

  private:
    pid_t pid_ = -1;
    int port_ = 0;
    int stdin_ = -1;
};

TEST_F(TlsTest, RealPeerOpensslServer) {
    OpensslServer peer({"-cert", path("server.crt"), "-key", path("server.key"), "-www", "-alpn", "http/1.1"},
                       path("s_server.log"));

    // A verified connection: handshake, request, reply, the server's close.
    {
        TlsOptions co = verifying_client();
        co.alpn = {"h2", "http/1.1"};
        auto ctx = make(co);
        ASSERT_TRUE(ctx);
        int fd = peer.connect();
        ASSERT_GE(fd, 0) << read_file(path("s_server.log"));
        TlsTransport transport{&fd, fd_read_some, fd_write_all};
        TlsSession session(ctx, "localhost");
        ASSERT_TRUE(tls_handshake(session, transport)) << session.error_message();
        EXPECT_EQ(session.protocol_version(), "TLSv1.3");
        EXPECT_EQ(session.alpn(), "http/1.1");
        EXPECT_EQ(session.verify(false), 0);
        EXPECT_EQ(session.peer_certificate_pem(), read_file(path("server.crt")));

        std::string request = "GET / HTTP/1.0\r\n\r\n";
        ASSERT_EQ(tls_write(session, transport, request.data(), request.size()), ssize_t(request.size()));
        std::string reply;
        char buf[1000];
        ssize_t n;
        while ((n = tls_read(session, transport, buf, sizeof buf)) > 0) reply.append(buf, size_t(n));
        EXPECT_EQ(n, 0) << error_text(last_error()) << " " << session.error_message();
        EXPECT_EQ(reply.rfind("HTTP/1.0 200 ok", 0), 0u) << reply;
        EXPECT_NE(reply.find("TLSv1.3"), std::string::npos);
        EXPECT_TRUE(tls_shutdown(session, transport));
        close(fd);
    }
    // Not verifying, TLS 1.2 only, a write of a large request.
    {
        TlsOptions co;
        co.protocols = kTlsV1_2;
        auto ctx = make(co);
        ASSERT_TRUE(ctx);
        int fd = peer.connect();
        ASSERT_GE(fd, 0);
        TlsTransport transport{&fd, fd_read_some, fd_write_all};
        TlsSession session(ctx, "localhost");
        ASSERT_TRUE(tls_handshake(session, transport)) << session.error_message();
        EXPECT_EQ(session.protocol_version(), "TLSv1.2");
        std::string request = "GET / HTTP/1.0\r\nX-Pad: " + std::string(200 * 1024, 'p') + "\r\n\r\n";
        ASSERT_EQ(tls_write(session, transport, request.data(), request.size()), ssize_t(request.size()));
        std::string reply;
        char buf[4096];
        ssize_t n;
        while ((n = tls_read(session, transport, buf, sizeof buf)) > 0) reply.append(buf, size_t(n));
        EXPECT_EQ(reply.rfind("HTTP/1.0 200 ok", 0), 0u) << reply.substr(0, 200);
        close(fd);
    }
    // The wrong host name is refused.
    {
        auto ctx = make(verifying_client());
        ASSERT_TRUE(ctx);
        int fd = peer.connect();
        ASSERT_GE(fd, 0);
        TlsTransport transport{&fd, fd_read_some, fd_write_all};
        TlsSession session(ctx, "wrong.example.com");
        set_last_error(0);
        EXPECT_FALSE(tls_handshake(session, transport));
        EXPECT_EQ(last_error(), SW_ERROR_SSL_VERIFY_FAILED);
        EXPECT_NE(session.error_message().find("hostname mismatch"), std::string::npos) << session.error_message();
        close(fd);
    }

    // The non-blocking adapter against the real peer, waiting with poll().
    {
        auto ctx = make(verifying_client());
        ASSERT_TRUE(ctx);
        int fd = peer.connect();
        ASSERT_GE(fd, 0);
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        TlsSession session(ctx, "localhost");
        TlsFdIo io(session);
        ssize_t r;
        while ((r = io.handshake(fd)) < 0 && errno == EAGAIN) wait_for(fd, io.want_events());
        ASSERT_EQ(r, 0) << session.error_message();
        std::string request = "GET / HTTP/1.0\r\n\r\n";
        size_t off = 0;
        while (off < request.size()) {
            r = io.write(fd, request.data() + off, request.size() - off);
            if (r > 0) off += size_t(r);
            else if (errno == EAGAIN) wait_for(fd, io.want_events());
            else FAIL() << errno;
        }
        std::string reply;
        char buf[512];
        for (;;) {
            r = io.read(fd, buf, sizeof buf);
            if (r > 0) reply.append(buf, size_t(r));
            else if (r < 0 && errno == EAGAIN) wait_for(fd, io.want_events());
            else break;
        }
        EXPECT_EQ(r, 0);
        EXPECT_EQ(reply.rfind("HTTP/1.0 200 ok", 0), 0u) << reply.substr(0, 200);
        close(fd);
    }
}

}  // namespace

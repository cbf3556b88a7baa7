// One connection of Coroutine\Redis, without PHP: a kernel coroutine socket
// from the host table (sw_socket), requests encoded by hiredis's formatter,
// replies parsed by hiredis's reader fed from our own recv. hiredis does the
// protocol only; every wait parks the calling coroutine.
//
// Requests can be queued (append) and sent together (flush), then their
// replies read one by one: a pipeline is append N, flush, read N.
// Any I/O or protocol failure closes the connection and leaves the reason in
// error(); a -ERR reply is a reply, not a failure (the caller maps it).
#pragma once

#include <hiredis/hiredis.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <swoole/module.h>

#include "client/redis_error.h"

namespace swoole::mod::redis {

struct ReplyFree {
    void operator()(redisReply *r) const { freeReplyObject(r); }
};
using ReplyPtr = std::unique_ptr<redisReply, ReplyFree>;

// The arguments of one command as views; the storage is reused from one
// command to the next.
class ArgList {
  public:
    void clear() {
        ptrs_.clear();
        lens_.clear();
    }
    void add(std::string_view s) {
        ptrs_.push_back(s.data());
        lens_.push_back(s.size());
    }
    size_t size() const { return ptrs_.size(); }
    bool empty() const { return ptrs_.empty(); }
    std::string_view at(size_t i) const { return {ptrs_[i], lens_[i]}; }
    const char **ptrs() { return ptrs_.data(); }
    const size_t *lens() const { return lens_.data(); }

  private:
    std::vector<const char *> ptrs_;
    std::vector<size_t> lens_;
};

// What a (re)connect needs. Timeouts in seconds; <= 0 means no limit.
struct ConnectSettings {
    double connect_timeout = 2.0;
    double timeout = 60.0;
    std::string password;  // AUTH after connecting when not empty
    long database = 0;     // SELECT after connecting when > 0
};

class Connection {
  public:
    explicit Connection(const sw_host_api *host);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Connects (closing any previous socket), then AUTH and SELECT from the
    // settings. false with error(): connect failures are IO with errno and
    // no message; a refused AUTH/SELECT closes the connection again.
    bool open(std::string_view host, int port, const ConnectSettings &settings);
    void close();
    bool connected() const { return sock_ != nullptr; }
    int fd() const;
    // Whether the last failure found a kept connection already gone: the
    // send was refused (EPIPE, ECONNRESET) or the stream ended (EOF,
    // ECONNRESET) before any byte of the reply, on a connection that had
    // answered before. The caller may then reconnect and send the command
    // again; timeouts and replies cut short never count.
    bool found_dead() const { return found_dead_; }

    // Read/write timeout of later calls; <= 0: none.
    void set_timeout(double seconds) { timeout_ = seconds > 0 ? seconds : -1; }

    // Queues one command. false (error OOM) when hiredis cannot format it.
    bool append(ArgList &args);
    // Sends what is queued. false: error set, connection closed.
    bool flush();
    // The next reply. nullptr: error set, connection closed.
    ReplyPtr read();
    // append + flush + read.
    ReplyPtr call(ArgList &args);
    // Forgets what is queued and not sent yet.
    void drop_queued() { out_.clear(); }
    // Sends one command now, without copying hiredis's encoding when nothing
    // else is queued.
    bool send(ArgList &args);

    Error &error() { return error_; }
    const Error &error() const { return error_; }

  private:
    void fail(ErrType type, int code, std::string_view message);
    bool send_bytes(const char *data, size_t n);
    void reset_reader();
    // After a wait: false when close() ran meanwhile (from another
    // coroutine); the closed socket is freed here, by the call that used it.
    bool still_open(sw_socket *used);

    const sw_host_api *host_;
    sw_socket *sock_ = nullptr;
    // close() while a coroutine waits in send/recv only closes the socket
    // (waking it); that call frees it when it returns.
    sw_socket *closed_in_use_ = nullptr;
    bool closing_ = false;          // inside socket_close of closed_in_use_
    bool waiter_returned_ = false;  // its waiter returned meanwhile
    int in_io_ = 0;
    bool answered_ = false;     // a reply came on this connection
    bool reply_bytes_ = false;  // a byte came since the last send
    bool found_dead_ = false;
    redisReader *reader_ = nullptr;
    double timeout_ = 60.0;
    std::string out_;  // queued requests
    Error error_;
    char in_[16384];
};

}  // namespace swoole::mod::redis

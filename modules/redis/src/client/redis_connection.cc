#include "client/redis_connection.h"

#include <cerrno>
#include <cstdlib>

namespace swoole::mod::redis {

namespace {

double wait_limit(double seconds) { return seconds > 0 ? seconds : -1; }

constexpr std::string_view kServerClosed = "Server closed the connection";

// Errors of a send or recv that mean the peer had closed the connection.
bool peer_gone(int code) { return code == EPIPE || code == ECONNRESET || code == ENOTCONN; }

}  // namespace

Connection::Connection(const sw_host_api *host) : host_(host) {}

Connection::~Connection() {
    close();
    if (closed_in_use_) host_->socket_free(closed_in_use_);
    if (reader_) redisReaderFree(reader_);
}

void Connection::reset_reader() {
    if (reader_) redisReaderFree(reader_);
    reader_ = redisReaderCreate();
}

bool Connection::open(std::string_view host, int port, const ConnectSettings &settings) {
    close();
    std::string name(host);
    sock_ = host_->socket_connect(name.c_str(), port, wait_limit(settings.connect_timeout));
    if (!sock_) {
        // 4.8 reports a failed connect by errno alone.
        error_.set(ErrType::io, host_->last_error(), "");
        return false;
    }
    reset_reader();
    answered_ = false;
    found_dead_ = false;
    if (!reader_) {
        close();
        error_.set(ErrType::alloc, ENOMEM, "Out of memory");
        return false;
    }
    set_timeout(settings.timeout);
    error_.clear();
    ArgList args;
    auto handshake = [&]() -> bool {
        ReplyPtr reply = call(args);
        if (!reply) return false;
        if (reply->type == REDIS_REPLY_ERROR) {
            error_.set_server_error({reply->str, reply->len});
            close();
            return false;
        }
        return true;
    };
    if (!settings.password.empty()) {
        args.add("AUTH");
        args.add(settings.password);
        if (!handshake()) return false;
    }
    if (settings.database > 0) {
        std::string db = std::to_string(settings.database);
        args.clear();
        args.add("SELECT");
        args.add(db);
        if (!handshake()) return false;
    }
    return true;
}

void Connection::close() {
    out_.clear();
    sw_socket *s = sock_;
    if (!s) return;
    sock_ = nullptr;
    if (in_io_ == 0 || closed_in_use_) {
        host_->socket_free(s);
        return;
    }
    // A coroutine waits on it: closing wakes it (at once, inside
    // socket_close); whoever is last of the two frees the handle.
    closed_in_use_ = s;
    closing_ = true;
    waiter_returned_ = false;
    host_->socket_close(s);
    closing_ = false;
    if (waiter_returned_) {
        host_->socket_free(s);
        closed_in_use_ = nullptr;
    }
}

bool Connection::still_open(sw_socket *used) {
    if (used == sock_) return true;
    if (used == closed_in_use_) {
        if (closing_) {
            waiter_returned_ = true;  // close() frees it once socket_close returns
        } else {
            host_->socket_free(used);
            closed_in_use_ = nullptr;
        }
    }
    error_.set(ErrType::closed, ECONNRESET, "connection is not available");
    return false;
}

int Connection::fd() const { return sock_ ? host_->socket_fd(sock_) : -1; }

void Connection::fail(ErrType type, int code, std::string_view message) {
    error_.set(type, code, message);
    close();
}

bool Connection::append(ArgList &args) {
    char *cmd = nullptr;
    int n = redisFormatCommandArgv(&cmd, static_cast<int>(args.size()), args.ptrs(), args.lens());
    if (n < 0 || !cmd) {
        error_.set(ErrType::oom, ENOMEM, "Out of memory");
        return false;
    }
    out_.append(cmd, static_cast<size_t>(n));
    redisFreeCommand(cmd);
    return true;
}

bool Connection::send_bytes(const char *data, size_t n) {
    if (!sock_) {
        error_.set(ErrType::closed, ECONNRESET, "connection is not available");
        return false;
    }
    sw_socket *used = sock_;
    found_dead_ = false;
    reply_bytes_ = false;
    in_io_++;
    ssize_t sent = host_->socket_send(used, data, n, timeout_);
    in_io_--;
    if (!still_open(used)) return false;
    if (sent < 0 || static_cast<size_t>(sent) != n) {
        int code = host_->last_error();
        found_dead_ = answered_ && peer_gone(code);
        fail(ErrType::io, code, host_->strerror(code));
        return false;
    }
    return true;
}

bool Connection::flush() {
    if (out_.empty()) return true;
    bool ok = send_bytes(out_.data(), out_.size());
    out_.clear();
    return ok;
}

bool Connection::send(ArgList &args) {
    if (!out_.empty()) return append(args) && flush();
    char *cmd = nullptr;
    int n = redisFormatCommandArgv(&cmd, static_cast<int>(args.size()), args.ptrs(), args.lens());
    if (n < 0 || !cmd) {
        error_.set(ErrType::oom, ENOMEM, "Out of memory");
        return false;
    }
    bool ok = send_bytes(cmd, static_cast<size_t>(n));
    redisFreeCommand(cmd);
    return ok;
}

ReplyPtr Connection::read() {
    if (!sock_ || !reader_) {
        error_.set(ErrType::closed, ECONNRESET, "connection is not available");
        return nullptr;
    }
    for (;;) {
        void *reply = nullptr;
        if (redisReaderGetReply(reader_, &reply) != REDIS_OK) {
            // The reader is unusable after a protocol error: so is the stream.
            fail(ErrType::protocol, EPROTO, reader_->errstr);
            reset_reader();
            return nullptr;
        }
        if (reply) {
            answered_ = true;
            return ReplyPtr(static_cast<redisReply *>(reply));
        }
        sw_socket *used = sock_;
        in_io_++;
        ssize_t n = host_->socket_recv(used, in_, sizeof(in_), timeout_);
        in_io_--;
        if (!still_open(used)) return nullptr;
        if (n == 0) {
            found_dead_ = answered_ && !reply_bytes_;
            fail(ErrType::eof, ECONNRESET, kServerClosed);
            reset_reader();
            return nullptr;
        }
        if (n < 0) {
            int code = host_->last_error();
            found_dead_ = answered_ && !reply_bytes_ && peer_gone(code);
            fail(ErrType::io, code, host_->strerror(code));
            reset_reader();
            return nullptr;
        }
        reply_bytes_ = true;
        if (redisReaderFeed(reader_, in_, static_cast<size_t>(n)) != REDIS_OK) {
            fail(ErrType::protocol, EPROTO, reader_->errstr);
            reset_reader();
            return nullptr;
        }
    }
}

ReplyPtr Connection::call(ArgList &args) {
    if (!send(args)) return nullptr;
    return read();
}

}  // namespace swoole::mod::redis

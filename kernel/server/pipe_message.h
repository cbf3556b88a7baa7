// The messages between the master's reactor threads and the workers of a
// PROCESS-mode server. Every (worker, reactor thread) pair has its own
// SOCK_SEQPACKET socketpair, so each end has exactly one writer and one
// reader (no locks) and a session's messages stay in order (a session lives
// on one reactor thread). A record is a PipeHeader and up to
// kMaxRecordPayload bytes; bigger payloads go as consecutive chunk records of
// the same session (first: kChunkBegin, last: kChunkEnd) and are reassembled
// by the reader. Records are written with one sendmsg straight from the
// caller's view; only when the socket is full are they copied into the
// pipe's queue (PipeQueue) and flushed when it is writable again.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "socket/address.h"

namespace swoole::kernel {

enum class PipeType : uint8_t {
    // master -> worker
    data = 1,
    connect = 2,
    close = 3,
    buffer_full = 4,
    buffer_empty = 5,
    packet = 6,  // a datagram: PacketPrefix + the data
    send_wake = 7,  // the session's output drained: coroutines parked in send() retry
    // worker -> master
    send = 16,
    close_request = 17,
    pause = 18,
    resume = 19,
    close_confirm = 20,  // the worker ran on_close: the session record may go
    sendfile = 21,       // SendfilePrefix + the path: queue that file range
};

struct PipeHeader {
    int64_t session;
    uint32_t length;  // payload bytes in this record
    uint32_t total;   // payload bytes of the whole message
    uint8_t type;     // PipeType
    uint8_t flags;
    int16_t reactor_id;  // close: the on_close reactor id (-1: closed by close())
    uint32_t aux;        // packet: the port index; close_request: reset; send: the sender's id
};
static_assert(sizeof(PipeHeader) == 24);

// In front of a datagram's bytes (PipeType::packet).
struct PacketPrefix {
    SocketAddress from;
    double time;
};

// In front of the path of a sendfile message (the path is not NUL-terminated).
struct SendfilePrefix {
    uint64_t offset;
    uint64_t length;
};

// close_request aux bits.
inline constexpr uint32_t kCloseReset = 1;
inline constexpr uint32_t kCloseIdle = 2;  // heartbeat: on_close gets the reactor id, not -1

inline constexpr uint8_t kChunkBegin = 1;
inline constexpr uint8_t kChunkEnd = 2;
inline constexpr uint8_t kWhole = kChunkBegin | kChunkEnd;

inline constexpr size_t kMaxRecordPayload = 64 * 1024;
inline constexpr size_t kMaxRecord = sizeof(PipeHeader) + kMaxRecordPayload;

// Creates a nonblocking SOCK_SEQPACKET pair with socket buffers large enough
// for several full records. False with errno.
bool open_seqpacket_pair(int fds[2]);

// The records a pipe end could not take yet, in order.
class PipeQueue {
  public:
    bool empty() const { return head_ == bytes_.size(); }
    size_t size() const { return bytes_.size() - head_; }
    void push(const PipeHeader &h, std::string_view payload);
    // Sends queued records until the socket is full. false: a hard error.
    bool flush(int fd);

  private:
    std::vector<char> bytes_;  // [u32 record length][record] ...
    size_t head_ = 0;
};

// Writes one message (chunked when over kMaxRecordPayload) to fd, queueing
// what the socket does not take. Returns false on a hard socket error (errno).
// `queued` tells the caller to watch fd for writability.
bool pipe_send(int fd, PipeQueue &queue, PipeHeader header, std::string_view payload, bool &queued);

// Collects chunked messages per session. feed() returns true when `payload`
// (a view into the record, or into the reassembled message) is complete.
class PipeReassembler {
  public:
    bool feed(const PipeHeader &h, std::string_view chunk, std::string_view &payload);
    void drop(int64_t session) { partial_.erase(session); }

  private:
    std::unordered_map<int64_t, std::string> partial_;
    std::string done_;  // the last completed big message (payload views point here)
};

// Reads one record into buf (kMaxRecord bytes). > 0: bytes read; 0 on
// EAGAIN; -1 on EOF (errno EPIPE) or a hard error.
ssize_t pipe_recv_record(int fd, char *buf);

}  // namespace swoole::kernel

// The static file handler (enable_static_handler, document_root,
// static_handler_locations, http_index_files, http_autoindex): decides,
// before onRequest, whether a request is answered from document_root and
// with what. It does the stat() calls itself (it runs in a worker) but sends
// nothing: the result says which status, which headers of its own, and which
// pieces (text or file ranges) make up the body. The caller adds the status
// line, its default headers (Server, Date, Connection) and Content-Length:
// <content_length>, then sends the pieces (none for HEAD).
//
// Path rules: the URL is cut at '?' or '#', percent-decoded ('+' stays), its
// "." and ".." segments resolved lexically; a path that climbs above the root,
// holds a NUL byte, or does not name a regular file (or a directory with an
// index file / autoindex) is not served. Symlinks inside the root are
// followed, as 4.8 does. With static_handler_locations only URLs starting
// (case-insensitively, as 4.8) with one of them are considered, and for those
// anything not served is a 404 page instead of falling through to onRequest.
//
// Conditional and partial requests: If-Modified-Since not older than the
// file's mtime → 304. Range "bytes=..." (RFC 9110 §14): a syntactically bad
// header is ignored (200); no satisfiable range → 416 with Content-Range
// "bytes */<size>"; one range → 206 with Content-Range; several → 206
// multipart/byteranges. If-Range with a date other than Last-Modified (or an
// entity tag, none being issued) → the full file (200).
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace swoole::mod::http {

struct StaticOptions {
    std::string document_root;             // trailing '/' ignored
    std::vector<std::string> locations;    // URL prefixes; entries not starting with '/' ignored
    std::vector<std::string> index_files;  // http_index_files, tried in order
    bool autoindex = false;                // http_autoindex: HTML listing of directories
};

struct StaticRequest {
    std::string_view url;                // request target as received: path[?query][#fragment]
    std::string_view if_modified_since;  // header values, empty when absent
    std::string_view range;
    std::string_view if_range;
};

enum class StaticStatus {
    pass,                   // not handled: dispatch to onRequest
    not_found,              // 404 page (URL under a location, nothing to serve)
    ok,                     // 200, the whole file
    listing,                // 200, generated directory index (text piece)
    partial,                // 206, one or more ranges
    not_modified,           // 304, no body
    range_not_satisfiable,  // 416, no body
};

// One piece of the body: bytes of `text`, or a range of the file at `path`.
struct StaticPiece {
    bool from_file = false;
    uint64_t offset = 0;  // in the file, or in StaticResult::text
    uint64_t length = 0;
};

// Reuse one result object per worker: its buffers keep their capacity.
struct StaticResult {
    StaticStatus status = StaticStatus::pass;
    std::string path;   // file on disk (ok / partial / not_modified)
    uint64_t file_size = 0;
    time_t mtime = 0;
    // Header lines "Name: value\r\n": Content-Type (all statuses with a body),
    // Last-Modified and Accept-Ranges (ok / partial / not_modified),
    // Content-Range (single-range 206, 416).
    std::string headers;
    uint64_t content_length = 0;  // body size for Content-Length
    std::vector<StaticPiece> pieces;
    std::string text;  // storage of the text pieces

    int http_status() const;  // 0 for pass
    std::string_view piece_text(const StaticPiece &piece) const {
        return std::string_view(text).substr(piece.offset, piece.length);
    }
    void clear();
};

class StaticHandler {
public:
    static constexpr size_t kMaxRanges = 32;  // more → the Range header is ignored

    StaticHandler() = default;
    explicit StaticHandler(StaticOptions options);

    const StaticOptions &options() const { return options_; }
    // Fills result (cleared first) for this request.
    void handle(const StaticRequest &request, StaticResult &result) const;

private:
    bool in_location(std::string_view path) const;
    bool resolve(std::string_view raw_path, std::string &out, bool &is_dir_url) const;
    void serve_file(const StaticRequest &request, StaticResult &result) const;
    bool serve_directory(struct stat &st, StaticResult &result) const;
    void not_served(bool located, StaticResult &result) const;

    StaticOptions options_;
};

}  // namespace swoole::mod::http

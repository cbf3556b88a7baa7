// Streaming multipart/form-data parser (RFC 7578) for request bodies: feed()
// the body in pieces of any size, split anywhere; fields go to the sink with
// their value, file parts are written straight into temp files created in
// upload_tmp_dir ("<dir>/swoole.upfile.XXXXXX", mkstemp) and reported to the
// sink when complete, with PHP's UPLOAD_ERR_* code and size.
//
// Parts, as 4.8 reads them: the Content-Disposition must contain "form-data;"
// or "attachment;" (else the part is skipped); its parameters are split like
// a cookie (';'-separated, raw-url-decoded values), then one pair of
// surrounding double quotes is removed. No "name" → part skipped. With a
// "filename" parameter the part is a file (empty filename → UPLOAD_ERR_NO_FILE,
// no temp file), else a field. A file's type is its Content-Type header ("" if
// none). A name or filename of kMaxNameLength bytes or more is an error, as is
// a part header block over max_header_size.
//
// Ownership of temp files: a file reported to the sink belongs to the caller
// (it lists it in Request::$tmpfiles and unlinks it when the request dies).
// Files of parts not reported (error, reset, destruction mid-part) are
// unlinked by the parser.
//
// Errors are sticky: after one, feed() consumes nothing and returns the error.
// A body that ends before the closing boundary is an error at finish(); the
// file part in progress, if any, is then reported with UPLOAD_ERR_PARTIAL and
// its temp file removed (tmp_name ""), as PHP does.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace swoole::mod::http {

// PHP's UPLOAD_ERR_* values.
enum UploadError : int {
    kUploadOk = 0,
    kUploadIniSize = 1,   // over MultipartOptions::max_file_size
    kUploadFormSize = 2,  // (not produced: no MAX_FILE_SIZE field handling)
    kUploadPartial = 3,
    kUploadNoFile = 4,
    kUploadNoTmpDir = 6,
    kUploadCantWrite = 7,
};

enum class MultipartError {
    none,
    bad_boundary,   // boundary empty, longer than 200 bytes, or containing CR/LF
    malformed,      // bytes after a boundary that are neither "--" nor CRLF, a header line without ':'
    header_too_large,
    name_too_long,  // name or filename >= kMaxNameLength
    too_many_parts,
    truncated,      // finish() before the closing boundary
};
std::string_view multipart_error_text(MultipartError error);

struct MultipartOptions {
    static constexpr size_t kMaxNameLength = 512;  // 4.8's form key limit
    std::string upload_tmp_dir = "/tmp";
    size_t max_header_size = 8192;  // one part's header block
    uint64_t max_file_size = 0;     // 0: unlimited; else UPLOAD_ERR_INI_SIZE beyond
    size_t max_parts = 0;           // 0: unlimited
};

// A finished file part. Views valid during the on_file call only.
struct UploadedFile {
    std::string_view field;     // form field name (may carry brackets: "f[]")
    std::string_view filename;  // client file name ("name" of the $files entry)
    std::string_view type;      // client Content-Type
    std::string_view tmp_name;  // temp file path, "" when no file was kept
    int error = kUploadOk;
    uint64_t size = 0;
};

class MultipartSink {
public:
    virtual ~MultipartSink() = default;
    // A field part (no filename). Return false to stop (error too_many_parts).
    virtual bool on_field(std::string_view name, std::string_view value) = 0;
    // A file part, once its body is complete. Return false to stop likewise.
    virtual bool on_file(const UploadedFile &file) = 0;
};

class MultipartParser {
public:
    // The boundary parameter of a Content-Type value ("multipart/form-data;
    // boundary=xyz", quotes removed, case of the parameter name ignored);
    // empty when absent or invalid for this parser.
    static std::string_view boundary_of(std::string_view content_type);
    // Whether content_type is multipart/form-data (case-insensitive).
    static bool is_multipart(std::string_view content_type);

    MultipartParser() = default;
    MultipartParser(const MultipartParser &) = delete;
    MultipartParser &operator=(const MultipartParser &) = delete;
    ~MultipartParser();

    // Starts a body (any previous one is abandoned as by reset()). false and
    // error() bad_boundary for an unusable boundary.
    bool start(std::string_view boundary, const MultipartOptions &options, MultipartSink &sink);
    // Feeds the next bytes of the body. Returns false once an error occurred.
    bool feed(std::string_view data);
    // End of body: false unless the closing boundary was seen (then error()
    // is truncated unless another error came first).
    bool finish();
    // Abandons the body: the open temp file, if any, is closed and removed.
    void reset();

    MultipartError error() const { return error_; }
    bool done() const { return state_ == State::done; }
    size_t parts() const { return parts_; }

private:
    enum class State { idle, preamble, after_boundary, headers, body, done, failed };
    enum class PartKind { skip, field, file };

    bool fail(MultipartError error);
    size_t scan_body(std::string_view data);  // returns bytes consumed
    void emit_body(std::string_view bytes);
    void on_delimiter();
    size_t consume_after_boundary(std::string_view data);
    size_t consume_headers(std::string_view data);
    bool parse_part_headers(std::string_view block);
    bool begin_part();
    bool end_part();
    void discard_open_file();
    void write_file(std::string_view bytes);

    MultipartOptions options_;
    MultipartSink *sink_ = nullptr;
    MultipartError error_ = MultipartError::none;
    State state_ = State::idle;
    std::string delimiter_;  // "\r\n--" + boundary
    size_t matched_ = 0;     // bytes of delimiter_ matched at the end of the previous feed
    int after_state_ = 0;    // progress through the bytes that follow a delimiter
    size_t parts_ = 0;

    // Part being read (buffers reused from part to part).
    std::string header_block_;
    PartKind kind_ = PartKind::skip;
    std::string name_;
    std::string filename_;
    std::string type_;
    std::string value_;  // field value
    std::string tmp_path_;
    int fd_ = -1;
    int file_error_ = kUploadOk;
    uint64_t file_size_ = 0;
};

}  // namespace swoole::mod::http

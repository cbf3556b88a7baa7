// The table of file-name suffixes and their MIME types, shared by the
// swoole_mime_type_* functions and the HTTP server's static file handler.
// Suffixes are case-insensitive (stored lower-case). A file name's suffix is
// the text after the last '.' of its last path component, or that whole
// component when it has no '.', so "html" and "index.html" both map to
// text/html, as in Swoole 4.8. One table per process; not thread-safe for
// writers (it is changed from PHP code during startup, read afterwards).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace swoole::kernel {

class MimeTypes {
  public:
    static constexpr std::string_view kDefault = "application/octet-stream";

    // The process-wide table, filled with the built-in list on first use.
    static MimeTypes &instance();

    MimeTypes();  // a table holding the built-in list

    // The type for a file name, kDefault when its suffix is unknown.
    const std::string &get(std::string_view filename) const;
    bool exists(std::string_view filename) const;

    // add: false (and no change) when the suffix is already known.
    bool add(std::string_view suffix, std::string_view mime_type);
    void set(std::string_view suffix, std::string_view mime_type);
    // del: false when the suffix was not known.
    bool del(std::string_view suffix);

    // Every suffix and its type, ordered by suffix.
    const std::map<std::string, std::string, std::less<>> &list() const { return map_; }

    static std::string suffix_of(std::string_view filename);

  private:
    std::map<std::string, std::string, std::less<>> map_;
};

}  // namespace swoole::kernel

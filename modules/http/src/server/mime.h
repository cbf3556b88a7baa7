// File extension → MIME type, for the static handler, Response::sendfile()
// and the swoole_mime_type_* functions. One table per process (workers are
// single-threaded); it starts with the common types 4.8 knows and can be
// edited at run time (add/set/delete). Lookups take the text after the last
// '.' of the file name, case-insensitively; types carry no charset, as in 4.8.
// Unknown or missing extension → application/octet-stream.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <functional>

namespace swoole::mod::http {

class MimeTable {
public:
    static constexpr std::string_view kDefaultType = "application/octet-stream";

    // The process-wide table, filled with the built-in types on first use.
    static MimeTable &instance();

    MimeTable();  // the built-in types

    // Type for a path or file name ("a/b.HTML" → "text/html"), or kDefaultType.
    // The view stays valid until the entry is changed or deleted.
    std::string_view get(std::string_view filename) const;
    // Whether the extension of filename is in the table.
    bool exists(std::string_view filename) const;
    // Adds a type for a suffix ("png" or ".png"); false when it exists already.
    bool add(std::string_view suffix, std::string_view mime_type);
    // Adds or replaces; false only for an unusable suffix (empty, with '.'
    // or '/' inside, over 64 bytes), as for add() and remove().
    bool set(std::string_view suffix, std::string_view mime_type);
    // Removes; false when absent.
    bool remove(std::string_view suffix);
    // All entries, suffix (lower-case, no dot) → type.
    const auto &list() const { return types_; }

    // The extension of a file name: text after the last '.' of the last path
    // segment, empty when none ("x.tar.gz" → "gz", ".bashrc" → "bashrc").
    static std::string_view extension_of(std::string_view filename);

private:
    static bool normalize(std::string_view suffix, std::string &out);
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> types_;
};

// Shorthand for MimeTable::instance().get(filename).
inline std::string_view mime_type_of(std::string_view filename) { return MimeTable::instance().get(filename); }

}  // namespace swoole::mod::http

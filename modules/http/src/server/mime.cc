#include "mime.h"

#include <array>
#include <utility>

namespace swoole::mod::http {
namespace {

constexpr size_t kMaxSuffix = 64;  // longer suffixes cannot be in the table

constexpr std::pair<std::string_view, std::string_view> kBuiltin[] = {
    // text
    {"html", "text/html"}, {"htm", "text/html"}, {"shtml", "text/html"}, {"css", "text/css"},
    {"txt", "text/plain"}, {"text", "text/plain"}, {"log", "text/plain"}, {"csv", "text/csv"},
    {"xml", "text/xml"}, {"md", "text/markdown"}, {"ics", "text/calendar"}, {"vcf", "text/vcard"},
    {"mml", "text/mathml"}, {"jad", "text/vnd.sun.j2me.app-descriptor"}, {"wml", "text/vnd.wap.wml"},
    {"htc", "text/x-component"}, {"c", "text/x-c"}, {"h", "text/x-c"}, {"cpp", "text/x-c"},
    {"java", "text/x-java-source"}, {"vtt", "text/vtt"},
    // scripts and data
    {"js", "application/javascript"}, {"mjs", "application/javascript"}, {"json", "application/json"},
    {"map", "application/json"}, {"jsonld", "application/ld+json"}, {"wasm", "application/wasm"},
    {"atom", "application/atom+xml"}, {"rss", "application/rss+xml"}, {"xhtml", "application/xhtml+xml"},
    {"xslt", "application/xslt+xml"}, {"xsl", "application/xml"}, {"dtd", "application/xml-dtd"},
    {"rdf", "application/rdf+xml"}, {"webmanifest", "application/manifest+json"},
    // images
    {"png", "image/png"}, {"gif", "image/gif"}, {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"},
    {"jpe", "image/jpeg"}, {"bmp", "image/bmp"}, {"ico", "image/x-icon"}, {"svg", "image/svg+xml"},
    {"svgz", "image/svg+xml"}, {"webp", "image/webp"}, {"avif", "image/avif"}, {"tif", "image/tiff"},
    {"tiff", "image/tiff"}, {"wbmp", "image/vnd.wap.wbmp"}, {"jng", "image/x-jng"}, {"psd", "image/vnd.adobe.photoshop"},
    {"heic", "image/heic"},
    // fonts
    {"woff", "font/woff"}, {"woff2", "font/woff2"}, {"ttf", "font/ttf"}, {"otf", "font/otf"},
    {"eot", "application/vnd.ms-fontobject"},
    // audio
    {"mp3", "audio/mpeg"}, {"ogg", "audio/ogg"}, {"oga", "audio/ogg"}, {"opus", "audio/ogg"},
    {"wav", "audio/wav"}, {"weba", "audio/webm"}, {"m4a", "audio/x-m4a"}, {"aac", "audio/aac"},
    {"flac", "audio/flac"}, {"mid", "audio/midi"}, {"midi", "audio/midi"}, {"kar", "audio/midi"},
    {"ra", "audio/x-realaudio"},
    // video
    {"mp4", "video/mp4"}, {"m4v", "video/x-m4v"}, {"mpeg", "video/mpeg"}, {"mpg", "video/mpeg"},
    {"webm", "video/webm"}, {"ogv", "video/ogg"}, {"mov", "video/quicktime"}, {"avi", "video/x-msvideo"},
    {"flv", "video/x-flv"}, {"wmv", "video/x-ms-wmv"}, {"asf", "video/x-ms-asf"}, {"asx", "video/x-ms-asf"},
    {"mng", "video/x-mng"}, {"3gp", "video/3gpp"}, {"3gpp", "video/3gpp"}, {"ts", "video/mp2t"},
    {"m3u8", "application/vnd.apple.mpegurl"},
    // documents
    {"pdf", "application/pdf"}, {"ps", "application/postscript"}, {"eps", "application/postscript"},
    {"ai", "application/postscript"}, {"rtf", "application/rtf"}, {"doc", "application/msword"},
    {"xls", "application/vnd.ms-excel"}, {"ppt", "application/vnd.ms-powerpoint"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"odt", "application/vnd.oasis.opendocument.text"}, {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {"odp", "application/vnd.oasis.opendocument.presentation"}, {"odg", "application/vnd.oasis.opendocument.graphics"},
    {"epub", "application/epub+zip"}, {"kml", "application/vnd.google-earth.kml+xml"},
    {"kmz", "application/vnd.google-earth.kmz"},
    // archives and binaries
    {"zip", "application/zip"}, {"gz", "application/gzip"}, {"tgz", "application/gzip"},
    {"tar", "application/x-tar"}, {"bz2", "application/x-bzip2"}, {"xz", "application/x-xz"},
    {"7z", "application/x-7z-compressed"}, {"rar", "application/x-rar-compressed"},
    {"jar", "application/java-archive"}, {"war", "application/java-archive"}, {"ear", "application/java-archive"},
    {"apk", "application/vnd.android.package-archive"}, {"swf", "application/x-shockwave-flash"},
    {"bin", "application/octet-stream"}, {"exe", "application/octet-stream"}, {"dll", "application/octet-stream"},
    {"deb", "application/octet-stream"}, {"dmg", "application/octet-stream"}, {"iso", "application/octet-stream"},
    {"img", "application/octet-stream"}, {"msi", "application/octet-stream"}, {"msp", "application/octet-stream"},
    {"msm", "application/octet-stream"}, {"rpm", "application/x-redhat-package-manager"},
    {"sh", "application/x-sh"}, {"pl", "application/x-perl"}, {"pm", "application/x-perl"},
    {"php", "application/x-httpd-php"}, {"py", "text/x-python"}, {"crt", "application/x-x509-ca-cert"},
    {"der", "application/x-x509-ca-cert"}, {"pem", "application/x-x509-ca-cert"},
    {"torrent", "application/x-bittorrent"}, {"xpi", "application/x-xpinstall"},
    {"sea", "application/x-sea"}, {"sit", "application/x-stuffit"}, {"tcl", "application/x-tcl"},
    {"tk", "application/x-tcl"}, {"run", "application/x-makeself"}, {"prc", "application/x-pilot"},
    {"pdb", "application/x-pilot"}, {"cco", "application/x-cocoa"}, {"jardiff", "application/x-java-archive-diff"},
    {"jnlp", "application/x-java-jnlp-file"}, {"wmlc", "application/vnd.wap.wmlc"},
    {"m3u", "audio/x-mpegurl"}, {"sql", "application/sql"}, {"yaml", "application/yaml"}, {"yml", "application/yaml"},
};

// Lower-cases suffix into buf; false when it does not fit.
bool lower_into(std::string_view suffix, std::array<char, kMaxSuffix> &buf, size_t &length) {
    if (suffix.size() > buf.size()) {
        return false;
    }
    for (size_t i = 0; i < suffix.size(); i++) {
        char c = suffix[i];
        buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    length = suffix.size();
    return true;
}

}  // namespace

MimeTable &MimeTable::instance() {
    static MimeTable table;
    return table;
}

MimeTable::MimeTable() {
    types_.reserve(std::size(kBuiltin));
    for (const auto &[suffix, type] : kBuiltin) {
        types_.emplace(std::string(suffix), std::string(type));
    }
}

std::string_view MimeTable::extension_of(std::string_view filename) {
    size_t slash = filename.find_last_of('/');
    if (slash != std::string_view::npos) {
        filename.remove_prefix(slash + 1);
    }
    size_t dot = filename.rfind('.');
    return dot == std::string_view::npos ? std::string_view() : filename.substr(dot + 1);
}

bool MimeTable::normalize(std::string_view suffix, std::string &out) {
    if (!suffix.empty() && suffix.front() == '.') {
        suffix.remove_prefix(1);
    }
    if (suffix.empty() || suffix.size() > kMaxSuffix || suffix.find_first_of("./") != std::string_view::npos) {
        return false;
    }
    out.assign(suffix);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return true;
}

std::string_view MimeTable::get(std::string_view filename) const {
    std::array<char, kMaxSuffix> buf;
    size_t length = 0;
    std::string_view ext = extension_of(filename);
    if (ext.empty() || !lower_into(ext, buf, length)) {
        return kDefaultType;
    }
    auto it = types_.find(std::string_view(buf.data(), length));
    return it == types_.end() ? kDefaultType : std::string_view(it->second);
}

bool MimeTable::exists(std::string_view filename) const {
    std::array<char, kMaxSuffix> buf;
    size_t length = 0;
    std::string_view ext = extension_of(filename);
    return !ext.empty() && lower_into(ext, buf, length) && types_.find(std::string_view(buf.data(), length)) != types_.end();
}

bool MimeTable::add(std::string_view suffix, std::string_view mime_type) {
    std::string key;
    if (!normalize(suffix, key)) {
        return false;
    }
    return types_.emplace(std::move(key), std::string(mime_type)).second;
}

bool MimeTable::set(std::string_view suffix, std::string_view mime_type) {
    std::string key;
    if (!normalize(suffix, key)) {
        return false;
    }
    types_.insert_or_assign(std::move(key), std::string(mime_type));
    return true;
}

bool MimeTable::remove(std::string_view suffix) {
    std::string key;
    if (!normalize(suffix, key)) {
        return false;
    }
    auto it = types_.find(std::string_view(key));
    if (it == types_.end()) {
        return false;
    }
    types_.erase(it);
    return true;
}

}  // namespace swoole::mod::http

#include "base/mime.h"

#include <algorithm>
#include <cctype>

namespace swoole::kernel {

namespace {

struct Builtin {
    const char *suffix;
    const char *type;
};

// Common types, after the IANA registry and what browsers expect.
constexpr Builtin kBuiltin[] = {
    // text
    {"html", "text/html"},
    {"htm", "text/html"},
    {"shtml", "text/html"},
    {"css", "text/css"},
    {"csv", "text/csv"},
    {"tsv", "text/tab-separated-values"},
    {"txt", "text/plain"},
    {"text", "text/plain"},
    {"log", "text/plain"},
    {"conf", "text/plain"},
    {"ini", "text/plain"},
    {"md", "text/markdown"},
    {"markdown", "text/markdown"},
    {"ics", "text/calendar"},
    {"vcf", "text/vcard"},
    {"vtt", "text/vtt"},
    {"rtx", "text/richtext"},
    {"sgml", "text/sgml"},
    {"yaml", "text/yaml"},
    {"yml", "text/yaml"},
    {"appcache", "text/cache-manifest"},
    {"jsx", "text/jsx"},
    {"less", "text/less"},
    // application
    {"js", "application/javascript"},
    {"mjs", "application/javascript"},
    {"cjs", "application/javascript"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"jsonld", "application/ld+json"},
    {"webmanifest", "application/manifest+json"},
    {"geojson", "application/geo+json"},
    {"xml", "application/xml"},
    {"xsl", "application/xml"},
    {"xsd", "application/xml"},
    {"dtd", "application/xml-dtd"},
    {"xslt", "application/xslt+xml"},
    {"xhtml", "application/xhtml+xml"},
    {"xht", "application/xhtml+xml"},
    {"atom", "application/atom+xml"},
    {"rss", "application/rss+xml"},
    {"rdf", "application/rdf+xml"},
    {"svg", "image/svg+xml"},
    {"svgz", "image/svg+xml"},
    {"wasm", "application/wasm"},
    {"pdf", "application/pdf"},
    {"ps", "application/postscript"},
    {"eps", "application/postscript"},
    {"ai", "application/postscript"},
    {"rtf", "application/rtf"},
    {"doc", "application/msword"},
    {"dot", "application/msword"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"xls", "application/vnd.ms-excel"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"ppt", "application/vnd.ms-powerpoint"},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"odt", "application/vnd.oasis.opendocument.text"},
    {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {"odp", "application/vnd.oasis.opendocument.presentation"},
    {"epub", "application/epub+zip"},
    {"zip", "application/zip"},
    {"gz", "application/gzip"},
    {"tgz", "application/gzip"},
    {"tar", "application/x-tar"},
    {"bz", "application/x-bzip"},
    {"bz2", "application/x-bzip2"},
    {"xz", "application/x-xz"},
    {"zst", "application/zstd"},
    {"7z", "application/x-7z-compressed"},
    {"rar", "application/vnd.rar"},
    {"jar", "application/java-archive"},
    {"war", "application/java-archive"},
    {"class", "application/java-vm"},
    {"apk", "application/vnd.android.package-archive"},
    {"swf", "application/x-shockwave-flash"},
    {"sh", "application/x-sh"},
    {"csh", "application/x-csh"},
    {"php", "application/x-httpd-php"},
    {"wsdl", "application/wsdl+xml"},
    {"pem", "application/x-pem-file"},
    {"crt", "application/x-x509-ca-cert"},
    {"der", "application/x-x509-ca-cert"},
    {"cer", "application/pkix-cert"},
    {"crl", "application/pkix-crl"},
    {"p12", "application/x-pkcs12"},
    {"pfx", "application/x-pkcs12"},
    {"sig", "application/pgp-signature"},
    {"asc", "application/pgp-signature"},
    {"bin", "application/octet-stream"},
    {"exe", "application/octet-stream"},
    {"dll", "application/octet-stream"},
    {"so", "application/octet-stream"},
    {"iso", "application/octet-stream"},
    {"img", "application/octet-stream"},
    {"dmg", "application/octet-stream"},
    {"deb", "application/octet-stream"},
    {"msi", "application/octet-stream"},
    {"rpm", "application/x-rpm"},
    {"sql", "application/sql"},
    {"eot", "application/vnd.ms-fontobject"},
    {"ogx", "application/ogg"},
    // images
    {"png", "image/png"},
    {"apng", "image/apng"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"jpe", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"avif", "image/avif"},
    {"heic", "image/heic"},
    {"heif", "image/heif"},
    {"bmp", "image/bmp"},
    {"ico", "image/x-icon"},
    {"cur", "image/x-icon"},
    {"tif", "image/tiff"},
    {"tiff", "image/tiff"},
    {"jp2", "image/jp2"},
    {"psd", "image/vnd.adobe.photoshop"},
    // fonts
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"ttf", "font/ttf"},
    {"otf", "font/otf"},
    {"ttc", "font/collection"},
    // audio
    {"mp3", "audio/mpeg"},
    {"mpga", "audio/mpeg"},
    {"m4a", "audio/mp4"},
    {"aac", "audio/aac"},
    {"ogg", "audio/ogg"},
    {"oga", "audio/ogg"},
    {"opus", "audio/opus"},
    {"wav", "audio/wav"},
    {"weba", "audio/webm"},
    {"flac", "audio/flac"},
    {"mid", "audio/midi"},
    {"midi", "audio/midi"},
    {"amr", "audio/amr"},
    // video
    {"mp4", "video/mp4"},
    {"m4v", "video/mp4"},
    {"mpeg", "video/mpeg"},
    {"mpg", "video/mpeg"},
    {"webm", "video/webm"},
    {"ogv", "video/ogg"},
    {"mov", "video/quicktime"},
    {"qt", "video/quicktime"},
    {"avi", "video/x-msvideo"},
    {"wmv", "video/x-ms-wmv"},
    {"flv", "video/x-flv"},
    {"mkv", "video/x-matroska"},
    {"3gp", "video/3gpp"},
    {"3g2", "video/3gpp2"},
    {"ts", "video/mp2t"},
    {"m3u8", "application/vnd.apple.mpegurl"},
    // models
    {"gltf", "model/gltf+json"},
    {"glb", "model/gltf-binary"},
    // messages
    {"eml", "message/rfc822"},
};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

}  // namespace

MimeTypes &MimeTypes::instance() {
    static MimeTypes table;
    return table;
}

MimeTypes::MimeTypes() {
    for (const Builtin &b : kBuiltin) map_.emplace(b.suffix, b.type);
}

std::string MimeTypes::suffix_of(std::string_view filename) {
    size_t slash = filename.find_last_of('/');
    if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
    size_t dot = filename.find_last_of('.');
    if (dot != std::string_view::npos) filename.remove_prefix(dot + 1);
    return lower(filename);
}

const std::string &MimeTypes::get(std::string_view filename) const {
    static const std::string fallback(kDefault);
    auto it = map_.find(suffix_of(filename));
    return it == map_.end() ? fallback : it->second;
}

bool MimeTypes::exists(std::string_view filename) const { return map_.count(suffix_of(filename)) != 0; }

bool MimeTypes::add(std::string_view suffix, std::string_view mime_type) {
    return map_.emplace(lower(suffix), std::string(mime_type)).second;
}

void MimeTypes::set(std::string_view suffix, std::string_view mime_type) {
    map_.insert_or_assign(lower(suffix), std::string(mime_type));
}

bool MimeTypes::del(std::string_view suffix) { return map_.erase(lower(suffix)) != 0; }

}  // namespace swoole::kernel

#include "server/response_writer.h"

#include <charconv>
#include <ctime>

namespace swoole::mod::http {

std::string_view reason_phrase(int code) {
    switch (code) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 102: return "Processing";
    case 103: return "Early Hints";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 205: return "Reset Content";
    case 206: return "Partial Content";
    case 207: return "Multi-Status";
    case 208: return "Already Reported";
    case 226: return "IM Used";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 305: return "Use Proxy";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Request Entity Too Large";
    case 414: return "Request URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Requested Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 418: return "I'm a teapot";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Entity";
    case 423: return "Locked";
    case 424: return "Failed Dependency";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 451: return "Unavailable For Legal Reasons";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    case 506: return "Variant Also Negotiates";
    case 507: return "Insufficient Storage";
    case 508: return "Loop Detected";
    case 510: return "Not Extended";
    case 511: return "Network Authentication Required";
    default: return {};
    }
}

std::string_view http_date_now() {
    thread_local time_t cached = 0;
    thread_local char text[64];
    thread_local size_t length = 0;
    time_t now = ::time(nullptr);
    if (now != cached) {
        struct tm tm;
        gmtime_r(&now, &tm);
        length = strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
        cached = now;
    }
    return {text, length};
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
        if (x != y) return false;
    }
    return true;
}

void UserHeaderSet::note(std::string_view name) {
    switch (name.size()) {
    case 4:
        if (iequals(name, "date")) date = true;
        break;
    case 6:
        if (iequals(name, "server")) server = true;
        break;
    case 10:
        if (iequals(name, "connection")) connection = true;
        break;
    case 12:
        if (iequals(name, "content-type")) content_type = true;
        break;
    case 14:
        if (iequals(name, "content-length")) content_length = true;
        break;
    case 16:
        if (iequals(name, "content-encoding")) content_encoding = true;
        break;
    case 17:
        if (iequals(name, "transfer-encoding")) transfer_encoding = true;
        break;
    default:
        break;
    }
}

void ResponseWriter::append_number(uint64_t n) {
    char digits[24];
    auto r = std::to_chars(digits, digits + sizeof digits, n);
    out_.append(digits, static_cast<size_t>(r.ptr - digits));
}

void ResponseWriter::status_line(int code, std::string_view reason) {
    out_.append("HTTP/1.1 ");
    if (reason.empty()) {
        reason = reason_phrase(code);
        if (reason.empty()) {
            code = 200;
            reason = "OK";
        }
    }
    append_number(static_cast<uint64_t>(code < 0 ? 0 : code));
    out_.push_back(' ');
    out_.append(reason);
    out_.append("\r\n");
}

void ResponseWriter::header(std::string_view name, std::string_view value) {
    out_.append(name);
    out_.append(": ");
    out_.append(value);
    out_.append("\r\n");
}

void ResponseWriter::defaults_and_end(const UserHeaderSet &user, bool keep_alive, int64_t content_length,
                                      std::string_view encoding) {
    if (!user.server) out_.append("Server: swoole-http-server\r\n");
    if (!user.connection) out_.append(keep_alive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
    if (!user.content_type) out_.append("Content-Type: text/html\r\n");
    if (!user.date) {
        out_.append("Date: ");
        out_.append(http_date_now());
        out_.append("\r\n");
    }
    if (content_length < 0) {
        if (!user.transfer_encoding) out_.append("Transfer-Encoding: chunked\r\n");
    } else if (!user.content_length) {
        out_.append("Content-Length: ");
        append_number(static_cast<uint64_t>(content_length));
        out_.append("\r\n");
    }
    if (!encoding.empty()) {
        out_.append("Content-Encoding: ");
        out_.append(encoding);
        out_.append("\r\n");
    }
    out_.append("\r\n");
}

void ResponseWriter::chunk(std::string_view data) {
    if (data.empty()) return;
    char hex[20];
    auto r = std::to_chars(hex, hex + sizeof hex, data.size(), 16);
    out_.append(hex, static_cast<size_t>(r.ptr - hex));
    out_.append("\r\n");
    out_.append(data);
    out_.append("\r\n");
}

}  // namespace swoole::mod::http

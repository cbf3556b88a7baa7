#include "compress.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>

namespace swoole::mod::http {
namespace {

bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) {
            return false;
        }
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// q=0, 0., 0.0, 0.00, 0.000: the coding is refused.
bool q_is_zero(std::string_view q) {
    q = trim(q);
    if (q.empty() || q[0] != '0') {
        return false;
    }
    for (size_t i = 1; i < q.size(); i++) {
        if (i == 1 && q[i] == '.') continue;
        if (i == 1 || q[i] != '0') return false;
    }
    return true;
}

// One zlib stream per format and thread, reset for each body.
class Deflater {
public:
    explicit Deflater(int window_bits) : window_bits_(window_bits) {}
    ~Deflater() {
        if (ready_) deflateEnd(&stream_);
    }

    bool run(int level, std::string_view in, std::string &out) {
        if (!ready_) {
            stream_ = {};
            if (deflateInit2(&stream_, level, Z_DEFLATED, window_bits_, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
                return false;
            }
            ready_ = true;
            level_ = level;
        } else {
            deflateReset(&stream_);
            if (level != level_ && deflateParams(&stream_, level, Z_DEFAULT_STRATEGY) != Z_OK) {
                return false;
            }
            level_ = level;
        }
        // deflateBound is exact enough to finish in one call; uInt limits a call to 4 GiB.
        if (in.size() > 0xffffffffu / 2) {
            return false;
        }
        out.resize(deflateBound(&stream_, static_cast<uLong>(in.size())));
        stream_.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
        stream_.avail_in = static_cast<uInt>(in.size());
        stream_.next_out = reinterpret_cast<Bytef *>(out.data());
        stream_.avail_out = static_cast<uInt>(out.size());
        int rc = deflate(&stream_, Z_FINISH);
        if (rc != Z_STREAM_END) {
            return false;
        }
        out.resize(out.size() - stream_.avail_out);
        return true;
    }

private:
    z_stream stream_{};
    int window_bits_;
    int level_ = 0;
    bool ready_ = false;
};

bool zlib_header_ok(std::string_view data) {
    if (data.size() < 2) {
        return false;
    }
    auto b0 = static_cast<unsigned char>(data[0]), b1 = static_cast<unsigned char>(data[1]);
    return (b0 & 0x0f) == 8 && (b0 >> 4) <= 7 && ((b0 << 8) | b1) % 31 == 0;
}

bool inflate_all(std::string_view data, int window_bits, bool multi_member, std::string &out, size_t max_output) {
    z_stream zs{};
    if (inflateInit2(&zs, window_bits) != Z_OK) {
        return false;
    }
    out.clear();
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    char chunk[16384];
    bool ok = false;
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef *>(chunk);
        zs.avail_out = sizeof(chunk);
        int rc = inflate(&zs, Z_NO_FLUSH);
        size_t produced = sizeof(chunk) - zs.avail_out;
        if (out.size() + produced > max_output) {
            break;
        }
        out.append(chunk, produced);
        if (rc == Z_STREAM_END) {
            // Another gzip member may follow; anything else after the end is an error.
            if (multi_member && zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
                inflateReset(&zs);
                continue;
            }
            ok = zs.avail_in == 0;
            break;
        }
        if (rc != Z_OK) {
            break;  // corrupt, or no progress possible: truncated
        }
    }
    inflateEnd(&zs);
    return ok;
}

bool brotli_decode(std::string_view data, std::string &out, size_t max_output) {
    BrotliDecoderState *state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (!state) {
        return false;
    }
    out.clear();
    auto next_in = reinterpret_cast<const uint8_t *>(data.data());
    size_t avail_in = data.size();
    uint8_t chunk[16384];
    bool ok = false;
    for (;;) {
        uint8_t *next_out = chunk;
        size_t avail_out = sizeof(chunk);
        BrotliDecoderResult rc = BrotliDecoderDecompressStream(state, &avail_in, &next_in, &avail_out, &next_out, nullptr);
        size_t produced = sizeof(chunk) - avail_out;
        if (out.size() + produced > max_output) {
            break;
        }
        out.append(reinterpret_cast<const char *>(chunk), produced);
        if (rc == BROTLI_DECODER_RESULT_SUCCESS) {
            ok = avail_in == 0;
            break;
        }
        if (rc != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
            break;  // error, or input ended early
        }
    }
    BrotliDecoderDestroyInstance(state);
    return ok;
}

}  // namespace

std::string_view encoding_name(Encoding encoding) {
    switch (encoding) {
    case Encoding::gzip:
        return "gzip";
    case Encoding::deflate:
        return "deflate";
    case Encoding::br:
        return "br";
    case Encoding::none:
        break;
    }
    return "";
}

Encoding encoding_from_name(std::string_view name) {
    name = trim(name);
    if (ieq(name, "gzip") || ieq(name, "x-gzip")) return Encoding::gzip;
    if (ieq(name, "deflate")) return Encoding::deflate;
    if (ieq(name, "br")) return Encoding::br;
    return Encoding::none;
}

Encoding choose_encoding(std::string_view accept_encoding) {
    bool br = false, gzip = false, deflate = false;
    while (!accept_encoding.empty()) {
        size_t comma = accept_encoding.find(',');
        std::string_view item = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);

        size_t semi = item.find(';');
        Encoding e = encoding_from_name(item.substr(0, semi));
        if (e == Encoding::none) {
            continue;
        }
        bool refused = false;
        while (semi != std::string_view::npos) {
            item.remove_prefix(semi + 1);
            semi = item.find(';');
            std::string_view param = trim(item.substr(0, semi));
            if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q')) {
                std::string_view rest = trim(param.substr(1));
                if (!rest.empty() && rest[0] == '=') {
                    refused = q_is_zero(rest.substr(1));
                }
            }
        }
        if (refused) {
            continue;
        }
        br |= e == Encoding::br;
        gzip |= e == Encoding::gzip;
        deflate |= e == Encoding::deflate;
    }
    return br ? Encoding::br : gzip ? Encoding::gzip : deflate ? Encoding::deflate : Encoding::none;
}

bool content_type_compressible(std::string_view content_type, std::span<const std::string> allowed_types) {
    if (allowed_types.empty()) {
        return true;
    }
    std::string_view media = trim(content_type.substr(0, content_type.find(';')));
    return std::any_of(allowed_types.begin(), allowed_types.end(), [media](const std::string &allowed) {
        std::string_view a(allowed);
        return ieq(trim(a.substr(0, a.find(';'))), media);
    });
}

bool should_compress(Encoding encoding, size_t body_length, size_t min_length, std::string_view content_type,
                     std::span<const std::string> allowed_types) {
    return encoding != Encoding::none && body_length >= min_length && content_type_compressible(content_type, allowed_types);
}

bool compress(Encoding encoding, int level, std::string_view body, std::string &out) {
    switch (encoding) {
    case Encoding::gzip:
    case Encoding::deflate: {
        thread_local Deflater gzip_deflater(MAX_WBITS + 16);
        thread_local Deflater zlib_deflater(MAX_WBITS);
        level = std::clamp(level, Z_BEST_SPEED, Z_BEST_COMPRESSION);
        return (encoding == Encoding::gzip ? gzip_deflater : zlib_deflater).run(level, body, out);
    }
    case Encoding::br: {
        level = std::clamp(level, BROTLI_MIN_QUALITY, BROTLI_MAX_QUALITY);
        size_t bound = BrotliEncoderMaxCompressedSize(body.size());
        if (bound == 0) {
            return false;
        }
        out.resize(bound);
        size_t size = out.size();
        if (!BrotliEncoderCompress(level, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, body.size(),
                                   reinterpret_cast<const uint8_t *>(body.data()), &size,
                                   reinterpret_cast<uint8_t *>(out.data()))) {
            return false;
        }
        out.resize(size);
        return true;
    }
    case Encoding::none:
        break;
    }
    return false;
}

bool decompress(Encoding encoding, std::string_view data, std::string &out, size_t max_output) {
    if (data.size() > 0xffffffffu) {
        return false;
    }
    switch (encoding) {
    case Encoding::gzip:
        return inflate_all(data, MAX_WBITS + 16, true, out, max_output);
    case Encoding::deflate:
        return inflate_all(data, zlib_header_ok(data) ? MAX_WBITS : -MAX_WBITS, false, out, max_output);
    case Encoding::br:
        return brotli_decode(data, out, max_output);
    case Encoding::none:
        break;
    }
    return false;
}

}  // namespace swoole::mod::http

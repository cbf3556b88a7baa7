#include "client/body_decoder.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <string>

namespace swoole::mod::http::client {

namespace {

constexpr size_t kBlock = 16384;  // output piece handed to the sink

}  // namespace

struct BodyDecoder::Streams {
    z_stream zs{};
    bool zs_ready = false;
    std::string head;  // deflate: the first byte while zlib-or-raw is undecided
    BrotliDecoderState *br = nullptr;
};

BodyDecoder::BodyDecoder() : streams_(std::make_unique<Streams>()) {}

BodyDecoder::~BodyDecoder() { end_streams(); }

void BodyDecoder::end_streams() {
    if (streams_->zs_ready) {
        inflateEnd(&streams_->zs);
        streams_->zs_ready = false;
    }
    if (streams_->br) {
        BrotliDecoderDestroyInstance(streams_->br);
        streams_->br = nullptr;
    }
    streams_->head.clear();
}

void BodyDecoder::start(Encoding encoding) {
    end_streams();
    encoding_ = encoding;
    passthrough_ = encoding == Encoding::none;
    produced_ = false;
    seen_input_ = false;
    stream_end_ = false;
    sink_failed_ = false;
}

bool BodyDecoder::emit(const char *data, size_t n, BodySink &sink) {
    if (n == 0) return true;
    produced_ = true;
    if (!sink.write({data, n})) {
        sink_failed_ = true;
        return false;
    }
    return true;
}

bool BodyDecoder::write(std::string_view in, BodySink &sink) {
    if (in.empty()) return true;
    if (passthrough_) return emit(in.data(), in.size(), sink);
    std::string_view piece = in;
    if (encoding_ == Encoding::deflate && !streams_->zs_ready) {
        // zlib-wrapped or raw deflate is told by the first two bytes, which
        // may arrive in separate pieces.
        std::string &head = streams_->head;
        if (head.size() + in.size() < 2) {
            head.append(in);
            return true;
        }
        if (!head.empty()) {
            head.append(in);
            piece = head;
        }
    }
    bool first = !seen_input_;
    seen_input_ = true;
    bool ok = encoding_ == Encoding::br ? brotli_piece(piece, sink) : inflate_piece(piece, sink);
    if (!ok && !sink_failed_ && first && !produced_) {
        // Not compressed after all: hand the body over as it came.
        std::string whole(piece);
        end_streams();
        passthrough_ = true;
        return emit(whole.data(), whole.size(), sink);
    }
    streams_->head.clear();
    return ok;
}

bool BodyDecoder::inflate_piece(std::string_view in, BodySink &sink) {
    z_stream &zs = streams_->zs;
    if (!streams_->zs_ready) {
        // gzip: zlib tells gzip from zlib itself (+32). deflate: a zlib
        // header (RFC 1950: method 8, header a multiple of 31) or raw data.
        int window_bits = MAX_WBITS + 32;
        if (encoding_ == Encoding::deflate) {
            auto b0 = static_cast<unsigned char>(in[0]), b1 = static_cast<unsigned char>(in[1]);
            bool zlib_header = (b0 & 0x0f) == Z_DEFLATED && (b0 * 256 + b1) % 31 == 0;
            window_bits = zlib_header ? MAX_WBITS : -MAX_WBITS;
        }
        zs = {};
        if (inflateInit2(&zs, window_bits) != Z_OK) return false;
        streams_->zs_ready = true;
    }
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    while (zs.avail_in > 0) {
        if (stream_end_) {
            // gzip bodies may hold several members back to back; anything
            // after the end of a deflate stream is not part of it.
            if (encoding_ != Encoding::gzip) return false;
            inflateReset(&zs);
            stream_end_ = false;
        }
        char out[kBlock];
        zs.next_out = reinterpret_cast<Bytef *>(out);
        zs.avail_out = sizeof(out);
        int rc = inflate(&zs, Z_NO_FLUSH);
        size_t n = sizeof(out) - zs.avail_out;
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) return false;
        if (!emit(out, n, sink)) return false;
        if (rc == Z_STREAM_END) {
            stream_end_ = true;
        } else if (rc == Z_BUF_ERROR && n == 0) {
            return false;  // no progress possible
        }
    }
    return true;
}

bool BodyDecoder::brotli_piece(std::string_view in, BodySink &sink) {
    if (!streams_->br) {
        streams_->br = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
        if (!streams_->br) return false;
    }
    const uint8_t *next_in = reinterpret_cast<const uint8_t *>(in.data());
    size_t avail_in = in.size();
    for (;;) {
        uint8_t out[kBlock];
        uint8_t *next_out = out;
        size_t avail_out = sizeof(out);
        BrotliDecoderResult rc =
            BrotliDecoderDecompressStream(streams_->br, &avail_in, &next_in, &avail_out, &next_out, nullptr);
        if (rc == BROTLI_DECODER_RESULT_ERROR) return false;
        if (!emit(reinterpret_cast<const char *>(out), sizeof(out) - avail_out, sink)) return false;
        if (rc == BROTLI_DECODER_RESULT_SUCCESS) {
            stream_end_ = true;
            return true;
        }
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) return true;
        // NEEDS_MORE_OUTPUT: go round with a fresh block.
    }
}

bool BodyDecoder::finish() {
    if (!streams_->head.empty()) return false;  // one byte of a deflate body
    if (passthrough_ || !seen_input_) return true;
    return stream_end_;
}

}  // namespace swoole::mod::http::client

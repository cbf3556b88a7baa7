#include "server/reply_writer.h"

namespace swoole::mod::redis {

size_t write_reply_header(char *buf, char prefix, int64_t n) {
    char digits[20];
    size_t count = 0;
    // Through the unsigned magnitude, so INT64_MIN does not overflow.
    uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    do {
        digits[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    size_t length = 0;
    buf[length++] = prefix;
    if (n < 0) buf[length++] = '-';
    while (count) buf[length++] = digits[--count];
    buf[length++] = '\r';
    buf[length++] = '\n';
    return length;
}

}  // namespace swoole::mod::redis

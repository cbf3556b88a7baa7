#include "protocol/length_type.h"

namespace swoole::kernel {

LengthType LengthType::from_code(char code) {
    switch (code) {
        case 'c': return {code, 1, true, Order::host};
        case 'C': return {code, 1, false, Order::host};
        case 's': return {code, 2, true, Order::host};
        case 'S': return {code, 2, false, Order::host};
        case 'n': return {code, 2, false, Order::big};
        case 'v': return {code, 2, false, Order::little};
        case 'l': return {code, 4, true, Order::host};
        case 'L': return {code, 4, false, Order::host};
        case 'N': return {code, 4, false, Order::big};
        case 'V': return {code, 4, false, Order::little};
        case 'q': return {code, 8, true, Order::host};
        case 'Q': return {code, 8, false, Order::host};
        case 'J': return {code, 8, false, Order::big};
        case 'P': return {code, 8, false, Order::little};
        default: return {};
    }
}

bool LengthType::read(const void *p, uint64_t &value) const {
    const auto *b = static_cast<const unsigned char *>(p);
    Order order = order_;
    if (order == Order::host) {
        order = (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__) ? Order::big : Order::little;
    }
    uint64_t v = 0;
    if (order == Order::big) {
        for (size_t i = 0; i < size_; ++i) v = (v << 8) | b[i];
    } else {
        for (size_t i = size_; i-- > 0;) v = (v << 8) | b[i];
    }
    if (signed_ && size_ > 0) {
        uint64_t sign_bit = uint64_t(1) << (size_ * 8 - 1);
        if (v & sign_bit) return false;  // negative
    }
    value = v;
    return true;
}

}  // namespace swoole::kernel

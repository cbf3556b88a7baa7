// The 64-bit hash of Table keys: 8 bytes at a time, each word folded in with a
// multiply and an xor-shift, then a final avalanche so that the low bits (the
// bucket index) depend on every input byte.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace swoole::kernel {

inline uint64_t table_hash(std::string_view key) {
    constexpr uint64_t kMul = 0x9fb21c651e98df25ULL;
    uint64_t h = 0x2545f4914f6cdd1dULL ^ (key.size() * kMul);
    const char *p = key.data();
    size_t n = key.size();
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        uint64_t w = 0;
        memcpy(&w, p, n);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    }
    h ^= h >> 32;
    h *= kMul;
    h ^= h >> 29;
    return h;
}

}  // namespace swoole::kernel

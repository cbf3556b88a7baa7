// The length field of a length-prefixed protocol, named by a PHP pack() code
// as Swoole's package_length_type option does. The codes Swoole accepts:
//   c / C         1 byte, signed / unsigned
//   s / S         2 bytes, signed / unsigned, host byte order
//   n / v         2 bytes unsigned, big / little endian
//   l / L         4 bytes, signed / unsigned, host byte order
//   N / V         4 bytes unsigned, big / little endian
//   q / Q         8 bytes, signed / unsigned, host byte order
//   J / P         8 bytes unsigned, big / little endian
// Any other code is unknown (size 0): the option is refused where it is set.
#pragma once

#include <cstddef>
#include <cstdint>

namespace swoole::kernel {

class LengthType {
  public:
    enum class Order : uint8_t { host, big, little };

    // The type of a pack() code; !valid() when Swoole does not accept it.
    static LengthType from_code(char code);

    LengthType() = default;
    bool valid() const { return size_ != 0; }
    char code() const { return code_; }
    size_t size() const { return size_; }
    bool is_signed() const { return signed_; }
    Order order() const { return order_; }

    // Reads the field at p (size() bytes, any alignment). False when a signed
    // field holds a negative value, which no packet length can be.
    bool read(const void *p, uint64_t &value) const;

  private:
    constexpr LengthType(char code, uint8_t size, bool is_signed, Order order)
        : code_(code), size_(size), signed_(is_signed), order_(order) {}

    char code_ = 0;
    uint8_t size_ = 0;
    bool signed_ = false;
    Order order_ = Order::host;
};

}  // namespace swoole::kernel

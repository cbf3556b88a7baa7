// The cache of the coroutine gethostbyname(): one address per (family, name),
// each entry valid for `expire` seconds, at most `capacity` entries (the least
// recently used one goes first). Per thread, like the loop it serves.
// Defaults as Swoole's dns_cache_expire / dns_cache_capacity: 60 s, 1000.
#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>

namespace swoole::kernel {

class DnsCache {
  public:
    using Clock = std::chrono::steady_clock;
    static constexpr double kDefaultExpire = 60;
    static constexpr size_t kDefaultCapacity = 1000;

    static DnsCache &instance();  // the calling thread's

    // expire <= 0 or capacity 0 disable caching (and drop what is cached).
    void set_expire(double seconds);
    void set_capacity(size_t capacity);
    double expire() const { return expire_; }
    size_t capacity() const { return capacity_; }

    // The cached address, or false when absent or expired (an expired entry is dropped).
    bool get(int family, const std::string &name, std::string &address);
    void put(int family, const std::string &name, const std::string &address);
    void clear();
    size_t size() const { return map_.size(); }

  private:
    struct Item {
        std::string key;
        std::string address;
        Clock::time_point expires;
    };
    static std::string key_of(int family, const std::string &name);
    void trim();

    double expire_ = kDefaultExpire;
    size_t capacity_ = kDefaultCapacity;
    std::list<Item> lru_;  // most recently used first
    std::unordered_map<std::string, std::list<Item>::iterator> map_;
};

}  // namespace swoole::kernel

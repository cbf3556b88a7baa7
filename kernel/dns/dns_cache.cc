#include "dns/dns_cache.h"

namespace swoole::kernel {

DnsCache &DnsCache::instance() {
    thread_local DnsCache cache;
    return cache;
}

std::string DnsCache::key_of(int family, const std::string &name) {
    std::string key = std::to_string(family);
    key += '/';
    // Host names compare without regard to case.
    for (char c : name) key += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    return key;
}

void DnsCache::set_expire(double seconds) {
    expire_ = seconds;
    if (expire_ <= 0) clear();
}

void DnsCache::set_capacity(size_t capacity) {
    capacity_ = capacity;
    trim();
}

bool DnsCache::get(int family, const std::string &name, std::string &address) {
    auto it = map_.find(key_of(family, name));
    if (it == map_.end()) return false;
    if (Clock::now() >= it->second->expires) {
        lru_.erase(it->second);
        map_.erase(it);
        return false;
    }
    lru_.splice(lru_.begin(), lru_, it->second);
    address = it->second->address;
    return true;
}

void DnsCache::put(int family, const std::string &name, const std::string &address) {
    if (expire_ <= 0 || capacity_ == 0) return;
    std::string key = key_of(family, name);
    auto expires = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(expire_));
    auto it = map_.find(key);
    if (it != map_.end()) {
        it->second->address = address;
        it->second->expires = expires;
        lru_.splice(lru_.begin(), lru_, it->second);
        return;
    }
    lru_.push_front(Item{key, address, expires});
    map_.emplace(std::move(key), lru_.begin());
    trim();
}

void DnsCache::clear() {
    lru_.clear();
    map_.clear();
}

void DnsCache::trim() {
    while (map_.size() > capacity_) {
        map_.erase(lru_.back().key);
        lru_.pop_back();
    }
}

}  // namespace swoole::kernel

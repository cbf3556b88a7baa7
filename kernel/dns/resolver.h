// Name resolution for coroutines, never blocking the loop:
//  - resolve_addrinfo / gethostbyname: the system resolver (getaddrinfo: the
//    hosts file, nsswitch, resolv.conf) run on an Aio thread; gethostbyname
//    answers from and fills the DnsCache.
//  - dns_lookup: a pure asynchronous lookup over UDP with libevent's evdns on
//    the loop, against a chosen nameserver (Swoole's dns_server option) or the
//    ones of resolv.conf, after a look in the hosts file.
// All park the current coroutine. On failure they return false with last_error
// set: SW_ERROR_DNSLOOKUP_RESOLVE_FAILED, SW_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT,
// SW_ERROR_CO_CANCELED, SW_ERROR_DNSLOOKUP_NO_SERVER (a nameserver address that
// does not parse), or SW_ERROR_CO_OUT_OF_COROUTINE.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include <string>
#include <vector>

namespace swoole::kernel {

struct AddrInfoRequest {
    std::string host;
    int family = AF_INET;
    int socktype = SOCK_STREAM;
    int protocol = IPPROTO_TCP;
    std::string service;  // empty: none
};

// Every address getaddrinfo() gives, as text, in its order. timeout <= 0: none.
bool resolve_addrinfo(const AddrInfoRequest &request, double timeout, std::vector<std::string> &addresses);

// The first address of name in family (AF_INET or AF_INET6), cached.
bool gethostbyname(const std::string &name, int family, double timeout, std::string &address);

struct DnsLookupOptions {
    std::string nameserver;  // "ip", "ip:port" or "[ipv6]:port"; empty: from resolv_conf
    std::string resolv_conf = "/etc/resolv.conf";
    std::string hosts_file = "/etc/hosts";  // empty: none
};

// The first address of name in family through evdns. timeout <= 0: 60 s.
bool dns_lookup(const std::string &name, int family, double timeout, const DnsLookupOptions &options,
                std::string &address);

// The getaddrinfo()/evdns error code of the last failed resolution on this thread.
int last_resolver_error();

}  // namespace swoole::kernel

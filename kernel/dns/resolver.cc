#include "dns/resolver.h"

#include <arpa/inet.h>
#include <event2/dns.h>
#include <event2/event.h>
#include <event2/event_struct.h>
#include <event2/util.h>
#include <netdb.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "aio/aio.h"
#include "base/error.h"
#include "base/log.h"
#include "coroutine/coroutine.h"
#include "dns/dns_cache.h"
#include "reactor/reactor.h"

namespace swoole::kernel {

namespace {

thread_local int t_resolver_error = 0;

bool address_text(const sockaddr *sa, std::string &out) {
    char buf[INET6_ADDRSTRLEN];
    const void *src = nullptr;
    if (sa->sa_family == AF_INET) src = &reinterpret_cast<const sockaddr_in *>(sa)->sin_addr;
    if (sa->sa_family == AF_INET6) src = &reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_addr;
    if (!src || !inet_ntop(sa->sa_family, src, buf, sizeof buf)) return false;
    out = buf;
    return true;
}

// A literal address of the family, normalized; false when name is not one.
bool literal_address(const std::string &name, int family, std::string &out) {
    unsigned char bin[sizeof(in6_addr)];
    char buf[INET6_ADDRSTRLEN];
    if (inet_pton(family, name.c_str(), bin) != 1) return false;
    if (!inet_ntop(family, bin, buf, sizeof buf)) return false;
    out = buf;
    return true;
}

bool fail(WaitResult r) {
    switch (r) {
        case WaitResult::timeout: set_last_error(SW_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT); break;
        case WaitResult::canceled: set_last_error(SW_ERROR_CO_CANCELED); break;
        case WaitResult::error: break;  // already set
        default: set_last_error(SW_ERROR_DNSLOOKUP_RESOLVE_FAILED); break;
    }
    return false;
}

timeval to_timeval(double seconds) {
    double whole = std::floor(seconds);
    return {static_cast<time_t>(whole), static_cast<suseconds_t>((seconds - whole) * 1e6)};
}

}  // namespace

int last_resolver_error() { return t_resolver_error; }

// ---- the system resolver on an Aio thread ----

bool resolve_addrinfo(const AddrInfoRequest &request, double timeout, std::vector<std::string> &addresses) {
    struct Job {
        AddrInfoRequest request;
        int rc = 0;
        std::vector<std::string> addresses;
    };
    auto job = std::make_shared<Job>();
    job->request = request;
    WaitResult r = Aio::run(
        [job] {
            addrinfo hints{};
            hints.ai_family = job->request.family;
            hints.ai_socktype = job->request.socktype;
            hints.ai_protocol = job->request.protocol;
            addrinfo *res = nullptr;
            const char *service = job->request.service.empty() ? nullptr : job->request.service.c_str();
            job->rc = ::getaddrinfo(job->request.host.c_str(), service, &hints, &res);
            if (job->rc != 0) return;
            for (addrinfo *ai = res; ai; ai = ai->ai_next) {
                std::string text;
                if (address_text(ai->ai_addr, text)) job->addresses.push_back(std::move(text));
            }
            ::freeaddrinfo(res);
        },
        timeout);
    if (r != WaitResult::ready) return fail(r);
    if (job->rc != 0 || job->addresses.empty()) {
        t_resolver_error = job->rc != 0 ? job->rc : EAI_NODATA;
        return fail(WaitResult::ready);
    }
    addresses = std::move(job->addresses);
    return true;
}

bool gethostbyname(const std::string &name, int family, double timeout, std::string &address) {
    if (literal_address(name, family, address)) return true;
    DnsCache &cache = DnsCache::instance();
    if (cache.get(family, name, address)) return true;
    AddrInfoRequest request;
    request.host = name;
    request.family = family;
    std::vector<std::string> addresses;
    if (!resolve_addrinfo(request, timeout, addresses)) return false;
    address = addresses.front();
    cache.put(family, name, address);
    return true;
}

// ---- evdns ----

namespace {

// One lookup: its own evdns_base (so no state, probe timer or socket outlives
// it), freed once the request is over. Heap-allocated: after a timeout or a
// cancel the request's callback still comes (libevent defers it), and the
// object must be there for it.
struct Lookup {
    Reactor *reactor = nullptr;
    evdns_base *dns = nullptr;
    evdns_getaddrinfo_request *request = nullptr;
    int64_t cid = -1;
    int family = AF_INET;
    bool finished = false;   // the callback came
    bool waiting = false;    // the coroutine is parked on it
    bool timed_out = false;
    bool abandoned = false;  // the coroutine left; the callback frees it
    int rc = 0;
    std::string address;
    struct event wake;       // resumes the coroutine from the loop, never from inside evdns
};

void destroy_lookup(void *arg) {
    auto *lookup = static_cast<Lookup *>(arg);
    if (lookup->dns) evdns_base_free(lookup->dns, 0);
    delete lookup;
}

void on_wake(evutil_socket_t, short what, void *arg) {
    auto *lookup = static_cast<Lookup *>(arg);
    if (!lookup->finished) lookup->timed_out = true;
    Coroutine::wake(lookup->cid);
}

void on_addrinfo(int rc, evutil_addrinfo *res, void *arg) {
    auto *lookup = static_cast<Lookup *>(arg);
    lookup->finished = true;
    lookup->rc = rc;
    for (evutil_addrinfo *ai = res; rc == 0 && ai; ai = ai->ai_next) {
        if (ai->ai_family == lookup->family && address_text(ai->ai_addr, lookup->address)) break;
    }
    if (res) evutil_freeaddrinfo(res);
    if (lookup->abandoned) {
        lookup->reactor->defer(destroy_lookup, lookup);
    } else if (lookup->waiting) {
        event_active(&lookup->wake, EV_READ, 1);
    }
}

}  // namespace

bool dns_lookup(const std::string &name, int family, double timeout, const DnsLookupOptions &options,
                std::string &address) {
    Coroutine *co = Coroutine::current();
    if (!co) {
        set_last_error(SW_ERROR_CO_OUT_OF_COROUTINE);
        return false;
    }
    Reactor *reactor = Reactor::current();
    if (!reactor) {
        set_last_error(SW_ERROR_WRONG_OPERATION);
        return false;
    }
    if (literal_address(name, family, address)) return true;
    if (timeout <= 0) timeout = 60;

    // evdns reports to stderr by default ("Nameserver ... has failed"): the
    // outcome reaches the caller as an error code, the details go to the
    // debug log.
    static bool log_routed = false;
    if (!log_routed) {
        log_routed = true;
        evdns_set_log_fn([](int, const char *msg) {
            Logger &logger = Logger::instance();
            if (static_cast<int>(LogLevel::debug) >= logger.level()) {
                logger.writef(static_cast<int>(LogLevel::debug), "evdns: %s", msg);
            }
        });
    }

    auto *lookup = new Lookup;
    lookup->reactor = reactor;
    lookup->cid = co->id();
    lookup->family = family;
    lookup->dns = evdns_base_new(reactor->base(), 0);
    if (!lookup->dns) {
        delete lookup;
        set_last_error(SW_ERROR_SYSTEM_CALL_FAIL);
        return false;
    }
    if (!options.nameserver.empty()) {
        // Parsed here, so that a bad address gets our error, not a libevent log line.
        sockaddr_storage ss{};
        int len = sizeof ss;
        bool parsed =
            evutil_parse_sockaddr_port(options.nameserver.c_str(), reinterpret_cast<sockaddr *>(&ss), &len) == 0;
        if (parsed) {
            // No port given: the DNS port.
            if (ss.ss_family == AF_INET && reinterpret_cast<sockaddr_in &>(ss).sin_port == 0) {
                reinterpret_cast<sockaddr_in &>(ss).sin_port = htons(53);
            } else if (ss.ss_family == AF_INET6 && reinterpret_cast<sockaddr_in6 &>(ss).sin6_port == 0) {
                reinterpret_cast<sockaddr_in6 &>(ss).sin6_port = htons(53);
            }
        }
        if (!parsed || evdns_base_nameserver_sockaddr_add(lookup->dns, reinterpret_cast<sockaddr *>(&ss), len, 0) != 0) {
            destroy_lookup(lookup);
            set_last_error(SW_ERROR_DNSLOOKUP_NO_SERVER);
            return false;
        }
    } else {
        // Without a usable resolv.conf libevent falls back to 127.0.0.1.
        evdns_base_resolv_conf_parse(lookup->dns, DNS_OPTION_NAMESERVERS, options.resolv_conf.c_str());
    }
    if (!options.hosts_file.empty()) evdns_base_load_hosts(lookup->dns, options.hosts_file.c_str());
    // Retransmit a few times within the timeout; the timer below ends the
    // lookup first, so the outcome "timeout" is ours, not evdns's.
    char per_try[32];
    std::snprintf(per_try, sizeof per_try, "%.3f", std::max(timeout / 3, 0.01));
    evdns_base_set_option(lookup->dns, "timeout:", per_try);
    evdns_base_set_option(lookup->dns, "attempts:", "4");

    event_assign(&lookup->wake, reactor->base(), -1, 0, on_wake, lookup);
    evutil_addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    lookup->request = evdns_getaddrinfo(lookup->dns, name.c_str(), nullptr, &hints, on_addrinfo, lookup);

    bool canceled = false;
    if (!lookup->finished) {
        timeval tv = to_timeval(timeout);
        event_add(&lookup->wake, &tv);
        lookup->waiting = true;
        while (!lookup->finished && !lookup->timed_out) {
            if (Coroutine::park() == WaitResult::canceled) {
                canceled = true;
                break;
            }
        }
        lookup->waiting = false;
        event_del(&lookup->wake);
    }
    if (!lookup->finished) {
        // The callback still comes (with EVUTIL_EAI_CANCEL) and frees it.
        lookup->abandoned = true;
        evdns_getaddrinfo_cancel(lookup->request);
        return fail(canceled ? WaitResult::canceled : WaitResult::timeout);
    }
    int rc = lookup->rc;
    std::string found = lookup->address;
    destroy_lookup(lookup);
    if (rc != 0 || found.empty()) {
        t_resolver_error = rc != 0 ? rc : EVUTIL_EAI_NODATA;
        return fail(WaitResult::ready);
    }
    address = std::move(found);
    return true;
}

}  // namespace swoole::kernel

/*
 * The module boundary: plain C, versioned, the only thing a module and the
 * host (the kernel, inside swoole.so or a test host) share.
 *
 * A module is a shared object exporting one symbol, `swoole_module_descriptor`,
 * that returns a const descriptor. The host checks the descriptor, then hands
 * the module a table of host functions (struct sw_host_api). Both structs start
 * with their own size so either side can tell which fields the other knows:
 * the table only grows, new fields are appended, and a module checks
 * SW_HOST_HAS(api, field) before using a field newer than the ABI it was built
 * against.
 *
 * Rules of the ABI version:
 *   - major: bumped when anything already published changes meaning or layout;
 *     the host refuses a module whose major differs from its own.
 *   - minor: bumped when fields are appended; the host refuses a module whose
 *     minor is newer than its own (the module could call what is not there).
 */
#ifndef SWOOLE_SDK_MODULE_H
#define SWOOLE_SDK_MODULE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h> /* ssize_t */

#ifdef __cplusplus
extern "C" {
#endif

#define SW_MODULE_ABI_MAJOR 1
#define SW_MODULE_ABI_MINOR 3

/* The one symbol a module exports. */
#define SW_MODULE_ENTRY_SYMBOL "swoole_module_descriptor"

#if defined(__GNUC__)
#define SW_MODULE_EXPORT __attribute__((visibility("default")))
#else
#define SW_MODULE_EXPORT
#endif

/* True when the table `api` is large enough to hold `field`. */
#define SW_HOST_HAS(api, field)                                                       \
    ((api) != NULL && (api)->struct_size >= offsetof(sw_host_api, field) + sizeof((api)->field) && \
     (api)->field != NULL)

/* ---- log levels (the numbers of SWOOLE_LOG_*) ---- */
enum sw_log_level {
    SW_LOG_DEBUG = 0,
    SW_LOG_TRACE = 1,
    SW_LOG_INFO = 2,
    SW_LOG_NOTICE = 3,
    SW_LOG_WARNING = 4,
    SW_LOG_ERROR = 5,
    SW_LOG_NONE = 6,
};

/* ---- fd interest (the numbers of SWOOLE_EVENT_*) ---- */
enum sw_fd_event {
    SW_EVENT_READ = 512,
    SW_EVENT_WRITE = 1024,
};

/* Results of the parking primitives. */
enum sw_wait_result {
    SW_WAIT_READY = 0,    /* the fd is ready / woken up / slept the full time */
    SW_WAIT_TIMEOUT = 1,  /* the timeout passed first */
    SW_WAIT_CANCELED = 2, /* the coroutine was canceled while parked */
    SW_WAIT_ERROR = -1,   /* not in a coroutine, or bad arguments; see last_error */
};

typedef void (*sw_callback)(void *arg);

/*
 * Server protocols (ABI 1.1). A protocol turns the bytes of one server
 * connection into requests: the server reads into the connection's input
 * buffer and calls `input`; the protocol looks at the buffered bytes
 * (sw_host_api.conn_input), hands each complete request to the server
 * (conn_deliver: the port's receive callback runs with a view of it), writes
 * responses (conn_send) and says how much it used (conn_consume). Views only:
 * nothing is copied across the boundary. Registered by name from a module's
 * load hook; a server port then uses it by that name.
 */
typedef struct sw_server_conn sw_server_conn; /* opaque: one connection */

typedef struct sw_server_protocol {
    uint32_t struct_size; /* sizeof(sw_server_protocol) as the module built it */
    const char *name;     /* [a-z0-9_]+, unique among registered protocols */
    void *self;           /* handed back as the first argument of every call */
    /* Connection established (accepted, TLS done), before the connect
     * callback. *state: the protocol's per-connection state (may stay NULL).
     * Non-zero (an SW_ERROR_* code or errno) resets the connection. Optional. */
    int (*open)(void *self, sw_server_conn *conn, void **state);
    /* Bytes were added to the input. 0 keeps reading; an error code closes
     * (resets) the connection with it. Once conn_deliver() returned non-zero
     * the protocol must return at once. Required. */
    int (*input)(void *self, void *state, sw_server_conn *conn);
    /* The connection is going away; once per successful open(). Optional. */
    void (*close)(void *self, void *state, sw_server_conn *conn);
} sw_server_protocol;
typedef void (*sw_timer_callback)(int64_t timer_id, void *arg);

/*
 * Coroutine client sockets (ABI 1.2): the kernel's coroutine socket behind an
 * opaque handle, for client modules (redis, http, mysql, ...). Every call that
 * waits parks the calling coroutine only; the loop keeps running.
 * Timeouts in seconds: > 0 that long, 0 the kernel's default for the kind
 * (Swoole\Coroutine\Socket's defaults), < 0 no limit.
 */
typedef struct sw_socket sw_socket; /* opaque */

/* Client TLS options (the ssl_* settings of 4.8's clients). Zero/NULL fields
 * take OpenSSL's defaults; struct_size lets the table grow. */
typedef struct sw_tls_options {
    uint32_t struct_size;     /* sizeof(sw_tls_options) as the module built it */
    int verify_peer;          /* ssl_verify_peer */
    int allow_self_signed;    /* ssl_allow_self_signed (with verify_peer) */
    const char *host_name;    /* ssl_host_name: SNI and the name verified; NULL: the connect host */
    const char *cafile;       /* ssl_cafile */
    const char *capath;       /* ssl_capath */
    const char *cert_file;    /* ssl_cert_file (client certificate) */
    const char *key_file;     /* ssl_key_file */
    const char *passphrase;   /* ssl_passphrase */
    const char *alpn;         /* comma-separated, most preferred first: "h2,http/1.1"; NULL none */
} sw_tls_options;

/*
 * The PHP side of a server protocol (ABI 1.2, filled by swoole.so; NULL in a
 * host without PHP). In the process that runs PHP (a worker), each request a
 * protocol delivered with conn_deliver on a port using that protocol goes to
 * the protocol's request handler instead of the port's receive callback.
 */
typedef struct sw_server_request {
    uint32_t struct_size;
    int64_t session;    /* the PHP API's $fd */
    int reactor_id;     /* the PHP API's $reactor_id */
    int port_index;     /* index in $server->ports */
    const char *data;   /* what the protocol delivered: valid until the handler returns */
    size_t length;      /* (or first yields: copy what you keep before any wait) */
} sw_server_request;
/* A connection as getClientInfo() describes it. */
typedef struct sw_client_info {
    uint32_t struct_size;  /* set by the caller: sizeof(sw_client_info) */
    int server_port;       /* the listening port */
    int server_fd;
    int socket_type;       /* SWOOLE_SOCK_* */
    int remote_port;
    char remote_ip[64];    /* text form; "" for unix sockets */
    double connect_time;   /* unix time, seconds */
    double last_time;      /* last receive (the master's clock in PROCESS mode) */
} sw_client_info;

/* server: the Swoole\Server object (a zend_object *). Runs in a coroutine of
 * its own when the server has enable_coroutine (the default). */
typedef void (*sw_request_handler)(void *self, void *server, const sw_server_request *request);
/* A connection of a port using the protocol is gone (ABI 1.3): in the worker
 * that got its requests, after the port's close callback, so per-connection
 * state kept in the worker (an HTTP/2 session) can be freed. */
typedef void (*sw_close_handler)(void *self, void *server, int64_t session);

/*
 * Host functions. Field order is the ABI: append only.
 * Coroutine ids are int64 (1, 2, ...; -1 outside any coroutine).
 */
typedef struct sw_host_api {
    uint32_t struct_size;
    uint16_t abi_major;
    uint16_t abi_minor;
    const char *kernel_version;

    /* errors and logging */
    void (*log)(int level, const char *message);
    void (*set_last_error)(int code);
    int (*last_error)(void);
    const char *(*strerror)(int code); /* kernel's table, strerror() below 500 */

    /* reactor of the calling thread */
    int64_t (*timer_after)(uint64_t ms, sw_timer_callback cb, void *arg);
    int64_t (*timer_tick)(uint64_t ms, sw_timer_callback cb, void *arg);
    int (*timer_clear)(int64_t timer_id); /* 1 cleared, 0 no such timer */
    int (*defer)(sw_callback cb, void *arg);
    int (*loop_run)(void); /* runs until nothing is left or stopped */
    void (*loop_stop)(void);

    /* coroutines */
    int64_t (*co_create)(sw_callback fn, void *arg); /* runs fn at once; -1 on failure */
    int64_t (*co_id)(void);
    int (*co_park)(void);             /* waits for co_wake or cancel; sw_wait_result */
    int (*co_wake)(int64_t cid);      /* 1 woken, 0 no such parked coroutine */
    int (*co_sleep)(double seconds);  /* sw_wait_result */
    int (*co_wait_fd)(int fd, int events, double timeout_seconds); /* sw_wait_result; timeout < 0: none */

    /* ---- ABI 1.1: server protocols (see sw_server_protocol) ---- */
    /* 0, or -1 with last_error: a NULL/unnamed table or one without input
     * (SW_ERROR_INVALID_PARAMS 505), or the name taken (EEXIST).
     * The table must outlive its registration. */
    int (*protocol_register)(const sw_server_protocol *protocol);
    int (*protocol_unregister)(const char *name); /* 1 removed, 0 unknown */
    const sw_server_protocol *(*protocol_find)(const char *name);
    int64_t (*conn_session)(const sw_server_conn *conn); /* the PHP API's $fd */
    /* Received bytes not consumed yet (valid until input() returns). */
    const char *(*conn_input)(sw_server_conn *conn, size_t *length);
    void (*conn_consume)(sw_server_conn *conn, size_t n);
    /* The next packet by the port's built-in framing (EOF/length settings):
     * 1 and a view, 0 when more bytes are needed, or -code. */
    int (*conn_next_packet)(sw_server_conn *conn, const char **data, size_t *length);
    /* A complete request to the receive callback. 0 go on; 1 the connection
     * stopped reading (paused, closing, closed): return from input() now. */
    int (*conn_deliver)(sw_server_conn *conn, const char *data, size_t length);
    int (*conn_send)(sw_server_conn *conn, const char *data, size_t length); /* 0 or an error code */
    int (*conn_close)(sw_server_conn *conn, int reset); /* after flushing unless reset */

    /* ---- ABI 1.2: coroutine client sockets (see sw_socket) ---- */
    /* TCP to host:port (a name is resolved without blocking the loop; IPv6
     * literals too) or, with port 0 and host "unix:/path" or "/path", a unix
     * stream socket. NULL with last_error (errno, SW_ERROR_DNSLOOKUP_RESOLVE_FAILED,
     * ETIMEDOUT, ECONNREFUSED...). Must be called in a coroutine. */
    sw_socket *(*socket_connect)(const char *host, int port, double timeout);
    /* TLS over a connected socket and its handshake: 0, or -1 with last_error
     * (SW_ERROR_SSL_* codes). options may be NULL (no verification). */
    int (*socket_enable_tls)(sw_socket *sock, const sw_tls_options *options, double timeout);
    /* The ALPN protocol the peer chose (NULL when none); *length set. */
    const char *(*socket_alpn)(const sw_socket *sock, size_t *length);
    /* Sends all of it: n, or -1 with last_error (ETIMEDOUT, ECONNRESET, EPIPE...). */
    ssize_t (*socket_send)(sw_socket *sock, const void *data, size_t n, double timeout);
    /* Some bytes: > 0, 0 when the peer closed, -1 with last_error (ETIMEDOUT...). */
    ssize_t (*socket_recv)(sw_socket *sock, void *buf, size_t n, double timeout);
    int (*socket_fd)(const sw_socket *sock); /* -1 once closed */
    /* Closes the fd; a coroutine waiting on the socket returns -1 with
     * last_error ECONNRESET... The handle stays valid until socket_free. */
    void (*socket_close)(sw_socket *sock);
    void (*socket_free)(sw_socket *sock); /* closes if needed; no coroutine may be using it */

    /* ---- ABI 1.2: the PHP side of the server (see sw_server_request) ---- */
    /* handler for every request protocol `name` delivers in this process.
     * 0, or -1 with last_error: unknown protocol (SW_ERROR_INVALID_PARAMS). */
    int (*server_set_request_handler)(const char *name, sw_request_handler handler, void *self);
    /* A Server class extending Swoole\Server (class_entry: a zend_class_entry *)
     * whose start() forces protocol `name` onto its primary port (recorded in
     * $setting as open_<name>_protocol => true, open_eof_check and
     * open_length_check => false): Http\Server -> "http", Redis\Server ->
     * "redis". required_event (may be NULL): start() fails with the fatal
     * "require on<Event> callback" when the primary port has none ("request").
     * On any port of any server, settings "open_<name>_protocol" => true select
     * a registered protocol too. 0, or -1 with last_error. */
    int (*server_class_protocol)(void *class_entry, const char *name, const char *required_event);
    /* The callable (a zval *) of `event` (an on() name without "on",
     * case-insensitive: "request", "message", ...) for the port the session
     * came in on: the port's own, else the primary port's; NULL when none. */
    void *(*server_port_callback)(void *server, int64_t session, const char *event);
    /* Calls a callable (zval *) with argc zvals (zval *argv) the way the server
     * calls its own callbacks: an exception escaping it is the uncaught-exception
     * fatal of the worker. 0, or -1 when the call failed. On -1 with an
     * exception pending, return from the request handler at once: the fatal
     * is raised once the handler returned (never unwinding module frames). */
    int (*server_call)(void *server, void *callable, uint32_t argc, void *argv);
    /* From any worker (either mode): 0, or an error code: SW_ERROR_SESSION_NOT_EXIST
     * (1005) closed or unknown, SW_ERROR_OUTPUT_BUFFER_OVERFLOW (1009) the
     * connection's output buffer is full. */
    int (*server_send)(void *server, int64_t session, const char *data, size_t length);
    int (*server_sendfile)(void *server, int64_t session, const char *path, uint64_t offset, uint64_t length);
    int (*server_close)(void *server, int64_t session, int reset); /* 0 or an error code */
    /* What getClientInfo() reports, without building a PHP array: 0, or
     * SW_ERROR_SESSION_NOT_EXIST. */
    int (*server_client_info)(void *server, int64_t session, sw_client_info *info);

    /* ---- ABI 1.3: what a protocol may know of its connection ---- */
    /* package_max_length of the port the connection came in on (its own
     * set() or the primary port's), so a protocol enforces per-port limits. */
    size_t (*conn_package_max_length)(const sw_server_conn *conn);
    /* The ALPN protocol negotiated on a TLS connection ("h2", "http/1.1");
     * NULL (and *length 0) when none was or the port is not TLS. */
    const char *(*conn_alpn)(const sw_server_conn *conn, size_t *length);
    /* handler for every closed connection of protocol `name` in this process
     * (see sw_close_handler); NULL in a host without PHP. 0, or -1 with
     * last_error: unknown protocol (SW_ERROR_INVALID_PARAMS). */
    int (*server_set_close_handler)(const char *name, sw_close_handler handler, void *self);
} sw_host_api;

enum sw_dependency_kind {
    SW_DEP_REQUIRED = 0, /* refused when missing; loaded first */
    SW_DEP_OPTIONAL = 1, /* loaded first when present */
    SW_DEP_CONFLICTS = 2 /* refused when the other is loaded */
};

typedef struct sw_module_dependency {
    const char *name;
    int kind; /* sw_dependency_kind */
} sw_module_dependency;

/* A library a module uses, shown by `php --ri swoole`. */
typedef struct sw_module_library {
    const char *name;
    const char *version;
} sw_module_library;

/* What a PHP-facing hook receives (ints to keep PHP headers out of the ABI). */
typedef struct sw_php_context {
    int module_number; /* the swoole extension's module number */
    int type;          /* MODULE_PERSISTENT / MODULE_TEMPORARY */
} sw_php_context;

typedef struct sw_module_descriptor {
    uint32_t struct_size;
    uint16_t abi_major;
    uint16_t abi_minor;
    const char *name;    /* unique, [a-z0-9_]+ */
    const char *version; /* the module's own version */
    uint32_t php_api;    /* ZEND_MODULE_API_NO it was built for; 0 = no PHP binding */

    const sw_module_dependency *dependencies; /* terminated by {NULL, 0}; may be NULL */
    /* Libraries in use with their versions, terminated by {NULL, NULL}; may be NULL. */
    const sw_module_library *(*libraries)(void);

    /* Lifecycle hooks; every one may be NULL. Nonzero from load refuses the module. */
    int (*load)(const sw_host_api *host);
    int (*register_classes)(const sw_php_context *php); /* at MINIT */
    void (*request_start)(void);                        /* RINIT */
    void (*request_end)(void);                          /* RSHUTDOWN */
    void (*worker_start)(int worker_id);
    void (*worker_stop)(int worker_id);
    void (*unload)(void);
} sw_module_descriptor;

typedef const sw_module_descriptor *(*sw_module_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* SWOOLE_SDK_MODULE_H */

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

#ifdef __cplusplus
extern "C" {
#endif

#define SW_MODULE_ABI_MAJOR 1
#define SW_MODULE_ABI_MINOR 1

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

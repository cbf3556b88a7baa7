// SWOOLE_HOOK_FILE: the plain-files wrapper's operations (open, stat, unlink,
// rename, mkdir, rmdir, opendir) with their system calls run through
// run_blocking(), and the streams it opens from file_stream.cc. Hooking swaps
// the wrapper's operation table in place, so PHP keeps recognising the wrapper
// as its plain-files one everywhere it compares (stat cache, touch, chmod...).
//
// Left to PHP's own (blocking) code: include/require opens, persistent opens,
// invalid fopen modes, recursive mkdir, rename across file systems (copy) and
// the metadata calls (touch, chmod, chown).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/blocking_call.h"
#include "runtime/file_stream.h"
#include "runtime/runtime.h"

extern "C" {
#include "ext/standard/php_filestat.h"
#include "main/php_streams.h"
#include "main/streams/php_stream_plain_wrapper.h"
}

namespace swoole::php::runtime {
namespace {

const php_stream_wrapper_ops *g_original = nullptr;  // PHP's table while ours is installed
php_stream_wrapper_ops g_hooked;

constexpr char kFileScheme[] = "file://";
constexpr size_t kFileSchemeLen = sizeof(kFileScheme) - 1;

const char *strip_scheme(const char *url) {
    return strncasecmp(url, kFileScheme, kFileSchemeLen) == 0 ? url + kFileSchemeLen : url;
}

php_stream *hooked_open(php_stream_wrapper *wrapper, const char *path, const char *mode, int options,
                        zend_string **opened_path, php_stream_context *context STREAMS_DC) {
    int flags = 0;
    if ((options & (STREAM_OPEN_FOR_INCLUDE | STREAM_OPEN_PERSISTENT)) ||
        php_stream_parse_fopen_modes(mode, &flags) == FAILURE) {
        return g_original->stream_opener(wrapper, path, mode, options, opened_path, context STREAMS_REL_CC);
    }
    if (!(options & STREAM_DISABLE_OPEN_BASEDIR) && php_check_open_basedir(path)) return nullptr;
    char real[MAXPATHLEN];
    if (options & STREAM_ASSUME_REALPATH) {
        strlcpy(real, path, sizeof real);
    } else if (!expand_filepath(path, real)) {
        return nullptr;
    }
    int fd = blocking([&real, flags] { return ::open(real, flags, 0666); });
    if (fd < 0) return nullptr;  // errno tells the caller why
    php_stream *stream = file_stream_from_fd(fd, mode STREAMS_REL_CC);
    if (!stream) {
        ::close(fd);
        return nullptr;
    }
    if (opened_path) *opened_path = zend_string_init(real, strlen(real), 0);
    return stream;
}

int hooked_url_stat(php_stream_wrapper *, const char *url, int flags, php_stream_statbuf *ssb,
                    php_stream_context *) {
    url = strip_scheme(url);
    if (php_check_open_basedir_ex(url, (flags & PHP_STREAM_URL_STAT_QUIET) ? 0 : 1)) return -1;
    bool link = flags & PHP_STREAM_URL_STAT_LINK;
    return blocking([url, link, ssb] { return link ? ::lstat(url, &ssb->sb) : ::stat(url, &ssb->sb); });
}

php_stream *hooked_opendir(php_stream_wrapper *wrapper, const char *path, const char *mode, int options,
                           zend_string **opened_path, php_stream_context *context STREAMS_DC) {
    if (options & STREAM_USE_GLOB_DIR_OPEN) {
        return g_original->dir_opener(wrapper, path, mode, options, opened_path, context STREAMS_REL_CC);
    }
    if (!(options & STREAM_DISABLE_OPEN_BASEDIR) && php_check_open_basedir(path)) return nullptr;
    DIR *dir = blocking([path] { return ::opendir(path); });
    if (!dir) return nullptr;
    php_stream *stream = dir_stream_from(dir, mode STREAMS_REL_CC);
    if (!stream) ::closedir(dir);
    return stream;
}

int hooked_unlink(php_stream_wrapper *, const char *url, int options, php_stream_context *) {
    url = strip_scheme(url);
    if (php_check_open_basedir(url)) return 0;
    if (blocking([url] { return ::unlink(url); }) == -1) {
        if (options & REPORT_ERRORS) php_error_docref1(nullptr, url, E_WARNING, "%s", strerror(errno));
        return 0;
    }
    php_clear_stat_cache(1, nullptr, 0);
    return 1;
}

int hooked_rename(php_stream_wrapper *wrapper, const char *url_from, const char *url_to, int options,
                  php_stream_context *context) {
    if (!url_from || !url_to) return 0;
    const char *from = strip_scheme(url_from), *to = strip_scheme(url_to);
    if (php_check_open_basedir(from) || php_check_open_basedir(to)) return 0;
    if (blocking([from, to] { return ::rename(from, to); }) == -1) {
        // Across file systems PHP copies; that path stays PHP's.
        if (errno == EXDEV) return g_original->rename(wrapper, url_from, url_to, options, context);
        php_error_docref2(nullptr, from, to, E_WARNING, "%s", strerror(errno));
        return 0;
    }
    php_clear_stat_cache(1, nullptr, 0);
    return 1;
}

int hooked_mkdir(php_stream_wrapper *wrapper, const char *url, int mode, int options, php_stream_context *context) {
    if (options & PHP_STREAM_MKDIR_RECURSIVE) return g_original->stream_mkdir(wrapper, url, mode, options, context);
    const char *dir = strip_scheme(url);
    if (php_check_open_basedir(dir)) return 0;
    if (blocking([dir, mode] { return ::mkdir(dir, static_cast<mode_t>(mode)); }) < 0) {
        php_error_docref(nullptr, E_WARNING, "%s", strerror(errno));
        return 0;
    }
    return 1;
}

int hooked_rmdir(php_stream_wrapper *, const char *url, int, php_stream_context *) {
    url = strip_scheme(url);
    if (php_check_open_basedir(url)) return 0;
    if (blocking([url] { return ::rmdir(url); }) < 0) {
        php_error_docref1(nullptr, url, E_WARNING, "%s", strerror(errno));
        return 0;
    }
    php_clear_stat_cache(1, nullptr, 0);
    return 1;
}

}  // namespace

void install_file_hooks(bool on) {
    if (on && !g_original) {
        g_original = php_plain_files_wrapper.wops;
        g_hooked = *g_original;
        g_hooked.stream_opener = hooked_open;
        g_hooked.url_stat = hooked_url_stat;
        g_hooked.dir_opener = hooked_opendir;
        g_hooked.unlink = hooked_unlink;
        g_hooked.rename = hooked_rename;
        g_hooked.stream_mkdir = hooked_mkdir;
        g_hooked.stream_rmdir = hooked_rmdir;
        php_plain_files_wrapper.wops = &g_hooked;
    } else if (!on && g_original) {
        php_plain_files_wrapper.wops = g_original;
        g_original = nullptr;
    }
}

}  // namespace swoole::php::runtime

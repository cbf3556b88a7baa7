#include "runtime/file_stream.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "coroutine/php_coroutine.h"
#include "runtime/blocking_call.h"

namespace swoole::php::runtime {
namespace {

struct FileData {
    int fd;
    bool seekable;
};

FileData *data_of(php_stream *stream) { return static_cast<FileData *>(stream->abstract); }

ssize_t file_write(php_stream *stream, const char *buf, size_t count) {
    int fd = data_of(stream)->fd;
    if (fd < 0) return -1;
    ssize_t n = blocking([fd, buf, count] { return ::write(fd, buf, count); });
    if (n < 0) {
        if (errno == EWOULDBLOCK || errno == EAGAIN) return 0;
        if (errno == EINTR) return n;
        php_error_docref(nullptr, E_NOTICE, "Write of %zu bytes failed with errno=%d %s", count, errno,
                         strerror(errno));
    }
    return n;
}

ssize_t file_read(php_stream *stream, char *buf, size_t count) {
    int fd = data_of(stream)->fd;
    if (fd < 0) return -1;
    auto read_once = [fd, buf, count] { return ::read(fd, buf, count); };
    ssize_t n = blocking(read_once);
    if (n < 0 && errno == EINTR) n = blocking(read_once);  // once more, as PHP does
    if (n < 0) {
        if (errno == EWOULDBLOCK || errno == EAGAIN) return 0;
        if (errno == EINTR) return n;
        php_error_docref(nullptr, E_NOTICE, "Read of %zu bytes failed with errno=%d %s", count, errno,
                         strerror(errno));
        if (errno != EBADF) stream->eof = 1;
    } else if (n == 0) {
        stream->eof = 1;
    }
    return n;
}

// In place: a stream is also closed from destructors, where the coroutine
// must not be parked; closing a regular file does not wait on the disk.
int file_close(php_stream *stream, int close_handle) {
    FileData *data = data_of(stream);
    int ret = 0;
    if (close_handle && data->fd >= 0) ret = ::close(data->fd);
    pefree(data, stream->is_persistent);
    stream->abstract = nullptr;
    return ret;
}

int file_flush(php_stream *) { return 0; }  // nothing is buffered below the stream layer

int file_seek(php_stream *stream, zend_off_t offset, int whence, zend_off_t *new_offset) {
    FileData *data = data_of(stream);
    if (!data->seekable) {
        php_error_docref(nullptr, E_WARNING, "Cannot seek on this stream");
        return -1;
    }
    zend_off_t result = zend_lseek(data->fd, offset, whence);  // moves a number only
    if (result == static_cast<zend_off_t>(-1)) return -1;
    *new_offset = result;
    return 0;
}

int file_cast(php_stream *stream, int castas, void **ret) {
    int fd = data_of(stream)->fd;
    switch (castas) {
        case PHP_STREAM_AS_FD:
        case PHP_STREAM_AS_FD_FOR_SELECT:
            if (fd < 0) return FAILURE;
            if (ret) *reinterpret_cast<int *>(ret) = fd;
            return SUCCESS;
        default:
            // PHP_STREAM_AS_STDIO: PHP falls back to a cookie FILE over this stream.
            return FAILURE;
    }
}

int file_stat(php_stream *stream, php_stream_statbuf *ssb) {
    int fd = data_of(stream)->fd;
    return blocking([fd, ssb] { return zend_fstat(fd, &ssb->sb); });
}

// flock: a blocking request is retried without blocking, with the coroutine
// sleeping between attempts. Waiting inside a pool thread instead could take
// every pool thread while the holder still needs one to release the lock.
int file_lock(int fd, int operation) {
    if (!PhpCoroutine::inside() || (operation & LOCK_NB) || (operation & LOCK_UN)) {
        return ::flock(fd, operation);
    }
    double pause = 0.001;
    for (;;) {
        if (::flock(fd, operation | LOCK_NB) == 0) return 0;
        if (errno != EWOULDBLOCK) return -1;
        if (kernel::Coroutine::sleep(pause) == kernel::WaitResult::canceled) {
            errno = EINTR;
            return -1;
        }
        pause = std::min(pause * 2, 0.02);
    }
}

int file_set_option(php_stream *stream, int option, int value, void *ptrparam) {
    int fd = data_of(stream)->fd;
    switch (option) {
        case PHP_STREAM_OPTION_BLOCKING: {
            if (fd < 0) return -1;
            int flags = fcntl(fd, F_GETFL, 0);
            int old = (flags & O_NONBLOCK) ? 0 : 1;
            flags = value ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
            return fcntl(fd, F_SETFL, flags) == -1 ? -1 : old;
        }
        case PHP_STREAM_OPTION_WRITE_BUFFER:
            return -1;  // no stdio buffer under an fd stream
        case PHP_STREAM_OPTION_LOCKING:
            if (fd < 0) return -1;
            if (reinterpret_cast<zend_uintptr_t>(ptrparam) == PHP_STREAM_LOCK_SUPPORTED) return 0;
            return file_lock(fd, value) == 0 ? 0 : -1;
        case PHP_STREAM_OPTION_TRUNCATE_API:
            switch (value) {
                case PHP_STREAM_TRUNCATE_SUPPORTED:
                    return fd < 0 ? PHP_STREAM_OPTION_RETURN_ERR : PHP_STREAM_OPTION_RETURN_OK;
                case PHP_STREAM_TRUNCATE_SET_SIZE: {
                    ptrdiff_t size = *static_cast<ptrdiff_t *>(ptrparam);
                    if (size < 0) return PHP_STREAM_OPTION_RETURN_ERR;
                    int r = blocking([fd, size] { return ::ftruncate(fd, size); });
                    return r == 0 ? PHP_STREAM_OPTION_RETURN_OK : PHP_STREAM_OPTION_RETURN_ERR;
                }
                default:
                    return PHP_STREAM_OPTION_RETURN_NOTIMPL;
            }
        case PHP_STREAM_OPTION_SYNC_API:
            switch (value) {
                case PHP_STREAM_SYNC_SUPPORTED:
                    return fd < 0 ? PHP_STREAM_OPTION_RETURN_ERR : PHP_STREAM_OPTION_RETURN_OK;
                case PHP_STREAM_SYNC_FSYNC:
                case PHP_STREAM_SYNC_FDSYNC: {
                    bool data_only = value == PHP_STREAM_SYNC_FDSYNC;
                    int r = blocking([fd, data_only] { return data_only ? ::fdatasync(fd) : ::fsync(fd); });
                    return r == 0 ? PHP_STREAM_OPTION_RETURN_OK : PHP_STREAM_OPTION_RETURN_ERR;
                }
                default:
                    return PHP_STREAM_OPTION_RETURN_NOTIMPL;
            }
        case PHP_STREAM_OPTION_META_DATA_API: {
            if (fd < 0) return -1;
            int flags = fcntl(fd, F_GETFL, 0);
            add_assoc_bool(static_cast<zval *>(ptrparam), "timed_out", 0);
            add_assoc_bool(static_cast<zval *>(ptrparam), "blocked", (flags & O_NONBLOCK) ? 0 : 1);
            add_assoc_bool(static_cast<zval *>(ptrparam), "eof", stream->eof);
            return PHP_STREAM_OPTION_RETURN_OK;
        }
        default:
            // MMAP_API among others: the stream layer then reads through file_read.
            return PHP_STREAM_OPTION_RETURN_NOTIMPL;
    }
}

// The label PHP's own plain-file streams carry (stream_get_meta_data's stream_type).
php_stream_ops g_file_ops = {
    file_write, file_read, file_close, file_flush, "STDIO", file_seek, file_cast, file_stat, file_set_option,
};

// ---- directories ----

ssize_t dir_read(php_stream *stream, char *buf, size_t count) {
    if (count != sizeof(php_stream_dirent)) return -1;
    DIR *dir = static_cast<DIR *>(stream->abstract);
    auto *entry = reinterpret_cast<php_stream_dirent *>(buf);
    // readdir's result lives in the DIR: the name is copied out on the same thread.
    bool got = blocking([dir, entry] {
        errno = 0;
        struct dirent *d = ::readdir(dir);
        if (!d) return false;
        size_t len = std::min(strlen(d->d_name), sizeof(entry->d_name) - 1);
        memcpy(entry->d_name, d->d_name, len);
        entry->d_name[len] = '\0';
        return true;
    });
    return got ? static_cast<ssize_t>(sizeof(php_stream_dirent)) : 0;
}

int dir_close(php_stream *stream, int) { return ::closedir(static_cast<DIR *>(stream->abstract)); }

int dir_rewind(php_stream *stream, zend_off_t, int, zend_off_t *) {
    ::rewinddir(static_cast<DIR *>(stream->abstract));
    return 0;
}

const php_stream_ops g_dir_ops = {
    nullptr, dir_read, dir_close, nullptr, "dir", dir_rewind, nullptr, nullptr, nullptr,
};

}  // namespace

php_stream *file_stream_from_fd(int fd, const char *mode STREAMS_DC) {
    auto *data = static_cast<FileData *>(emalloc(sizeof(FileData)));
    data->fd = fd;
    data->seekable = true;
    php_stream *stream = php_stream_alloc_rel(&g_file_ops, data, nullptr, mode);
    if (!stream) {
        efree(data);
        return nullptr;
    }
    // The type of an open descriptor is known without touching the disk.
    zend_stat_t sb;
    int r = zend_fstat(fd, &sb);
    if (r == 0 && (S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode))) data->seekable = false;
    if (!data->seekable) {
        stream->flags |= PHP_STREAM_FLAG_NO_SEEK;
        stream->position = -1;
    } else {
        stream->position = zend_lseek(fd, 0, SEEK_CUR);
        if (stream->position == static_cast<zend_off_t>(-1) && errno == ESPIPE) {
            stream->flags |= PHP_STREAM_FLAG_NO_SEEK;
            data->seekable = false;
        }
    }
    return stream;
}

php_stream *dir_stream_from(DIR *dir, const char *mode STREAMS_DC) {
    return php_stream_alloc_rel(const_cast<php_stream_ops *>(&g_dir_ops), dir, nullptr, mode);
}

}  // namespace swoole::php::runtime

/*
 * Preloaded into PHP for sanitizer runs only (see tools/php). PHP opens
 * extensions with RTLD_DEEPBIND, which the sanitizer runtime refuses; this
 * wrapper drops that flag and hands the call on to the next dlopen (the
 * sanitizer's interceptor, then libc's).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

void *dlopen(const char *file, int mode) {
    static void *(*next_dlopen)(const char *, int) = NULL;
    if (!next_dlopen) next_dlopen = (void *(*)(const char *, int))dlsym(RTLD_NEXT, "dlopen");
    return next_dlopen(file, mode & ~RTLD_DEEPBIND);
}

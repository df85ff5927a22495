/* output.c -- atomic output files and the FILE sink. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temp files in flight, for the signal handler (as zstd's g_artefact). The handler
 * runs on some thread while workers create and remove their temps, so:
 * - a slot is `busy` while its temp is being created and named; creation runs with the
 *   signals blocked in that thread, so the handler (on another thread) waits it out, and
 *   afterwards finds the name: no temp exists that the handler does not know of;
 * - the handler sets `dying` before reading names, and a name is freed only while `dying`
 *   is clear, so the handler never reads freed memory. */
static _Atomic(char *) tmp_in_flight[OUT_MAX_SLOTS];
static atomic_int slot_busy[OUT_MAX_SLOTS];
static atomic_int dying;
static mode_t new_file_mode = 0644; /* 0666 minus the umask, set once at start */

static void on_signal(int sig)
{
    atomic_store(&dying, 1);
    for (size_t i = 0; i < OUT_MAX_SLOTS; i++) {
        while (atomic_load(&slot_busy[i])) {
            /* a worker is between creating its temp and naming it: a few microseconds */
        }
        char *p = atomic_load(&tmp_in_flight[i]);
        if (p) {
            unlink(p);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void out_install_signals(void)
{
    mode_t mask = umask(0);
    umask(mask);
    new_file_mode = 0666 & ~mask;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

/* Forgets a temp name after its file is renamed or removed. */
static void release_tmp(out_file *o)
{
    char *p = o->tmp_path;
    o->tmp_path = NULL;
    atomic_store(&tmp_in_flight[o->slot], NULL);
    if (!atomic_load(&dying)) {
        free(p); /* else the handler may be reading it; the process ends anyway */
    }
}

void out_sweep(void)
{
    for (size_t i = 0; i < OUT_MAX_SLOTS; i++) {
        char *p = atomic_exchange(&tmp_in_flight[i], NULL);
        if (p) {
            unlink(p);
            free(p);
        }
    }
}

int out_mkdirs(const char *dir)
{
    char *p = strdup(dir);
    if (!p) {
        return -1;
    }
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    }
    int rc = mkdir(p, 0777) != 0 && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

static char *dir_of(const char *path)
{
    char *copy = strdup(path);
    if (!copy) {
        return NULL;
    }
    char *d = strdup(dirname(copy));
    free(copy);
    return d;
}

/* The path a symlink points to, relative targets taken from the link's directory. */
static char *link_target(const char *link)
{
    char buf[PATH_MAX];
    ssize_t n = readlink(link, buf, sizeof buf - 1);
    if (n < 0) {
        return NULL;
    }
    buf[n] = '\0';
    if (buf[0] == '/') {
        return strdup(buf);
    }
    char *dir = dir_of(link);
    size_t len = (dir ? strlen(dir) : 0) + (size_t)n + 2;
    char *p = dir ? malloc(len) : NULL;
    if (p) {
        snprintf(p, len, "%s/%s", dir, buf);
    }
    free(dir);
    return p;
}

/* Follows symlinks from path to the file an output really replaces (which may not exist
 * yet: *st->st_mode is 0 then). Returns a malloc'd path, or NULL with errno set. */
static char *resolve_target(const char *path, struct stat *st)
{
    char *p = strdup(path);
    for (int hops = 0; p; hops++) {
        if (lstat(p, st) != 0) {
            if (errno != ENOENT) {
                break;
            }
            st->st_mode = 0;
            return p;
        }
        if (!S_ISLNK(st->st_mode)) {
            return p;
        }
        if (hops == 40) {
            errno = ELOOP;
            break;
        }
        char *next = link_target(p);
        free(p);
        p = next;
    }
    int err = errno;
    free(p);
    errno = err ? err : ENOMEM;
    return NULL;
}

/* A FIFO, a device or a directory: open it as it is, to be written, not replaced. */
static int open_through(out_file *o)
{
    int fd = open(o->final_path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
        int err = errno;
        if (fd >= 0) {
            close(fd);
        }
        errno = err;
        return -1;
    }
    return 0;
}

/* Creates DIR/.hnpipe-XXXXXX, a short name whatever the output's (names up to 255 bytes
 * stay possible), and publishes it to the signal handler before it can be interrupted. */
static int create_tmp(out_file *o, mode_t mode)
{
    char *dir = dir_of(o->final_path);
    size_t len = dir ? strlen(dir) + 20 : 0;
    char *tmp = dir ? malloc(len) : NULL;
    if (!tmp) {
        free(dir);
        errno = ENOMEM;
        return -1;
    }
    snprintf(tmp, len, "%s/.hnpipe-XXXXXX", dir);
    free(dir);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    atomic_store(&slot_busy[o->slot], 1);
    int fd = atomic_load(&dying) ? -1 : mkstemp(tmp);
    int err = errno;
    if (fd >= 0) {
        atomic_store(&tmp_in_flight[o->slot], tmp);
        o->tmp_path = tmp;
    }
    atomic_store(&slot_busy[o->slot], 0);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        free(tmp);
        errno = err ? err : EINTR;
        return -1;
    }
    if (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "wb"))) {
        err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    return 0;
}

int out_open(out_file *o, const char *final_path, unsigned slot)
{
    memset(o, 0, sizeof *o);
    o->slot = slot % OUT_MAX_SLOTS;
    struct stat st;
    if (!(o->final_path = resolve_target(final_path, &st))) {
        return -1;
    }
    int rc;
    if (st.st_mode != 0 && !S_ISREG(st.st_mode)) {
        rc = open_through(o);
    } else {
        char *dir = dir_of(o->final_path);
        rc = dir && out_mkdirs(dir) == 0 ? 0 : -1;
        free(dir);
        /* a replaced file keeps its mode; a new one gets the umask's */
        rc = rc == 0 ? create_tmp(o, st.st_mode ? st.st_mode & 07777 : new_file_mode) : -1;
    }
    if (rc != 0) {
        int err = errno;
        out_abort(o);
        errno = err;
    }
    return rc;
}

static void fsync_dir_of(const char *path)
{
    char *dir = dir_of(path);
    if (!dir) {
        return;
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd); /* makes the rename durable; a failure here loses no data */
        close(fd);
    }
    free(dir);
}

/* fsync, where a FIFO or a terminal cannot (EINVAL) is no failure. */
static int sync_file(FILE *f)
{
    return fsync(fileno(f)) == 0 || errno == EINVAL || errno == EROFS || errno == ENOTSUP ? 0 : -1;
}

int out_commit(out_file *o)
{
    int rc = 0, err = 0;
    if (fflush(o->f) != 0 || sync_file(o->f) != 0) {
        rc = -1;
        err = errno;
    }
    if (fclose(o->f) != 0 && rc == 0) {
        rc = -1;
        err = errno;
    }
    o->f = NULL;
    if (rc == 0 && o->tmp_path) {
        if (rename(o->tmp_path, o->final_path) != 0) {
            rc = -1;
            err = errno;
        } else {
            release_tmp(o);
            fsync_dir_of(o->final_path);
        }
    }
    out_abort(o);
    errno = err;
    return rc;
}

void out_abort(out_file *o)
{
    if (o->f) {
        fclose(o->f);
        o->f = NULL;
    }
    if (o->tmp_path) {
        unlink(o->tmp_path);
        release_tmp(o);
    }
    free(o->final_path);
    o->final_path = NULL;
}

static hnp_status file_write(void *ctx, const void *buf, size_t len)
{
    FILE *f = ctx;
    if (len && fwrite(buf, 1, len, f) != len) {
        return HNP_ERR_IO;
    }
    return HNP_OK;
}

hnp_sink out_file_sink(FILE *f)
{
    hnp_sink s = {file_write, f};
    return s;
}

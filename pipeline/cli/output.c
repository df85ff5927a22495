/* output.c -- atomic output files and the FILE sink. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temp files in flight, for the signal handler only (as zstd's g_artefact): a slot is
 * published after its path is complete and cleared before the path is freed. */
static char *volatile tmp_in_flight[OUT_MAX_SLOTS];

static void on_signal(int sig)
{
    for (size_t i = 0; i < OUT_MAX_SLOTS; i++) {
        char *p = tmp_in_flight[i];
        if (p) {
            unlink(p);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void out_install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
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

int out_open(out_file *o, const char *final_path, unsigned slot)
{
    memset(o, 0, sizeof *o);
    o->slot = slot % OUT_MAX_SLOTS;
    char *dir = dir_of(final_path);
    if (!dir || out_mkdirs(dir) != 0) {
        free(dir);
        return -1;
    }
    free(dir);
    size_t len = strlen(final_path) + 16;
    o->final_path = strdup(final_path);
    o->tmp_path = malloc(len);
    if (!o->final_path || !o->tmp_path) {
        out_abort(o);
        errno = ENOMEM;
        return -1;
    }
    snprintf(o->tmp_path, len, "%s.tmp.XXXXXX", final_path);
    int fd = mkstemp(o->tmp_path);
    if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
        int err = errno;
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp_path);
        }
        free(o->tmp_path);
        o->tmp_path = NULL;
        out_abort(o);
        errno = err;
        return -1;
    }
    fchmod(fd, 0644);
    tmp_in_flight[o->slot] = o->tmp_path;
    return 0;
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

int out_commit(out_file *o)
{
    int rc = 0, err = 0;
    if (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0) {
        rc = -1;
        err = errno;
    }
    if (fclose(o->f) != 0 && rc == 0) {
        rc = -1;
        err = errno;
    }
    o->f = NULL;
    if (rc == 0 && rename(o->tmp_path, o->final_path) != 0) {
        rc = -1;
        err = errno;
    }
    if (rc == 0) {
        tmp_in_flight[o->slot] = NULL;
        fsync_dir_of(o->final_path);
        free(o->tmp_path);
        o->tmp_path = NULL;
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
        tmp_in_flight[o->slot] = NULL;
        unlink(o->tmp_path);
        free(o->tmp_path);
        o->tmp_path = NULL;
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

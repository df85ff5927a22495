/* inputs.c -- directory walking: sorted, symlinks skipped unless --follow. */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Prints a problem with an input path and keeps the message for the report. */
__attribute__((format(printf, 3, 4))) static void input_error(input_list *l, size_t *n_errors,
                                                              const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fputs(msg, stderr);
    hnp_membuf_sink(&l->errors).write(&l->errors, msg, strlen(msg));
    (*n_errors)++;
}

static int push(input_list *l, const char *path, const char *id)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        input_file *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            return -1;
        }
        l->v = v;
        l->cap = cap;
    }
    input_file *f = &l->v[l->n];
    f->path = strdup(path);
    f->id = strdup(id);
    f->out_path = NULL;
    if (!f->path || !f->id) {
        free(f->path);
        free(f->id);
        return -1;
    }
    l->n++;
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the names in dir (without . and ..), sorted, so batch order never depends on the
 * file system. *names is malloc'd; free each name and the array. */
static int list_dir(const char *dir, char ***names, size_t *n)
{
    size_t cap = 0;
    *names = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        return -1;
    }
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            char **v = realloc(*names, cap * sizeof *v);
            if (!v) {
                break;
            }
            *names = v;
        }
        if (!((*names)[*n] = strdup(e->d_name))) {
            break;
        }
        (*n)++;
        errno = 0;
    }
    int err = errno;
    closedir(d);
    qsort(*names, *n, sizeof **names, cmp_names);
    errno = err;
    return err ? -1 : 0;
}

static size_t dir_slot(const dir_set *s, unsigned long long dev, unsigned long long ino)
{
    size_t i = (size_t)((ino * 0x9E3779B97F4A7C15ull) ^ dev) & (s->cap - 1);
    while (s->v[i].used && (s->v[i].dev != dev || s->v[i].ino != ino)) {
        i = (i + 1) & (s->cap - 1);
    }
    return i;
}

/* Adds (dev, ino); returns 1 when it was new, 0 when already there, -1 out of memory. */
static int dir_set_add(dir_set *s, const struct stat *st)
{
    if (2 * (s->n + 1) > s->cap) {
        dir_set bigger = {calloc(s->cap ? 2 * s->cap : 64, sizeof *s->v), 0,
                          s->cap ? 2 * s->cap : 64};
        if (!bigger.v) {
            return -1;
        }
        for (size_t i = 0; i < s->cap; i++) {
            if (s->v[i].used) {
                bigger.v[dir_slot(&bigger, s->v[i].dev, s->v[i].ino)] = s->v[i];
                bigger.n++;
            }
        }
        free(s->v);
        *s = bigger;
    }
    size_t i = dir_slot(s, (unsigned long long)st->st_dev, (unsigned long long)st->st_ino);
    if (s->v[i].used) {
        return 0;
    }
    s->v[i] = (dir_key){(unsigned long long)st->st_dev, (unsigned long long)st->st_ino, 1};
    s->n++;
    return 1;
}

static int walk(const cli_opts *o, const char *dir, const char *rel, input_list *out,
                size_t *n_errors);

/* Walks a directory once: a loop (--follow) or a second link to it is skipped. */
static int walk_new_dir(const cli_opts *o, const char *path, const struct stat *st, const char *rel,
                        input_list *out, size_t *n_errors)
{
    int added = dir_set_add(&out->seen, st);
    if (added < 0) {
        return -1;
    }
    if (added == 0) {
        if (!o->quiet) {
            fprintf(stderr,
                    "hnpipe: %s: directory already walked (a symlink loop or a second "
                    "link to it): skipped\n",
                    path);
        }
        return 0;
    }
    return walk(o, path, rel, out, n_errors);
}

static int visit(const cli_opts *o, const char *path, const char *rel, input_list *out,
                 size_t *n_errors)
{
    struct stat st;
    if ((o->follow_symlinks ? stat(path, &st) : lstat(path, &st)) != 0) {
        input_error(out, n_errors, "hnpipe: %s: %s\n", path, strerror(errno));
        return 0;
    }
    if (S_ISLNK(st.st_mode)) {
        if (o->verbose) {
            fprintf(stderr, "hnpipe: %s: symbolic link skipped (use --follow)\n", path);
        }
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        return walk_new_dir(o, path, &st, rel, out, n_errors);
    }
    if (!S_ISREG(st.st_mode)) {
        return 0; /* sockets, fifos and devices inside a tree are not documents */
    }
    return push(out, path, rel);
}

static int walk(const cli_opts *o, const char *dir, const char *rel, input_list *out,
                size_t *n_errors)
{
    char **names = NULL;
    size_t n = 0;
    if (list_dir(dir, &names, &n) != 0) {
        input_error(out, n_errors, "hnpipe: %s: cannot read directory: %s\n", dir, strerror(errno));
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2;
        size_t rlen = strlen(rel) + strlen(names[i]) + 2;
        char *path = malloc(plen), *sub = malloc(rlen);
        if (!path || !sub) {
            rc = -1;
        } else {
            snprintf(path, plen, "%s/%s", dir, names[i]);
            snprintf(sub, rlen, "%s%s%s", rel, *rel ? "/" : "", names[i]);
            rc = visit(o, path, sub, out, n_errors);
        }
        free(path);
        free(sub);
    }
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
    return rc;
}

static int collect_one(const cli_opts *o, const char *arg, input_list *out, size_t *n_errors)
{
    struct stat st;
    if (strcmp(arg, "-") == 0) {
        return push(out, "-", "-");
    }
    if (stat(arg, &st) != 0) {
        input_error(out, n_errors, "hnpipe: %s: %s\n", arg, strerror(errno));
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!o->recursive) {
            input_error(out, n_errors, "hnpipe: %s: is a directory (use -r)\n", arg);
            return 0;
        }
        size_t len = strlen(arg);
        char *root = strdup(arg);
        if (!root) {
            return -1;
        }
        while (len > 1 && root[len - 1] == '/') {
            root[--len] = '\0';
        }
        int rc = walk_new_dir(o, root, &st, "", out, n_errors);
        free(root);
        free(out->seen.v); /* each root is walked on its own */
        memset(&out->seen, 0, sizeof out->seen);
        return rc;
    }
    return push(out, arg, arg);
}

int inputs_collect(const cli_opts *o, input_list *out, size_t *n_errors)
{
    memset(out, 0, sizeof *out);
    *n_errors = 0;
    if (o->n_inputs == 0) {
        return push(out, "-", "-");
    }
    for (size_t i = 0; i < o->n_inputs; i++) {
        if (collect_one(o, o->inputs[i], out, n_errors) != 0) {
            return -1;
        }
    }
    return 0;
}

void inputs_free(input_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].path);
        free(l->v[i].id);
        free(l->v[i].out_path);
    }
    free(l->v);
    hnp_membuf_free(&l->errors);
    free(l->seen.v);
    memset(l, 0, sizeof *l);
}

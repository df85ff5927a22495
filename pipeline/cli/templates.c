/* templates.c -- reads, builds and writes back the site-template memory (templates.h). */
#include "templates.h"

#include "output.h"
#include "read_file.h"
#include "run.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Merges FILE into t; a missing FILE is an empty memory (the first nightly run). */
static int load_file(const char *path, size_t max, hnp_templates *t)
{
    uint8_t *buf = NULL;
    size_t len = 0;
    errno = 0;
    int rc = util_read_file(path, max, &buf, &len);
    if (rc < 0 && errno == ENOENT) {
        return 0;
    }
    if (rc != 0) {
        fprintf(stderr, "hnpipe: --templates %s: cannot read: %s\n", path,
                rc > 0 ? "larger than --max-doc-size" : strerror(errno));
        return -1;
    }
    size_t bad = 0;
    hnp_status st = hnp_templates_load(t, buf, len, &bad);
    free(buf);
    if (st == HNP_ERR_FORMAT) {
        fprintf(stderr,
                "hnpipe: --templates %s: not a template memory written by hnpipe (line %zu); "
                "give another file, or remove it to start a new memory\n",
                path, bad);
        return -1;
    }
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: --templates %s: %s\n", path, hnp_strerror(st));
        return -1;
    }
    return 0;
}

/* The first pass over the text inputs: normalize each and count its lines. An input that
 * fails here fails again, with its message, in the real pass. Reading, normalizing and the
 * lines' keys run on -j threads; the keys are counted in input order (by one thread at a
 * time, count_ready), so the memory is the same as from one thread, also when it is full and
 * forgets its rarest lines. A thread runs at most WINDOW inputs ahead of the counting. */
enum { WINDOW_PER_THREAD = 4 };

typedef struct scan_item {
    uint64_t *keys; /* its lines' keys (hnp_templates_keys), or NULL (skipped, refused) */
    size_t n;
    int ready;
} scan_item;

typedef struct scan_pool {
    const cli_opts *o;
    const input_list *in;
    hnp_pipeline *p;
    scan_item *items;
    size_t next_claim, next_add, window;
    int stop;
    hnp_templates *t;    /* where the keys are counted */
    int counting;        /* a thread holds the counter's role (count_ready) */
    hnp_status count_st; /* the last count's */
    unsigned n_waiting;  /* threads waiting for room in the window */
    pthread_mutex_t mu;
    pthread_cond_t room;  /* the threads: next_add moved, or stop */
    pthread_cond_t ended; /* the main thread: every input counted, or stop */
} scan_pool;

/* Reads and normalizes input i and makes its lines' keys (none when skipped or refused);
 * HNP_ERR_NOMEM only when out of memory. */
static hnp_status scan_one(scan_pool *sp, hnp_worker *w, size_t i, scan_item *it)
{
    const cli_opts *o = sp->o;
    const input_file *f = &sp->in->v[i];
    if (strcmp(f->path, "-") == 0 ||
        (o->incremental && f->out_path && run_up_to_date(f->path, f->out_path))) {
        return HNP_OK;
    }
    uint8_t *raw = NULL;
    size_t len = 0;
    const hnp_doc *d;
    hnp_status st = HNP_OK;
    if (util_read_file(f->path, o->max_doc_size, &raw, &len) == 0 &&
        hnp_worker_process(w, f->id, raw, len, &d) == HNP_OK) {
        st = hnp_templates_keys(d->text, d->len, &it->keys, &it->n);
    }
    free(raw);
    return st;
}

/* Under mu, by a thread that has just stored its item: unless another thread holds the
 * counter's role, takes it and counts the ready items' keys in input order from next_add
 * on (as parallel.c's writer: no thread is woken per input to count it). */
static void count_ready(scan_pool *sp)
{
    if (sp->counting) {
        return;
    }
    sp->counting = 1;
    while (!sp->stop && sp->next_add < sp->in->n && sp->items[sp->next_add].ready) {
        size_t i = sp->next_add;
        scan_item it = sp->items[i];
        sp->items[i].keys = NULL;
        pthread_mutex_unlock(&sp->mu);
        hnp_status st = it.keys ? hnp_templates_add_keys(sp->t, it.keys, it.n) : HNP_OK;
        free(it.keys);
        pthread_mutex_lock(&sp->mu);
        sp->next_add = i + 1;
        sp->count_st = st;
        sp->stop |= st != HNP_OK;
        if (sp->n_waiting || sp->stop) {
            pthread_cond_broadcast(&sp->room);
        }
    }
    sp->counting = 0;
    if (sp->stop || sp->next_add == sp->in->n) {
        pthread_cond_signal(&sp->ended);
    }
}

static void *scan_thread(void *arg)
{
    scan_pool *sp = arg;
    hnp_worker *w = NULL;
    hnp_status st = hnp_worker_create(sp->p, &w);
    for (;;) {
        pthread_mutex_lock(&sp->mu);
        while (!sp->stop && sp->next_claim < sp->in->n &&
               sp->next_claim >= sp->next_add + sp->window) {
            sp->n_waiting++;
            pthread_cond_wait(&sp->room, &sp->mu);
            sp->n_waiting--;
        }
        size_t i = sp->next_claim;
        int go = !sp->stop && i < sp->in->n;
        sp->next_claim += (size_t)go;
        pthread_mutex_unlock(&sp->mu);
        if (!go) {
            break;
        }
        scan_item it = {NULL, 0, 1};
        st = st == HNP_OK ? scan_one(sp, w, i, &it) : st;
        pthread_mutex_lock(&sp->mu);
        sp->items[i] = it;
        sp->stop |= st != HNP_OK;
        if (sp->stop) {
            pthread_cond_broadcast(&sp->room);
        }
        count_ready(sp);
        pthread_mutex_unlock(&sp->mu);
    }
    hnp_worker_free(w);
    return NULL;
}

/* Waits until every input is counted or the scan stopped. */
static hnp_status scan_wait(scan_pool *sp)
{
    pthread_mutex_lock(&sp->mu);
    while (!sp->stop && sp->next_add < sp->in->n) {
        pthread_cond_wait(&sp->ended, &sp->mu);
    }
    /* stopped without a counting error: a thread ran out of memory */
    hnp_status st = sp->count_st != HNP_OK ? sp->count_st : sp->stop ? HNP_ERR_NOMEM : HNP_OK;
    pthread_mutex_unlock(&sp->mu);
    return st;
}

static hnp_status scan_run(scan_pool *sp, hnp_templates *t)
{
    unsigned n = sp->o->jobs ? sp->o->jobs : 1, started = 0;
    n = n < sp->in->n ? n : (unsigned)(sp->in->n ? sp->in->n : 1);
    sp->window = WINDOW_PER_THREAD * (size_t)n;
    sp->t = t;
    pthread_t *tids = calloc(n, sizeof *tids);
    if (!tids) {
        return HNP_ERR_NOMEM;
    }
    while (started < n && pthread_create(&tids[started], NULL, scan_thread, sp) == 0) {
        started++;
    }
    hnp_status st = HNP_OK;
    if (started == 0) { /* no thread could be made: read everything first, here */
        sp->window = sp->in->n;
        scan_thread(sp);
    }
    st = scan_wait(sp);
    pthread_mutex_lock(&sp->mu);
    sp->stop = 1; /* after an error the threads take nothing more */
    pthread_cond_broadcast(&sp->room);
    pthread_mutex_unlock(&sp->mu);
    for (unsigned k = 0; k < started; k++) {
        pthread_join(tids[k], NULL);
    }
    for (size_t i = 0; i < sp->in->n; i++) {
        free(sp->items[i].keys); /* left after an error */
    }
    free(tids);
    return st;
}

static int scan_batch(const cli_opts *o, const input_list *in, hnp_templates *t)
{
    hnp_pipeline_opts po;
    memset(&po, 0, sizeof po);
    po.normalize.from_encoding = o->from_encoding;
    po.normalize.flags = o->no_repair ? HNP_NORM_NO_REPAIR : 0;
    po.max_doc_size = o->max_doc_size;
    po.last_stage = HNP_STAGE_NORMALIZE;
    scan_pool sp;
    memset(&sp, 0, sizeof sp);
    sp.o = o;
    sp.in = in;
    sp.items = calloc(in->n ? in->n : 1, sizeof *sp.items);
    hnp_status st = sp.items ? hnp_pipeline_create(&po, &sp.p) : HNP_ERR_NOMEM;
    if (st == HNP_OK) {
        pthread_mutex_init(&sp.mu, NULL);
        pthread_cond_init(&sp.room, NULL);
        pthread_cond_init(&sp.ended, NULL);
        st = scan_run(&sp, t);
        pthread_mutex_destroy(&sp.mu);
        pthread_cond_destroy(&sp.room);
        pthread_cond_destroy(&sp.ended);
    }
    hnp_pipeline_free(sp.p);
    free(sp.items);
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: site templates: %s\n", hnp_strerror(st));
        return -1;
    }
    return 0;
}

int tmpl_prepare(const cli_opts *o, const input_list *in, hnp_templates **out)
{
    *out = NULL;
    hnp_stage last = run_stages(o);
    int classifies = last == HNP_STAGE_ALL || last >= HNP_STAGE_CLASSIFY;
    int batch =
        o->input_format == INPUT_TEXT && (o->templates_path || (o->recursive && classifies));
    if (!batch && !o->templates_path) {
        return 0;
    }
    hnp_templates *t = NULL;
    if (hnp_templates_create(&t) != HNP_OK) {
        fputs("hnpipe: out of memory\n", stderr);
        return -1;
    }
    if ((o->templates_path && load_file(o->templates_path, o->max_doc_size, t) != 0) ||
        (batch && scan_batch(o, in, t) != 0)) {
        hnp_templates_free(t);
        return -1;
    }
    *out = t;
    return 0;
}

int tmpl_write_back(const char *path, hnp_templates *mem, const hnp_templates *seen)
{
    uint8_t *buf = NULL;
    size_t len = 0;
    hnp_status st = HNP_OK;
    if (seen) { /* merged through the text form: one parser, no second merge path */
        st = hnp_templates_save(seen, &buf, &len);
        if (st == HNP_OK) {
            st = hnp_templates_load(mem, buf, len, NULL);
        }
        free(buf);
        buf = NULL;
    }
    if (st == HNP_OK) {
        st = hnp_templates_save(mem, &buf, &len);
    }
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: --templates %s: %s\n", path, hnp_strerror(st));
        return -1;
    }
    out_file of;
    int ok = out_open(&of, path, 0) == 0;
    if (ok && (fwrite(buf, 1, len, of.f) != len || out_commit(&of) != 0)) {
        int e = errno;
        out_abort(&of);
        errno = e;
        ok = 0;
    }
    free(buf);
    if (!ok) {
        fprintf(stderr, "hnpipe: --templates %s: cannot write: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

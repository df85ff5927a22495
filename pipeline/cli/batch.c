/* batch.c -- run_all: line-oriented inputs one by one, text inputs on the worker pool. */
#include "run.h"
#include "stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One line-oriented input into its own output file (mirror mode). */
static void stream_to_file(runner *r, stream_ctx *c)
{
    const char *path = c->in->out_path;
    if (!path) {
        return; /* cannot be mirrored: said and counted by run_plan_mirror */
    }
    if (r->o->incremental && run_up_to_date(c->in->path, path)) {
        r->st.uptodate++;
        return;
    }
    out_file of;
    if (out_open(&of, path, 0) != 0) {
        run_failf(r, "%s: cannot create output: %s", path, strerror(errno));
        r->st.failed++;
        r->st.write_errors++;
        return;
    }
    hnp_sink sink = out_file_sink(of.f);
    size_t index = 0;
    c->out = of.f;
    c->out_path = path;
    c->sink = &sink;
    c->index = &index;
    if (!r->o->no_header && hnp_write_header(r->o->format, &sink) != HNP_OK) {
        c->write_errno = errno;
    }
    if (!c->write_errno) {
        stream_input(c);
    }
    if (c->write_errno || out_commit(&of) != 0) {
        run_failf(r, "%s: cannot write output: %s", path,
                  strerror(c->write_errno ? c->write_errno : errno));
        r->st.failed++;
        r->st.write_errors++;
        out_abort(&of);
    }
}

static int is_regular(FILE *f)
{
    struct stat st;
    return fileno(f) >= 0 && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
}

static void stream_one(runner *r, hnp_worker *w, stream_pool *pool, const input_file *in)
{
    if (r->out_dir && !in->out_path) {
        return; /* cannot be mirrored: said and counted by run_plan_mirror */
    }
    FILE *f = strcmp(in->path, "-") == 0 ? stdin : fopen(in->path, "rb");
    if (!f) {
        run_failf(r, "%s: %s", in->path, strerror(errno));
        r->st.failed++;
        return;
    }
    stream_ctx c = {r, w, in, f, r->stream, &r->sink, &r->doc_index, &r->st, 0, NULL, pool, 0, 0};
    c.hold = is_regular(f) && !r->o->verbose; /* -v: each document's line after its output */
    if (r->out_dir) {
        stream_to_file(r, &c);
    } else {
        stream_input(&c);
        if (c.write_errno) {
            r->write_failed = c.write_errno;
        }
    }
    if (f != stdin) {
        fclose(f);
    }
}

static int run_streams(runner *r)
{
    hnp_worker *w;
    hnp_status st = runner_worker(r, &w);
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: cannot start: %s\n", hnp_strerror(st));
        return EXIT_USAGE;
    }
    /* -j 2 and more: the documents on the threads (without threads: on this one). Not for
     * the repair stage alone: handing an article to a thread and back costs more than
     * repairing it (bench.py, 40 MB of 6.6 kB records, -f text: 0.15 s on one thread,
     * 0.22 s on two). */
    int threads = r->o->jobs > 1 && run_stages(r->o) != HNP_STAGE_NORMALIZE;
    stream_pool *pool = threads ? stream_pool_create(r, r->o->jobs) : NULL;
    for (size_t i = 0; i < r->inputs->n && !r->write_failed; i++) {
        stream_one(r, w, pool, &r->inputs->v[i]);
    }
    stream_pool_free(pool);
    hnp_worker_free(w);
    return EXIT_OK;
}

/* The bytes the inputs hold, for the ETA; 0 (unknown) when one is not a regular file. */
static uint64_t input_bytes(const input_list *l)
{
    uint64_t total = 0;
    for (size_t i = 0; i < l->n; i++) {
        struct stat st;
        if (strcmp(l->v[i].path, "-") == 0 || stat(l->v[i].path, &st) != 0 ||
            !S_ISREG(st.st_mode)) {
            return 0;
        }
        total += (uint64_t)st.st_size;
    }
    return total;
}

static int run_inputs(runner *r)
{
    if (r->stream && !r->o->no_header && hnp_write_header(r->o->format, &r->sink) != HNP_OK) {
        r->write_failed = errno ? errno : EIO;
        return EXIT_USAGE;
    }
    if (r->o->input_format != INPUT_TEXT) {
        return run_streams(r);
    }
    return run_parallel(r);
}

int run_all(runner *r)
{
    int show = progress_wanted(r->o->progress, r->o->quiet);
    progress_init(&r->prog, show, show ? input_bytes(r->inputs) : 0);
    int status = run_inputs(r);
    progress_clear(&r->prog);
    return status;
}

/* batch.c -- run_all: line-oriented inputs one by one, text inputs on the worker pool. */
#include "run.h"
#include "stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* One line-oriented input into its own output file (mirror mode). */
static void stream_to_file(runner *r, stream_ctx *c)
{
    char *path = run_output_path(r, c->in->id);
    if (path && r->o->incremental && run_up_to_date(c->in->path, path)) {
        r->st.uptodate++;
        free(path);
        return;
    }
    out_file of;
    if (!path || out_open(&of, path, 0) != 0) {
        run_failf(r, "%s: cannot create output: %s", path ? path : c->in->id, strerror(errno));
        r->st.failed++;
        free(path);
        return;
    }
    hnp_sink sink = out_file_sink(of.f);
    size_t index = 0;
    c->out = of.f;
    c->sink = &sink;
    c->index = &index;
    if (!r->o->no_header && hnp_write_header(r->o->format, &sink) != HNP_OK) {
        c->write_errno = errno;
    }
    if (!c->write_errno) {
        r->o->input_format == INPUT_PUBTATOR ? stream_pubtator(c) : stream_records(c);
    }
    if (c->write_errno || out_commit(&of) != 0) {
        run_failf(r, "%s: cannot write output: %s", path,
                  strerror(c->write_errno ? c->write_errno : errno));
        r->st.failed++;
        out_abort(&of);
    }
    free(path);
}

static void stream_one(runner *r, hnp_worker *w, const input_file *in)
{
    FILE *f = strcmp(in->path, "-") == 0 ? stdin : fopen(in->path, "rb");
    if (!f) {
        run_failf(r, "%s: %s", in->path, strerror(errno));
        r->st.failed++;
        return;
    }
    stream_ctx c = {r, w, in, f, r->stream, &r->sink, &r->doc_index, &r->st, 0};
    if (r->out_dir) {
        stream_to_file(r, &c);
    } else {
        r->o->input_format == INPUT_PUBTATOR ? stream_pubtator(&c) : stream_records(&c);
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
    hnp_status st = hnp_worker_create(r->pipe, &w);
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: cannot start: %s\n", hnp_strerror(st));
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < r->inputs->n && !r->write_failed; i++) {
        stream_one(r, w, &r->inputs->v[i]);
    }
    hnp_worker_free(w);
    return EXIT_OK;
}

int run_all(runner *r)
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

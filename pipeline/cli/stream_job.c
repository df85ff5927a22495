/* stream_job.c -- one document of a line-oriented input: processed (on any thread), then
 * finished in input order (on the thread that writes). -j 1 does both at once. */
#include "stream.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

stream_job *stream_job_new(stream_job_kind kind, size_t lineno)
{
    stream_job *j = calloc(1, sizeof *j);
    if (j) {
        j->kind = kind;
        j->lineno = lineno;
    }
    return j;
}

void stream_job_free(stream_job *j)
{
    if (!j) {
        return;
    }
    free(j->id);
    free(j->text);
    free(j->abstract);
    free(j->line);
    jsonl_obj_free(&j->obj);
    report_log_free(&j->rep);
    free(j->keys);
    hnp_membuf_free(&j->out);
    free(j);
}

/* Without a pool the document is the next of its output: its index is the count so far. */
static size_t index_now(void *ctx, stream_job *j)
{
    (void)j;
    return *((stream_ctx *)ctx)->index;
}

int stream_submit(stream_ctx *c, stream_job *j)
{
    if (c->pool) {
        return stream_pool_submit(c->pool, j);
    }
    if (j->kind != SJOB_NOTE) {
        stream_job_run(c, c->w, j, c->sink, index_now, c);
    }
    stream_job_finish(c, j);
    stream_job_free(j);
    return c->write_errno ? -1 : 0;
}

int stream_stopped(stream_ctx *c)
{
    return c->pool ? stream_pool_stopped(c->pool) : c->write_errno != 0;
}

static void vnote(stream_job *j, stream_note kind, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

static void vnote(stream_job *j, stream_note kind, const char *fmt, va_list ap)
{
    j->note = kind;
    int n = snprintf(j->msg, sizeof j->msg, "hnpipe: ");
    vsnprintf(j->msg + n, sizeof j->msg - (size_t)n - 1, fmt, ap);
    strcat(j->msg, "\n");
}

static void job_note(stream_job *j, stream_note kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void job_note(stream_job *j, stream_note kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(j, kind, fmt, ap);
    va_end(ap);
}

void stream_note_f(stream_ctx *c, stream_note kind, const char *fmt, ...)
{
    stream_job *j = stream_job_new(SJOB_NOTE, 0);
    if (!j) {
        fputs("hnpipe: out of memory\n", stderr); /* the message itself could not be kept */
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vnote(j, kind, fmt, ap);
    va_end(ap);
    (void)stream_submit(c, j);
}

static hnp_status open_job(hnp_worker *w, const stream_job *j, const hnp_doc **whole)
{
    const uint8_t *text = j->text ? j->text : (const uint8_t *)"";
    switch (j->kind) {
    case SJOB_PUBTATOR:
        return hnp_worker_open_pubtator(w, j->id, text, j->text_len,
                                        j->abstract ? j->abstract : (const uint8_t *)"",
                                        j->abstract_len);
    case SJOB_MERGE:
        return hnp_worker_process(w, j->id, text, j->text_len, whole);
    case SJOB_RECORD:
    case SJOB_NOTE:
        break;
    }
    return hnp_worker_open(w, j->id, text, j->text_len);
}

/* --templates: the keys of the document's lines, counted in input order by the finisher
 * (short of memory: a document less). */
static void take_keys(const stream_ctx *c, stream_job *j, const hnp_doc *d)
{
    if (d && c->r->tmpl_seen &&
        hnp_templates_keys(d->text, d->len, &j->keys, &j->n_keys) != HNP_OK) {
        j->keys = NULL;
        j->n_keys = 0;
    }
}

/* -f jsonl: the input object without its closing brace (and without an annotation member
 * of an earlier run), then "hnpipe": the document's object. */
static hnp_status write_merged(const stream_job *j, const hnp_doc *d, const hnp_sink *out)
{
    hnp_membuf render = {0};
    hnp_sink mem = hnp_membuf_sink(&render);
    hnp_status st = hnp_write_doc(d, HNP_FMT_JSONL, 0, 0, &mem);
    const jsonl_obj *o = &j->obj;
    size_t at = 0;
    for (size_t k = 0; st == HNP_OK && k < o->n_cuts; k++) {
        st = out->write(out->ctx, j->line + at, o->cuts[k].start - at);
        at = o->cuts[k].end;
    }
    const char *key =
        o->n_members ? ",\"" JSONL_ANNOTATION_KEY "\":" : "\"" JSONL_ANNOTATION_KEY "\":";
    st = st == HNP_OK ? out->write(out->ctx, j->line + at, o->close - at) : st;
    st = st == HNP_OK ? out->write(out->ctx, key, strlen(key)) : st;
    st = st == HNP_OK ? out->write(out->ctx, render.data, render.len - 1) : st; /* no \n */
    st = st == HNP_OK ? out->write(out->ctx, "}\n", 2) : st;
    hnp_membuf_free(&render);
    return st;
}

/* The whole document d of a SJOB_MERGE job: counted, then written into its object. */
static void run_merge(const stream_ctx *c, stream_job *j, const hnp_doc *d, const hnp_sink *sink)
{
    run_count_window(&j->st, d);
    run_count_doc(&j->st, d);
    if (c->r->o->report_path) {
        report_log one;
        memset(&one, 0, sizeof one);
        if (report_log_window(&one, d) == 0) { /* short of memory: a row less */
            (void)report_log_doc(&j->rep, &one, d, c->out_path);
        }
        report_log_free(&one);
    }
    take_keys(c, j, d);
    if (write_merged(j, d, sink) != HNP_OK) {
        j->write_errno = errno ? errno : EIO;
        return;
    }
    j->flush = 1;
}

void stream_job_run(const stream_ctx *c, hnp_worker *w, stream_job *j, const hnp_sink *sink,
                    stream_index_fn index_of, void *ctx)
{
    const cli_opts *o = c->r->o;
    const hnp_doc *d = NULL;
    hnp_status st = open_job(w, j, &d);
    j->opened = st == HNP_OK;
    j->index = index_of(ctx, j);
    if (st != HNP_OK) {
        job_note(j, st == HNP_ERR_BINARY || st == HNP_ERR_TOOBIG ? SNOTE_SKIPPED : SNOTE_FAILED,
                 "%s:%zu: document skipped: %s", c->in->path, j->lineno, hnp_strerror(st));
        return;
    }
    if (j->kind == SJOB_MERGE) {
        run_merge(c, j, d, sink);
        return;
    }
    unsigned flags = o->input_format != INPUT_PUBTATOR ? HNP_OUT_RECORDS : 0;
    st = run_write_doc(o, w, flags, j->index, sink, &j->st, o->report_path ? &j->rep : NULL,
                       c->out_path, &d);
    take_keys(c, j, d);
    if (st == HNP_ERR_IO) {
        j->write_errno = errno ? errno : EIO;
    } else if (st != HNP_OK) {
        job_note(j, SNOTE_FAILED, "%s:%zu: document failed: %s", c->in->path, j->lineno,
                 hnp_strerror(st));
    } else {
        j->flush = 1;
    }
}

static void print_note(stream_ctx *c, const stream_job *j)
{
    switch (j->note) {
    case SNOTE_NONE:
        return;
    case SNOTE_WARN:
        if (!c->r->o->quiet) {
            fputs(j->msg, stderr);
        }
        return;
    case SNOTE_FAILED:
    case SNOTE_SKIPPED:
        break;
    }
    run_note_failure(c->r, j->msg);
    if (j->note == SNOTE_SKIPPED) {
        c->st->skipped++;
    } else {
        c->st->failed++;
    }
}

void stream_job_finish(stream_ctx *c, stream_job *j)
{
    runner *r = c->r;
    if (j->out.len && !j->write_errno &&
        c->sink->write(c->sink->ctx, j->out.data, j->out.len) != HNP_OK) {
        j->write_errno = errno ? errno : EIO;
    }
    int flush = c->hold ? j->note != SNOTE_NONE : j->flush; /* messages after the output */
    if (!j->write_errno && flush && fflush(c->out) != 0) {
        j->write_errno = errno ? errno : EIO;
    }
    if (j->write_errno) {
        c->write_errno = j->write_errno;
    }
    *c->index += (size_t)j->opened;
    if (j->keys && r->tmpl_seen) { /* short of memory: a document less */
        (void)hnp_templates_add_keys(r->tmpl_seen, j->keys, j->n_keys);
    }
    print_note(c, j);
    if (j->st.docs) {
        run_verbose_doc(r, j->id, &j->st);
    }
    run_add_stats(c->st, &j->st);
    if (r->o->report_path) {
        (void)report_log_merge(&r->rep, &j->rep);
    }
}

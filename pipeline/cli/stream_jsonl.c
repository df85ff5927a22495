/* stream_jsonl.c -- --input-format jsonl: one JSON object a line, its text and id taken
 * from the members named by --text-field and --id-field. A bad line is reported with its
 * number and skipped; the run goes on and ends with exit status 1. With -f jsonl the input
 * object is written back with its members as they were and the annotations added. */
#include "jsonl.h"
#include "stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct jsonl_state {
    hnp_membuf text, id, render;
    jsonl_obj obj; /* its cut list is reused line after line */
} jsonl_state;

/* "PATH:LINE: line skipped: WHAT ARG WHY". */
static void bad_line(stream_ctx *c, size_t lineno, const char *what, const char *arg,
                     const char *why)
{
    run_failf(c->r, "%s:%zu: line skipped: %s%s%s", c->in->path, lineno, what, arg, why);
    c->st->failed++;
}

/* The document id: a string member decoded, a number as written, else the line number. */
static int take_id(stream_ctx *c, jsonl_state *s, const char *line, const jsonl_obj *o,
                   size_t lineno)
{
    hnp_sink sink = hnp_membuf_sink(&s->id);
    s->id.len = 0;
    if (o->id.end && o->id_type == '"') {
        return jsonl_decode_string(line, o->id, &s->id);
    }
    char num[32];
    const char *p = num;
    size_t n = (size_t)snprintf(num, sizeof num, "%zu", lineno);
    if (o->id.end && o->id_type != 'n') {
        if (o->id_type != '-' && (o->id_type < '0' || o->id_type > '9')) {
            bad_line(c, lineno, "member \"", c->r->o->id_field, "\" is not a string or a number");
            return 1;
        }
        p = line + o->id.start;
        n = o->id.end - o->id.start;
    }
    if (sink.write(sink.ctx, p, n) != HNP_OK || sink.write(sink.ctx, "", 1) != HNP_OK) {
        return -1;
    }
    return 0;
}

/* -f jsonl: the input object without its closing brace (and without an annotation member
 * of an earlier run), then "hnpipe": the document's object. */
static hnp_status write_merged(stream_ctx *c, jsonl_state *s, const hnp_doc *d, const char *line,
                               const jsonl_obj *o)
{
    s->render.len = 0;
    hnp_sink mem = hnp_membuf_sink(&s->render);
    HNP_TRY(hnp_write_doc(d, HNP_FMT_JSONL, 0, 0, &mem));
    const hnp_sink *out = c->sink;
    size_t at = 0;
    for (size_t k = 0; k < o->n_cuts; k++) {
        HNP_TRY(out->write(out->ctx, line + at, o->cuts[k].start - at));
        at = o->cuts[k].end;
    }
    HNP_TRY(out->write(out->ctx, line + at, o->close - at));
    const char *key =
        o->n_members ? ",\"" JSONL_ANNOTATION_KEY "\":" : "\"" JSONL_ANNOTATION_KEY "\":";
    HNP_TRY(out->write(out->ctx, key, strlen(key)));
    HNP_TRY(out->write(out->ctx, s->render.data, s->render.len - 1)); /* without its \n */
    return out->write(out->ctx, "}\n", 2);
}

static void emit_merged(stream_ctx *c, jsonl_state *s, const hnp_doc *d, const char *line,
                        const jsonl_obj *o)
{
    stream_count_doc(c, d);
    (*c->index)++;
    if (write_merged(c, s, d, line, o) != HNP_OK || fflush(c->out) != 0) {
        c->write_errno = errno ? errno : EIO;
    }
}

static void one_object(stream_ctx *c, jsonl_state *s, const char *line, size_t len, size_t lineno)
{
    const cli_opts *opt = c->r->o;
    jsonl_obj *o = &s->obj;
    jsonl_err e;
    if (jsonl_parse(line, len, opt->text_field, opt->id_field, o, &e) != 0) {
        char why[128];
        snprintf(why, sizeof why, "column %zu: %s", e.column, e.why);
        bad_line(c, lineno, "bad JSON at ", why, "");
        return;
    }
    if (!o->text.end || line[o->text.start] != '"') {
        bad_line(c, lineno, o->text.end ? "member \"" : "no member \"", opt->text_field,
                 o->text.end ? "\" is not a string" : "\"");
        return;
    }
    int rc = take_id(c, s, line, o, lineno);
    if (rc == 0 && jsonl_decode_string(line, o->text, &s->text) != 0) {
        rc = -1;
    }
    if (rc != 0) {
        if (rc < 0) {
            bad_line(c, lineno, "out of memory", "", "");
        }
        return;
    }
    c->st->bytes += s->text.len;
    /* jsonl into jsonl is merged with the input object, which is held whole anyway: the
     * document whole too; the other formats go window by window */
    const hnp_doc *d;
    hnp_status st =
        opt->format == HNP_FMT_JSONL
            ? hnp_worker_process(c->w, (const char *)s->id.data, s->text.data, s->text.len, &d)
            : hnp_worker_open(c->w, (const char *)s->id.data, s->text.data, s->text.len);
    if (st != HNP_OK) {
        stream_doc_failed(c, lineno, st);
    } else if (opt->format == HNP_FMT_JSONL) {
        emit_merged(c, s, d, line, o);
    } else {
        stream_emit(c, (const char *)s->id.data, lineno);
    }
}

void stream_jsonl(stream_ctx *c)
{
    line_reader lr = {.f = c->f};
    jsonl_state s;
    memset(&s, 0, sizeof s);
    ssize_t n;
    while (!c->write_errno && (n = stream_next_line(c, &lr)) >= 0) {
        const char *line = lr.line;
        size_t len = (size_t)n;
        if (lr.lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            line += 3; /* a UTF-8 byte order mark before the first object */
            len -= 3;
        }
        if (len > 0) {
            one_object(c, &s, line, len, lr.lineno);
        }
        stream_progress(c, &lr);
    }
    if (lr.err) {
        run_failf(c->r, "%s: read error: %s", c->in->path, strerror(lr.err));
        c->st->failed++;
    }
    c->r->bytes_done += lr.consumed;
    hnp_membuf_free(&s.text);
    hnp_membuf_free(&s.id);
    hnp_membuf_free(&s.render);
    jsonl_obj_free(&s.obj);
    stream_reader_free(&lr);
}

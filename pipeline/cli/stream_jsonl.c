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
    hnp_membuf text, id;
    jsonl_obj obj; /* its cut list is reused line after line */
} jsonl_state;

/* "PATH:LINE: line skipped: WHAT ARG WHY". */
static void bad_line(stream_ctx *c, size_t lineno, const char *what, const char *arg,
                     const char *why)
{
    stream_note_f(c, SNOTE_FAILED, "%s:%zu: line skipped: %s%s%s", c->in->path, lineno, what, arg,
                  why);
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

/* -f jsonl (merged with the input object): the object up to its closing brace and where
 * its members are, copied. Returns 0, or -1 when out of memory. */
static int keep_object(stream_job *j, const char *line, const jsonl_obj *o)
{
    j->obj = *o;
    j->obj.cuts = NULL;
    j->obj.cap_cuts = j->obj.n_cuts;
    if (o->n_cuts && !(j->obj.cuts = malloc(o->n_cuts * sizeof *o->cuts))) {
        return -1;
    }
    if (o->n_cuts) {
        memcpy(j->obj.cuts, o->cuts, o->n_cuts * sizeof *o->cuts);
    }
    if (!(j->line = malloc(o->close ? o->close : 1))) {
        return -1;
    }
    memcpy(j->line, line, o->close);
    return 0;
}

/* The decoded id and text move into a job (the next line decodes into fresh buffers). */
static void submit_object(stream_ctx *c, jsonl_state *s, const char *line, const jsonl_obj *o,
                          size_t lineno)
{
    int merge = c->r->o->format == HNP_FMT_JSONL;
    stream_job *j = stream_job_new(merge ? SJOB_MERGE : SJOB_RECORD, lineno);
    if (!j || (merge && keep_object(j, line, o) != 0)) {
        stream_job_free(j);
        bad_line(c, lineno, "out of memory", "", "");
        return;
    }
    j->id = (char *)s->id.data;
    j->text = s->text.data;
    j->text_len = s->text.len;
    j->st.bytes = s->text.len;
    memset(&s->id, 0, sizeof s->id);
    memset(&s->text, 0, sizeof s->text);
    (void)stream_submit(c, j);
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
    /* jsonl into jsonl is merged with the input object, which is held whole anyway: the
     * document whole too (SJOB_MERGE); the other formats go window by window */
    submit_object(c, s, line, o, lineno);
}

void stream_jsonl(stream_ctx *c)
{
    line_reader lr = {.f = c->f};
    jsonl_state s;
    memset(&s, 0, sizeof s);
    ssize_t n;
    while (!stream_stopped(c) && (n = stream_next_line(c, &lr)) >= 0) {
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
        stream_note_f(c, SNOTE_FAILED, "%s: read error: %s", c->in->path, strerror(lr.err));
    }
    c->consumed = lr.consumed;
    hnp_membuf_free(&s.text);
    hnp_membuf_free(&s.id);
    jsonl_obj_free(&s.obj);
    stream_reader_free(&lr);
}

/* stream.c -- line-oriented inputs (--records, --input-format pubtator), processed one
 * document at a time on one worker and flushed per document, so memory grows with the
 * largest document, never with the number of records. */
#include "stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Grows lr->line by doubling until it holds need bytes, never past limit + 1 (the line and
 * its NUL; need is within it). */
static int grow_line(line_reader *lr, size_t need, size_t limit)
{
    size_t cap = lr->cap ? lr->cap : 4096;
    while (cap < need) {
        cap = cap > limit / 2 ? limit + 1 : cap * 2;
    }
    cap = cap > limit + 1 ? limit + 1 : cap;
    if (cap <= lr->cap) {
        return 0;
    }
    char *p = realloc(lr->line, cap);
    if (!p) {
        return -1;
    }
    lr->line = p;
    lr->cap = cap;
    return 0;
}

/* The reader's own buffer: lines are found with memchr in blocks of what read() returns,
 * not a getc a byte. read(), not fread(): it returns what a pipe holds at once, so a record
 * is processed as soon as its line has arrived. The FILE is read through its descriptor
 * only (nothing else reads it, before or after); one without a descriptor with fread. */
enum { READ_CHUNK = 1 << 16 };

/* Refills lr->buf: 1 bytes are there, 0 end of input, -1 read error (lr->err), -2 out of
 * memory. */
static int fill(line_reader *lr)
{
    if (!lr->buf && !(lr->buf = malloc(READ_CHUNK))) {
        return -2;
    }
    lr->pos = lr->end = 0;
    if (fileno(lr->f) < 0) { /* a FILE on memory (fmemopen, the fuzz driver): no descriptor */
        lr->end = fread(lr->buf, 1, READ_CHUNK, lr->f);
        lr->err = lr->end == 0 && ferror(lr->f) ? EIO : 0;
        return lr->err ? -1 : lr->end > 0;
    }
    for (;;) {
        ssize_t got = read(fileno(lr->f), lr->buf, READ_CHUNK);
        if (got >= 0) {
            lr->end = (size_t)got;
            return got > 0;
        }
        if (errno != EINTR) {
            lr->err = errno;
            return -1;
        }
    }
}

/* Reads a line (without its \n) into lr->line while it stays within limit bytes; a longer
 * line is read past but never stored. Returns 0 for a line (*len set), 1 for a line over
 * the limit, -1 at the end of the input or on a read error, -2 when out of memory. */
static int read_line(line_reader *lr, size_t limit, size_t *len)
{
    size_t n = 0;
    uint64_t got = 0;
    int over = 0, nl = 0, r = 1;
    while (!nl) {
        if (lr->pos == lr->end && (r = fill(lr)) <= 0) {
            break;
        }
        const char *s = lr->buf + lr->pos, *e = memchr(s, '\n', lr->end - lr->pos);
        size_t take = e ? (size_t)(e - s) : lr->end - lr->pos;
        nl = e != NULL;
        got += take;
        lr->pos += take + (size_t)nl;
        if (over || take > limit - n) {
            over = 1; /* a record's size is checked while reading it */
        } else if (grow_line(lr, n + take + 1, limit) != 0) {
            r = -2;
            break;
        } else {
            memcpy(lr->line + n, s, take);
            n += take;
        }
    }
    lr->consumed += got + (uint64_t)nl;
    if (r == -2 || (!over && grow_line(lr, n + 1, limit) != 0)) {
        return -2;
    }
    if (!nl && got == 0) {
        return -1;
    }
    if (!over) {
        lr->line[n] = '\0';
    }
    *len = n;
    return over;
}

void stream_reader_free(line_reader *lr)
{
    free(lr->line);
    free(lr->buf);
    lr->line = lr->buf = NULL;
}

/* A record line holds an id besides the text: room for one of up to 64 KiB. */
static size_t line_limit(size_t max_doc_size)
{
    return max_doc_size < SIZE_MAX - (1u << 16) ? max_doc_size + (1u << 16) : SIZE_MAX - 1;
}

ssize_t stream_next_line(stream_ctx *c, line_reader *lr)
{
    size_t n = 0;
    int rc;
    while ((rc = read_line(lr, line_limit(c->r->o->max_doc_size), &n)) > 0) {
        lr->lineno++;
        run_failf(c->r, "%s:%zu: skipped: line longer than --max-doc-size (read past, not kept)",
                  c->in->path, lr->lineno);
        c->st->skipped++;
    }
    if (rc == -2) {
        run_failf(c->r, "%s:%zu: out of memory reading a line", c->in->path, lr->lineno + 1);
        c->st->failed++;
    }
    if (rc < 0) {
        return -1;
    }
    lr->lineno++;
    if (n > 0 && lr->line[n - 1] == '\r') {
        lr->line[--n] = '\0';
    }
    return (ssize_t)n;
}

void stream_progress(stream_ctx *c, const line_reader *lr)
{
    progress_update(&c->r->prog, c->r->st.docs, c->r->bytes_done + lr->consumed);
}

void stream_count_doc(stream_ctx *c, const hnp_doc *d)
{
    run_stats one;
    memset(&one, 0, sizeof one);
    run_count_window(&one, d);
    run_count_doc(&one, d);
    run_verbose_doc(c->r, d->id, &one);
    run_add_stats(c->st, &one);
    if (c->r->o->report_path) {
        report_log rep;
        memset(&rep, 0, sizeof rep);
        if (report_log_window(&rep, d) == 0) { /* short of memory: a row less */
            (void)report_log_doc(&c->r->rep, &rep, d, c->out_path);
        }
        report_log_free(&rep);
    }
    if (c->r->tmpl_seen) {
        (void)hnp_templates_add(c->r->tmpl_seen, d->text, d->len); /* short of memory: a doc less */
    }
}

void stream_emit(stream_ctx *c, const char *id, size_t lineno)
{
    runner *r = c->r;
    run_stats one;
    memset(&one, 0, sizeof one);
    unsigned flags = r->o->input_format != INPUT_PUBTATOR ? HNP_OUT_RECORDS : 0;
    const hnp_doc *d = NULL;
    hnp_status st = run_write_doc(r->o, c->w, flags, (*c->index)++, c->sink, &one,
                                  r->o->report_path ? &r->rep : NULL, c->out_path, &d);
    if (d && r->tmpl_seen) {
        (void)hnp_templates_add(r->tmpl_seen, d->text, d->len); /* short of memory: a doc less */
    }
    if (st == HNP_ERR_IO || (st == HNP_OK && fflush(c->out) != 0)) {
        c->write_errno = errno ? errno : EIO;
    } else if (st != HNP_OK) {
        run_failf(r, "%s:%zu: document failed: %s", c->in->path, lineno, hnp_strerror(st));
        one.failed++;
    }
    if (one.docs) {
        run_verbose_doc(r, id, &one);
    }
    run_add_stats(c->st, &one);
}

void stream_doc_failed(stream_ctx *c, size_t lineno, hnp_status st)
{
    run_failf(c->r, "%s:%zu: document skipped: %s", c->in->path, lineno, hnp_strerror(st));
    if (st == HNP_ERR_BINARY || st == HNP_ERR_TOOBIG) {
        c->st->skipped++;
    } else {
        c->st->failed++;
    }
}

static int hex_digit(char ch)
{
    return ch >= '0' && ch <= '9'   ? ch - '0'
           : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
           : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                    : -1;
}

/* Undoes the writers' id escapes in place, so ids survive any number of passes: \\ \t \n
 * \r, and \xNN (a byte that is not UTF-8, or | in PubTator). Other pairs stay as they are. */
static void unescape_id(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        int hi = r[0] == '\\' && r[1] == 'x' ? hex_digit(r[2]) : -1;
        int lo = hi >= 0 ? hex_digit(r[3]) : -1;
        if (lo >= 0 && (hi || lo)) {
            *w++ = (char)(hi << 4 | lo);
            r += 4;
            continue;
        }
        char e = r[0] != '\\'   ? 0
                 : r[1] == '\\' ? '\\'
                 : r[1] == 't'  ? '\t'
                 : r[1] == 'n'  ? '\n'
                 : r[1] == 'r'  ? '\r'
                                : 0;
        *w++ = e ? e : *r;
        r += e ? 2 : 1;
    }
    *w = '\0';
}

static void one_record(stream_ctx *c, char *line, size_t len, size_t lineno)
{
    char *tab = memchr(line, '\t', len);
    if (!tab) {
        run_failf(c->r, "%s:%zu: record has no TAB between id and text", c->in->path, lineno);
        c->st->failed++;
        return;
    }
    *tab = '\0';
    unescape_id(line);
    uint8_t *text = (uint8_t *)tab + 1;
    size_t text_len = hnp_tsv_unescape(text, len - (size_t)(text - (uint8_t *)line));
    c->st->bytes += text_len;
    hnp_status st = hnp_worker_open(c->w, line, text, text_len);
    if (st != HNP_OK) {
        stream_doc_failed(c, lineno, st);
        return;
    }
    stream_emit(c, line, lineno);
}

void stream_records(stream_ctx *c)
{
    line_reader lr = {.f = c->f};
    ssize_t n;
    while (!c->write_errno && (n = stream_next_line(c, &lr)) >= 0) {
        if (n == 0) {
            continue;
        }
        one_record(c, lr.line, (size_t)n, lr.lineno);
        stream_progress(c, &lr);
    }
    if (lr.err) {
        run_failf(c->r, "%s: read error: %s", c->in->path, strerror(lr.err));
        c->st->failed++;
    }
    c->r->bytes_done += lr.consumed;
    stream_reader_free(&lr);
}

/* ---- PubTator ------------------------------------------------------------------------ */

typedef struct pt_doc {
    char *id;
    char *title, *abstract;
    size_t title_len, abstract_len, lineno;
} pt_doc;

static void pt_clear(pt_doc *p)
{
    free(p->id);
    free(p->title);
    free(p->abstract);
    memset(p, 0, sizeof *p);
}

static void pt_flush(stream_ctx *c, pt_doc *p)
{
    if (!p->id) {
        return;
    }
    c->st->bytes += p->title_len + p->abstract_len;
    hnp_status st = hnp_worker_open_pubtator(
        c->w, p->id, (const uint8_t *)(p->title ? p->title : ""), p->title_len,
        (const uint8_t *)(p->abstract ? p->abstract : ""), p->abstract_len);
    if (st != HNP_OK) {
        stream_doc_failed(c, p->lineno, st);
    } else {
        stream_emit(c, p->id, p->lineno);
    }
    pt_clear(p);
}

/* "PMID|t|text" or "PMID|a|text": sets *kind and returns the text, or NULL. */
static char *pt_field(char *line, char *kind)
{
    char *bar = strchr(line, '|');
    if (!bar || (bar[1] != 't' && bar[1] != 'a') || bar[2] != '|') {
        return NULL;
    }
    *kind = bar[1];
    *bar = '\0';
    return bar + 3;
}

/* A second abstract line of one document is joined to the first with a space, never
 * dropped. Returns 0, or -1 when out of memory. */
static int pt_join_abstract(stream_ctx *c, pt_doc *p, const char *text, size_t lineno)
{
    size_t len = strlen(text);
    char *joined = realloc(p->abstract, p->abstract_len + len + 2);
    if (!joined) {
        return -1;
    }
    joined[p->abstract_len] = ' ';
    memcpy(joined + p->abstract_len + 1, text, len + 1);
    p->abstract = joined;
    p->abstract_len += len + 1;
    if (!c->r->o->quiet) {
        fprintf(stderr, "hnpipe: %s:%zu: a second abstract line for %s: joined to the first\n",
                c->in->path, lineno, p->id);
    }
    return 0;
}

static int pt_line(stream_ctx *c, pt_doc *p, char *line, size_t lineno)
{
    char kind;
    char *text = pt_field(line, &kind);
    if (!text) {
        if (!strchr(line, '\t')) { /* annotation and relation lines are not ours to keep */
            run_failf(c->r,
                      "%s:%zu: not a PubTator line (ID|t|TITLE, ID|a|ABSTRACT or ID<TAB>...): "
                      "skipped",
                      c->in->path, lineno);
            c->st->failed++;
        }
        return 0;
    }
    unescape_id(line);
    if (p->id && (strcmp(p->id, line) != 0 || (kind == 't' && p->title))) {
        pt_flush(c, p);
    }
    if (!p->id && !(p->id = strdup(line))) {
        return -1;
    }
    p->lineno = p->lineno ? p->lineno : lineno;
    if (kind == 'a' && p->abstract) {
        return pt_join_abstract(c, p, text, lineno);
    }
    char **dst = kind == 't' ? &p->title : &p->abstract;
    if (!(*dst = strdup(text))) {
        return -1;
    }
    *(kind == 't' ? &p->title_len : &p->abstract_len) = strlen(text);
    return 0;
}

void stream_pubtator(stream_ctx *c)
{
    line_reader lr = {.f = c->f};
    pt_doc p;
    memset(&p, 0, sizeof p);
    ssize_t n;
    while (!c->write_errno && (n = stream_next_line(c, &lr)) >= 0) {
        if (n == 0) {
            pt_flush(c, &p);
        } else if (pt_line(c, &p, lr.line, lr.lineno) != 0) {
            run_failf(c->r, "%s:%zu: out of memory", c->in->path, lr.lineno);
            c->st->failed++;
            break;
        }
        stream_progress(c, &lr);
    }
    if (!c->write_errno) {
        pt_flush(c, &p);
    }
    pt_clear(&p);
    c->r->bytes_done += lr.consumed;
    stream_reader_free(&lr);
}

void stream_input(stream_ctx *c)
{
    switch (c->r->o->input_format) {
    case INPUT_PUBTATOR:
        stream_pubtator(c);
        break;
    case INPUT_JSONL:
        stream_jsonl(c);
        break;
    case INPUT_RECORDS:
    case INPUT_TEXT:
        stream_records(c);
        break;
    }
}

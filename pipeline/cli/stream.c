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
        stream_note_f(c, SNOTE_SKIPPED,
                      "%s:%zu: skipped: line longer than --max-doc-size (read past, not kept)",
                      c->in->path, lr->lineno);
    }
    if (rc == -2) {
        stream_note_f(c, SNOTE_FAILED, "%s:%zu: out of memory reading a line", c->in->path,
                      lr->lineno + 1);
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
    c->consumed = lr->consumed;
    if (!c->pool) { /* with a pool the thread that finishes the jobs draws it */
        progress_update(&c->r->prog, c->r->st.docs, c->r->bytes_done + lr->consumed);
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

/* The record's id and text, unescaped, copied into a job of their own. */
static void one_record(stream_ctx *c, char *line, size_t len, size_t lineno)
{
    char *tab = memchr(line, '\t', len);
    if (!tab) {
        stream_note_f(c, SNOTE_FAILED, "%s:%zu: record has no TAB between id and text", c->in->path,
                      lineno);
        return;
    }
    *tab = '\0';
    unescape_id(line);
    uint8_t *text = (uint8_t *)tab + 1;
    size_t text_len = hnp_tsv_unescape(text, len - (size_t)(text - (uint8_t *)line));
    stream_job *j = stream_job_new(SJOB_RECORD, lineno);
    if (j && (j->id = strdup(line)) && (j->text = malloc(text_len ? text_len : 1))) {
        memcpy(j->text, text, text_len);
        j->text_len = text_len;
        j->st.bytes = text_len;
        (void)stream_submit(c, j);
        return;
    }
    stream_job_free(j);
    stream_note_f(c, SNOTE_FAILED, "%s:%zu: out of memory", c->in->path, lineno);
}

void stream_records(stream_ctx *c)
{
    line_reader lr = {.f = c->f};
    ssize_t n;
    while (!stream_stopped(c) && (n = stream_next_line(c, &lr)) >= 0) {
        if (n == 0) {
            continue;
        }
        one_record(c, lr.line, (size_t)n, lr.lineno);
        stream_progress(c, &lr);
    }
    if (lr.err) {
        stream_note_f(c, SNOTE_FAILED, "%s: read error: %s", c->in->path, strerror(lr.err));
    }
    c->consumed = lr.consumed;
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
    stream_job *j = stream_job_new(SJOB_PUBTATOR, p->lineno);
    if (!j) {
        stream_note_f(c, SNOTE_FAILED, "%s:%zu: out of memory", c->in->path, p->lineno);
        pt_clear(p);
        return;
    }
    j->id = p->id; /* the job takes the document's strings */
    j->text = (uint8_t *)p->title;
    j->abstract = (uint8_t *)p->abstract;
    j->text_len = p->title_len;
    j->abstract_len = p->abstract_len;
    j->st.bytes = p->title_len + p->abstract_len;
    memset(p, 0, sizeof *p);
    (void)stream_submit(c, j);
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
    stream_note_f(c, SNOTE_WARN, "%s:%zu: a second abstract line for %s: joined to the first",
                  c->in->path, lineno, p->id);
    return 0;
}

static int pt_line(stream_ctx *c, pt_doc *p, char *line, size_t lineno)
{
    char kind;
    char *text = pt_field(line, &kind);
    if (!text) {
        if (!strchr(line, '\t')) { /* annotation and relation lines are not ours to keep */
            stream_note_f(c, SNOTE_FAILED,
                          "%s:%zu: not a PubTator line (ID|t|TITLE, ID|a|ABSTRACT or "
                          "ID<TAB>...): skipped",
                          c->in->path, lineno);
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
    while (!stream_stopped(c) && (n = stream_next_line(c, &lr)) >= 0) {
        if (n == 0) {
            pt_flush(c, &p);
        } else if (pt_line(c, &p, lr.line, lr.lineno) != 0) {
            stream_note_f(c, SNOTE_FAILED, "%s:%zu: out of memory", c->in->path, lr.lineno);
            break;
        }
        stream_progress(c, &lr);
    }
    if (!stream_stopped(c)) {
        pt_flush(c, &p);
    }
    pt_clear(&p);
    c->consumed = lr.consumed;
    stream_reader_free(&lr);
}

void stream_read(stream_ctx *c)
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

void stream_input(stream_ctx *c)
{
    if (!c->pool || stream_pool_run(c->pool, c) != 0) {
        c->pool = NULL; /* no reader thread: all on this one */
        stream_read(c);
    }
    if (c->hold && !c->write_errno && fflush(c->out) != 0) {
        c->write_errno = errno ? errno : EIO;
    }
    c->r->bytes_done += c->consumed;
}

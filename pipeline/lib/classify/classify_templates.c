/* classify_templates.c -- the site-template memory (hnp_templates, classify.h) and its use
 * after the model: lines that recur across many documents are the site's navigation and
 * footers.
 *
 * The memory is an open-addressing table of 64-bit line hashes and document counts. Its
 * text form is sorted by hash, so the same memory always saves to the same bytes. */
#include "classify_internal.h"

#include "base/fnv.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A line counts as template evidence from this many documents on; two pages may share a
 * line by chance (a quote, a syndicated paragraph), three from one site rarely do. */
enum { TEMPLATE_MIN_DOCS = 3 };

/* Lines shorter than this (visible bytes) carry no site identity ("Home", "1"). */
enum { TEMPLATE_MIN_BYTES = 3 };

typedef struct slot {
    uint64_t h; /* 0: empty */
    uint32_t count;
} slot;

struct hnp_templates {
    slot *v;
    size_t cap, n; /* cap is a power of two */
    size_t docs;
};

/* FNV-1a over the line with ASCII case, digits (dates, counters) and blank runs folded,
 * so "Posted 3 May 2019" on every page of a site is one line. 0 when too short. */
static uint64_t line_hash(const uint8_t *s, size_t n)
{
    uint64_t h = HNP_FNV64_INIT;
    size_t vis = 0;
    int blank = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            blank = vis > 0;
            continue;
        }
        if (blank) {
            h = hnp_fnv64_byte(h, ' ');
            blank = 0;
        }
        c = c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c >= '0' && c <= '9' ? (uint8_t)'0' : c;
        h = hnp_fnv64_byte(h, c);
        vis++;
    }
    return vis < TEMPLATE_MIN_BYTES ? 0 : h ? h : 1;
}

hnp_status hnp_templates_create(hnp_templates **out)
{
    if (!out) {
        return HNP_ERR_INVALID;
    }
    hnp_templates *t = calloc(1, sizeof *t);
    if (!t) {
        return HNP_ERR_NOMEM;
    }
    t->cap = 1024;
    t->v = calloc(t->cap, sizeof *t->v);
    if (!t->v) {
        free(t);
        return HNP_ERR_NOMEM;
    }
    *out = t;
    return HNP_OK;
}

void hnp_templates_free(hnp_templates *t)
{
    if (t) {
        free(t->v);
        free(t);
    }
}

static slot *find_slot(slot *v, size_t cap, uint64_t h)
{
    size_t i = (size_t)(h ^ h >> 29) & (cap - 1);
    while (v[i].h != 0 && v[i].h != h) {
        i = (i + 1) & (cap - 1);
    }
    return &v[i];
}

/* Moves the entries counted more than min_keep - 1 times into a table of new_cap slots. */
static hnp_status rehash(hnp_templates *t, size_t new_cap, uint32_t min_keep)
{
    slot *v = calloc(new_cap, sizeof *v);
    if (!v) {
        return HNP_ERR_NOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < t->cap; i++) {
        if (t->v[i].h != 0 && t->v[i].count >= min_keep) {
            *find_slot(v, new_cap, t->v[i].h) = t->v[i];
            n++;
        }
    }
    free(t->v);
    t->v = v;
    t->cap = new_cap;
    t->n = n;
    return HNP_OK;
}

/* Room for one more entry: grow at 3/4 load; at the maximum, forget the rarest lines
 * (seen once, then twice, ...) as lossy counting does. */
static hnp_status make_room(hnp_templates *t)
{
    if ((t->n + 1) * 4 <= t->cap * 3) {
        return HNP_OK;
    }
    if (t->n < HNP_TEMPLATES_MAX) {
        return rehash(t, t->cap * 2, 1);
    }
    for (uint32_t keep = 2; t->n >= HNP_TEMPLATES_MAX / 2; keep++) {
        HNP_TRY(rehash(t, t->cap, keep));
    }
    return HNP_OK;
}

static hnp_status bump(hnp_templates *t, uint64_t h, uint32_t by)
{
    slot *s = find_slot(t->v, t->cap, h);
    if (s->h == 0) {
        HNP_TRY(make_room(t));
        s = find_slot(t->v, t->cap, h);
        s->h = h;
        t->n++;
    }
    s->count = s->count > UINT32_MAX - by ? UINT32_MAX : s->count + by;
    return HNP_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The hashes of the document's lines, sorted and without repeats; *n on return. */
static hnp_status doc_lines(const uint8_t *text, size_t len, uint64_t **out, size_t *n)
{
    size_t lines = 1;
    for (const uint8_t *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++) {
        lines++;
    }
    uint64_t *h = malloc(lines * sizeof *h);
    if (!h) {
        return HNP_ERR_NOMEM;
    }
    size_t k = 0, a = 0;
    while (a <= len) {
        const uint8_t *nl = a < len ? memchr(text + a, '\n', len - a) : NULL;
        size_t b = nl ? (size_t)(nl - text) : len;
        uint64_t x = line_hash(text + a, b - a);
        if (x != 0) {
            h[k++] = x;
        }
        a = b + 1;
    }
    qsort(h, k, sizeof *h, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < k; i++) {
        if (u == 0 || h[u - 1] != h[i]) {
            h[u++] = h[i];
        }
    }
    *out = h;
    *n = u;
    return HNP_OK;
}

hnp_status hnp_templates_keys(const uint8_t *text, size_t len, uint64_t **keys, size_t *n)
{
    if (!keys || !n || (len > 0 && !text)) {
        return HNP_ERR_INVALID;
    }
    return doc_lines(text ? text : (const uint8_t *)"", len, keys, n);
}

hnp_status hnp_templates_add_keys(hnp_templates *t, const uint64_t *keys, size_t n)
{
    if (!t || (n > 0 && !keys)) {
        return HNP_ERR_INVALID;
    }
    hnp_status st = HNP_OK;
    for (size_t i = 0; i < n && st == HNP_OK; i++) {
        st = bump(t, keys[i], 1);
    }
    t->docs += st == HNP_OK;
    return st;
}

hnp_status hnp_templates_add(hnp_templates *t, const uint8_t *text, size_t len)
{
    if (!t) {
        return HNP_ERR_INVALID;
    }
    uint64_t *h = NULL;
    size_t n = 0;
    HNP_TRY(hnp_templates_keys(text, len, &h, &n));
    hnp_status st = hnp_templates_add_keys(t, h, n);
    free(h);
    return st;
}

size_t hnp_templates_docs(const hnp_templates *t)
{
    return t ? t->docs : 0;
}

static uint32_t count_of(const hnp_templates *t, uint64_t h)
{
    return h == 0 ? 0 : find_slot(t->v, t->cap, h)->count;
}

size_t hnp_templates_count(const hnp_templates *t, const uint8_t *line, size_t len)
{
    return t && (line || len == 0) ? count_of(t, line_hash(line, len)) : 0;
}

/* ---- the text form ------------------------------------------------------------------- */

static const char magic[] = "hnpipe-templates 1";

/* Parses an unsigned decimal or hex number that fills s[0..n). */
static int parse_num(const uint8_t *s, size_t n, int base, uint64_t *out)
{
    if (n == 0 || n > 20) {
        return 0;
    }
    char buf[24];
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (buf[0] == '-' || buf[0] == '+' || buf[0] == ' ') {
        return 0;
    }
    char *end;
    unsigned long long v = strtoull(buf, &end, base);
    *out = v;
    return *end == '\0';
}

static int parse_line(hnp_templates *t, size_t no, const uint8_t *s, size_t n)
{
    if (no == 1) {
        return n == sizeof magic - 1 && memcmp(s, magic, n) == 0;
    }
    uint64_t a, b;
    if (no == 2) {
        if (n < 6 || memcmp(s, "docs\t", 5) != 0 || !parse_num(s + 5, n - 5, 10, &a)) {
            return 0;
        }
        t->docs += (size_t)a;
        return 1;
    }
    const uint8_t *tab = memchr(s, '\t', n);
    if (!tab || !parse_num(s, (size_t)(tab - s), 16, &a) || a == 0 ||
        !parse_num(tab + 1, n - (size_t)(tab + 1 - s), 10, &b) || b == 0 || b > UINT32_MAX) {
        return 0;
    }
    return bump(t, a, (uint32_t)b) == HNP_OK ? 1 : -1;
}

hnp_status hnp_templates_load(hnp_templates *t, const uint8_t *data, size_t len, size_t *bad_line)
{
    if (!t || (len > 0 && !data)) {
        return HNP_ERR_INVALID;
    }
    size_t a = 0, no = 0;
    while (a < len) {
        const uint8_t *nl = memchr(data + a, '\n', len - a);
        size_t b = nl ? (size_t)(nl - data) : len;
        int ok = parse_line(t, ++no, data + a, b - a);
        if (ok <= 0) {
            if (bad_line) {
                *bad_line = no;
            }
            return ok < 0 ? HNP_ERR_NOMEM : HNP_ERR_FORMAT;
        }
        a = b + 1;
    }
    if (no < 2) { /* an empty or cut file is not a memory */
        if (bad_line) {
            *bad_line = no + 1;
        }
        return HNP_ERR_FORMAT;
    }
    return HNP_OK;
}

hnp_status hnp_templates_save(const hnp_templates *t, uint8_t **out, size_t *out_len)
{
    if (!t || !out || !out_len) {
        return HNP_ERR_INVALID;
    }
    slot *v = malloc((t->n ? t->n : 1) * sizeof *v);
    /* a line: 16 hex digits, a tab, up to 10 digits, a newline */
    size_t cap = sizeof magic + 32 + t->n * 28;
    char *buf = malloc(cap);
    if (!v || !buf) {
        free(v);
        free(buf);
        return HNP_ERR_NOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < t->cap; i++) {
        if (t->v[i].h != 0) {
            v[k++] = t->v[i];
        }
    }
    qsort(v, k, sizeof *v, cmp_u64); /* h is the first member */
    size_t len = (size_t)snprintf(buf, cap, "%s\ndocs\t%zu\n", magic, t->docs);
    for (size_t i = 0; i < k; i++) {
        len += (size_t)snprintf(buf + len, cap - len, "%016" PRIx64 "\t%" PRIu32 "\n", v[i].h,
                                v[i].count);
    }
    free(v);
    *out = (uint8_t *)buf;
    *out_len = len;
    return HNP_OK;
}

/* ---- the evidence ------------------------------------------------------------------- */

/* The line holding byte at: [*a, *b). Sentences come in order, so the previous line
 * (kept in *a, *b) is usually the answer or just before it. */
static void line_of(const uint8_t *text, size_t len, size_t at, size_t *a, size_t *b)
{
    if (at >= *a && at < *b) {
        return;
    }
    size_t s = at >= *b ? *b : 0;
    for (size_t i = at; i > s; i--) {
        if (text[i - 1] == '\n') {
            s = i;
            break;
        }
    }
    const uint8_t *nl = at < len ? memchr(text + at, '\n', len - at) : NULL;
    *a = s;
    *b = nl ? (size_t)(nl - text) : len;
}

void hnp_cls_apply_templates(cls_doc *d)
{
    if (!d->tmpl || d->tmpl->n == 0 || d->n == 0) {
        return;
    }
    size_t body = 0, recurring = 0, a = 0, b = 0;
    uint32_t count = 0;
    uint32_t *seen = calloc(d->n, sizeof *seen);
    if (!seen) {
        return; /* the evidence is optional: without memory for it, the model's verdicts stand */
    }
    for (size_t i = 0; i < d->n; i++) {
        size_t oa = a, ob = b;
        line_of(d->text, d->len, d->sents[i].start, &a, &b);
        if (i == 0 || a != oa || b != ob) {
            count = count_of(d->tmpl, line_hash(d->text + a, b - a));
        }
        if (d->w[i].final.kind != HNP_KIND_BODY) {
            continue;
        }
        size_t chars = d->sents[i].end - d->sents[i].start;
        body += chars;
        if (count >= TEMPLATE_MIN_DOCS) {
            seen[i] = count;
            recurring += chars;
        }
    }
    /* Most of the body recurring means the article itself was seen before (syndication, a
     * page fetched twice): that is not a template. */
    if (recurring > 0 && 2 * recurring <= body) {
        for (size_t i = 0; i < d->n; i++) {
            if (seen[i]) {
                float p = 1.0f - 1.0f / (float)seen[i];
                d->w[i].final = (cls_verdict){HNP_KIND_BOILERPLATE, p, CLS_R_TEMPLATE};
            }
        }
    }
    free(seen);
}

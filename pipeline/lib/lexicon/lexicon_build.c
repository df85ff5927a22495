/* lexicon_build.c -- parses lexicon TSV sources for the compiler (lexicon_build.h).
 *
 * Every row is checked and a bad one is reported with its source and line, never
 * skipped silently: a typo in a label or flag would otherwise drop a term unnoticed.
 * Keys are made with hnp_lexkey_make, the same code the tagger runs on documents. */
#include "base/vec.h"
#include "lexicon_build_internal.h"
#include "lexicon_format.h"
#include "lexicon_key.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>

#define MAX_FIELDS 6

typedef struct parser {
    const lexbuild_src *src;
    size_t src_index;
    size_t line;
    lexbuild_error *err;
    lexbuf arena; /* keys and surfaces; pointers are fixed up once parsing is done */
    lexbuf version;
    bentry *e;
    size_t n_e, cap_e;
    size_t *key_at, *surface_at; /* arena offsets, parallel to e */
    bpattern *p;
    size_t n_p, cap_p;
    lexkey_scratch sc;
    lexbuf tmp;
    uint32_t order;
} parser;

__attribute__((format(printf, 2, 3))) static hnp_status fail(parser *ps, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ps->err->src = ps->src_index;
    ps->err->line = ps->line;
    vsnprintf(ps->err->msg, sizeof ps->err->msg, fmt, ap);
    va_end(ap);
    return HNP_ERR_FORMAT;
}

static int bstr_is(bstr s, const char *lit)
{
    size_t n = strlen(lit);
    return s.len == n && memcmp(s.p, lit, n) == 0;
}

/* Splits a line at tabs; returns the number of fields, or MAX_FIELDS + 1 if more. */
static size_t split_fields(const uint8_t *s, size_t len, bstr *f)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || s[i] == '\t') {
            if (n == MAX_FIELDS) {
                return MAX_FIELDS + 1;
            }
            f[n].p = s + start;
            f[n].len = i - start;
            n++;
            start = i + 1;
        }
    }
    return n;
}

static hnp_status parse_flags(parser *ps, bstr f, uint8_t *out)
{
    *out = 0;
    if (f.len == 0 || bstr_is(f, "-")) {
        return HNP_OK;
    }
    size_t start = 0;
    for (size_t i = 0; i <= f.len; i++) {
        if (i < f.len && f.p[i] != ',') {
            continue;
        }
        bstr one = {f.p + start, i - start};
        if (bstr_is(one, "cs")) {
            *out |= LEX_FLAG_CS;
        } else if (bstr_is(one, "ctx")) {
            *out |= LEX_FLAG_CTX;
        } else if (bstr_is(one, "low")) {
            *out |= LEX_FLAG_LOW;
        } else if (bstr_is(one, "exact")) {
            *out |= LEX_FLAG_EXACT;
        } else if (bstr_is(one, "keep")) {
            *out |= LEX_FLAG_KEEP;
        } else {
            return fail(ps, "unknown flag '%.*s' (known: cs, ctx, low, exact, keep)", (int)one.len,
                        (const char *)one.p);
        }
        start = i + 1;
    }
    return HNP_OK;
}

static hnp_status parse_label(parser *ps, bstr f, uint8_t *out)
{
    char name[16];
    hnp_entity_label label;
    if (f.len >= sizeof name) {
        return fail(ps, "unknown label '%.*s'", (int)f.len, (const char *)f.p);
    }
    memcpy(name, f.p, f.len);
    name[f.len] = '\0';
    if (hnp_label_parse(name, &label) != HNP_OK) {
        return fail(ps, "unknown label '%s' (known: DRUG, CONDITION, TRIAL, PROCEDURE)", name);
    }
    *out = (uint8_t)label;
    return HNP_OK;
}

static hnp_status grow_entries(parser *ps)
{
    if (ps->n_e < ps->cap_e) {
        return HNP_OK;
    }
    /* three parallel arrays grown alike from one capacity, which moves only when all grew */
    size_t cap = ps->cap_e, cap_k = ps->cap_e, cap_s = ps->cap_e, need = ps->n_e + 1;
    HNP_TRY(hnp_vec_reserve((void **)&ps->e, &cap, need, sizeof *ps->e, 256));
    HNP_TRY(hnp_vec_reserve((void **)&ps->key_at, &cap_k, need, sizeof *ps->key_at, 256));
    HNP_TRY(hnp_vec_reserve((void **)&ps->surface_at, &cap_s, need, sizeof *ps->surface_at, 256));
    ps->cap_e = cap;
    return HNP_OK;
}

/* Appends hnp_lexkey_make's result to the arena; returns its offset in *at. */
static hnp_status arena_key(parser *ps, bstr term, int fold, size_t *at, size_t *len)
{
    size_t n_tok;
    HNP_TRY(hnp_lexkey_make(term.p, term.len, fold, &ps->tmp, &ps->sc, &n_tok));
    *at = ps->arena.len;
    *len = ps->tmp.len;
    return hnp_buf_put(&ps->arena, ps->tmp.data, ps->tmp.len);
}

static hnp_status term_row(parser *ps, const bstr *f, size_t nf)
{
    if (nf != 4 && nf != 5) {
        return fail(ps,
                    "expected 4 or 5 tab-separated fields (term, label, id, name[, flags]), "
                    "found %zu",
                    nf);
    }
    HNP_TRY(grow_entries(ps));
    bentry *e = &ps->e[ps->n_e];
    memset(e, 0, sizeof *e);
    HNP_TRY(parse_label(ps, f[1], &e->label));
    HNP_TRY(parse_flags(ps, nf == 5 ? f[4] : (bstr){NULL, 0}, &e->flags));
    size_t at, len;
    HNP_TRY(arena_key(ps, f[0], 1, &at, &len));
    if (len == 0) {
        return fail(ps, "empty term");
    }
    ps->key_at[ps->n_e] = at;
    e->key.len = len;
    ps->surface_at[ps->n_e] = 0;
    if (e->flags & LEX_FLAG_CS) {
        HNP_TRY(arena_key(ps, f[0], 0, &at, &len));
        ps->surface_at[ps->n_e] = at;
        e->surface.len = len;
    }
    e->id = f[2].len ? f[2] : (bstr){(const uint8_t *)"-", 1};
    e->name = f[3].len && !bstr_is(f[3], "-") ? f[3] : f[0];
    e->order = ps->order++;
    ps->n_e++;
    return HNP_OK;
}

/* UTF-8 -> freshly malloc'd UTF-16 for ICU; NULL on failure. */
static UChar *to_utf16(bstr s, int32_t *out_len)
{
    UErrorCode ec = U_ZERO_ERROR;
    int32_t n = 0;
    if (s.len > INT32_MAX / 2) {
        return NULL;
    }
    u_strFromUTF8(NULL, 0, &n, (const char *)s.p, (int32_t)s.len, &ec);
    if (ec != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(ec)) {
        return NULL;
    }
    UChar *u = malloc(((size_t)n + 1) * sizeof *u);
    if (!u) {
        return NULL;
    }
    ec = U_ZERO_ERROR;
    u_strFromUTF8(u, n + 1, out_len, (const char *)s.p, (int32_t)s.len, &ec);
    if (U_FAILURE(ec)) {
        free(u);
        return NULL;
    }
    return u;
}

/* The pattern must compile with ICU (as the tagger will compile it) and find its own
 * example, so a broken pattern fails the build rather than tagging nothing. */
static hnp_status check_pattern(parser *ps, bstr pat, bstr example)
{
    int32_t plen, elen = 0;
    UChar *up = to_utf16(pat, &plen);
    UChar *ue = example.len ? to_utf16(example, &elen) : NULL;
    hnp_status st = HNP_OK;
    if (!up || (example.len && !ue)) {
        st = fail(ps, "pattern or example is not valid UTF-8");
        goto done;
    }
    UErrorCode ec = U_ZERO_ERROR;
    UParseError pe;
    URegularExpression *re = uregex_open(up, plen, 0, &pe, &ec);
    if (U_FAILURE(ec)) {
        st = fail(ps, "bad regular expression at offset %d: %s", (int)pe.offset, u_errorName(ec));
        goto done;
    }
    if (ue) {
        uregex_setText(re, ue, elen, &ec);
        if (!uregex_find(re, 0, &ec) || U_FAILURE(ec)) {
            st = fail(ps, "the pattern does not find its example '%.*s'", (int)example.len,
                      (const char *)example.p);
        }
    }
    uregex_close(re);
done:
    free(up);
    free(ue);
    return st;
}

static hnp_status pattern_row(parser *ps, const bstr *f, size_t nf)
{
    if (nf != 2 && nf != 3) {
        return fail(ps,
                    "expected 2 or 3 tab-separated fields (pattern, registry[, example]), "
                    "found %zu",
                    nf);
    }
    if (f[0].len == 0 || f[1].len == 0) {
        return fail(ps, "empty pattern or registry");
    }
    bstr ex = nf == 3 && !bstr_is(f[2], "-") ? f[2] : (bstr){NULL, 0};
    HNP_TRY(check_pattern(ps, f[0], ex));
    HNP_TRY(hnp_vec_reserve((void **)&ps->p, &ps->cap_p, ps->n_p + 1, sizeof *ps->p, 16));
    bpattern *p = &ps->p[ps->n_p++];
    p->pattern = f[0];
    p->registry = f[1];
    p->example = ex;
    p->order = ps->order++;
    return HNP_OK;
}

/* "#version: TEXT" adds TEXT to the version string ("; " between sources). */
static hnp_status comment_line(parser *ps, const uint8_t *s, size_t len)
{
    static const char tag[] = "#version:";
    if (len < sizeof tag - 1 || memcmp(s, tag, sizeof tag - 1) != 0) {
        return HNP_OK;
    }
    s += sizeof tag - 1;
    len -= sizeof tag - 1;
    while (len && (*s == ' ' || *s == '\t')) {
        s++, len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t')) {
        len--;
    }
    if (!len) {
        return HNP_OK;
    }
    HNP_TRY(hnp_buf_put(&ps->version, ps->version.len ? "; " : " ", ps->version.len ? 2 : 1));
    return hnp_buf_put(&ps->version, s, len);
}

static hnp_status parse_source(parser *ps)
{
    const uint8_t *s = ps->src->data;
    size_t len = ps->src->len, pos = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        pos = 3; /* a UTF-8 byte order mark, as spreadsheet programs write */
    }
    int seen_row = 0, patterns = 0;
    bstr f[MAX_FIELDS];
    for (ps->line = 1; pos < len; ps->line++) {
        const uint8_t *nl = memchr(s + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - s) : len, n = end - pos;
        const uint8_t *l = s + pos;
        pos = end + 1;
        if (n && l[n - 1] == '\r') {
            n--;
        }
        if (n == 0) {
            continue;
        }
        if (memchr(l, '\0', n)) {
            return fail(ps, "NUL byte in line");
        }
        if (l[0] == '#') {
            HNP_TRY(comment_line(ps, l, n));
            continue;
        }
        size_t nf = split_fields(l, n, f);
        if (!seen_row++ && (bstr_is(f[0], "term") || bstr_is(f[0], "pattern"))) {
            patterns = bstr_is(f[0], "pattern");
            continue;
        }
        HNP_TRY(patterns ? pattern_row(ps, f, nf) : term_row(ps, f, nf));
    }
    return HNP_OK;
}

static int bstr_cmp(bstr a, bstr b)
{
    size_t n = a.len < b.len ? a.len : b.len;
    int c = n ? memcmp(a.p, b.p, n) : 0;
    if (c) {
        return c;
    }
    return (a.len > b.len) - (a.len < b.len);
}

/* Key, then tie order: "low" entries last, then source order. */
static int entry_cmp(const void *pa, const void *pb)
{
    const bentry *a = pa, *b = pb;
    int c = bstr_cmp(a->key, b->key);
    if (c) {
        return c;
    }
    int la = (a->flags & LEX_FLAG_LOW) != 0, lb = (b->flags & LEX_FLAG_LOW) != 0;
    if (la != lb) {
        return la - lb;
    }
    return (a->order > b->order) - (a->order < b->order);
}

/* A row repeating an earlier one (same key, label, id, flags, surface) adds nothing. */
static size_t drop_duplicates(bentry *e, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = out;
        while (j > 0 && bstr_cmp(e[j - 1].key, e[i].key) == 0) {
            const bentry *p = &e[j - 1];
            if (p->label == e[i].label && p->flags == e[i].flags && bstr_cmp(p->id, e[i].id) == 0 &&
                bstr_cmp(p->surface, e[i].surface) == 0) {
                break;
            }
            j--;
        }
        if (j > 0 && bstr_cmp(e[j - 1].key, e[i].key) == 0) {
            continue;
        }
        e[out++] = e[i];
    }
    return out;
}

static void parser_free(parser *ps)
{
    hnp_membuf_free(&ps->arena);
    hnp_membuf_free(&ps->version);
    hnp_membuf_free(&ps->tmp);
    hnp_lexkey_scratch_free(&ps->sc);
    free(ps->e);
    free(ps->key_at);
    free(ps->surface_at);
    free(ps->p);
}

static hnp_status finish(parser *ps, void **blob, size_t *blob_len)
{
    for (size_t i = 0; i < ps->n_e; i++) {
        ps->e[i].key.p = ps->arena.data + ps->key_at[i];
        ps->e[i].surface.p = ps->arena.data + ps->surface_at[i];
    }
    if (ps->n_e > 1) {
        qsort(ps->e, ps->n_e, sizeof *ps->e, entry_cmp);
    }
    ps->n_e = drop_duplicates(ps->e, ps->n_e);
    lexbuf v = {0};
    hnp_status st = hnp_buf_put(&v, "hnplex-1", 8);
    if (st == HNP_OK) {
        st = hnp_buf_put(&v, ps->version.data, ps->version.len);
    }
    if (st == HNP_OK) {
        st = hnp_lexwrite_blob(ps->e, ps->n_e, ps->p, ps->n_p, (bstr){v.data, v.len}, blob,
                               blob_len);
    }
    hnp_membuf_free(&v);
    return st;
}

hnp_status hnp_lexbuild_compile(const lexbuild_src *srcs, size_t n_srcs, void **blob,
                                size_t *blob_len, lexbuild_error *err)
{
    lexbuild_error dummy;
    parser ps;
    memset(&ps, 0, sizeof ps);
    ps.err = err ? err : &dummy;
    memset(ps.err, 0, sizeof *ps.err);
    *blob = NULL;
    *blob_len = 0;
    hnp_status st = HNP_OK;
    for (size_t i = 0; i < n_srcs && st == HNP_OK; i++) {
        ps.src = &srcs[i];
        ps.src_index = i;
        st = parse_source(&ps);
    }
    if (st == HNP_OK && ps.order > UINT32_MAX / 2) {
        ps.line = 0;
        st = fail(&ps, "too many rows");
    }
    if (st == HNP_OK) {
        st = finish(&ps, blob, blob_len);
    }
    parser_free(&ps);
    return st;
}

hnp_status hnp_lexicon_from_tsv_why(const uint8_t *tsv, size_t len, hnp_lexicon **out,
                                    size_t *bad_line, char *why, size_t why_size)
{
    if ((!tsv && len) || !out) {
        return HNP_ERR_INVALID;
    }
    *out = NULL;
    lexbuild_src src = {"user lexicon", tsv ? tsv : (const uint8_t *)"", len};
    lexbuild_error err;
    void *blob;
    size_t blob_len;
    hnp_status st = hnp_lexbuild_compile(&src, 1, &blob, &blob_len, &err);
    if (bad_line) {
        *bad_line = st == HNP_ERR_FORMAT ? err.line : 0;
    }
    if (why && why_size) {
        snprintf(why, why_size, "%s", st == HNP_ERR_FORMAT ? err.msg : hnp_strerror(st));
    }
    if (st != HNP_OK) {
        return st;
    }
    return hnp_lexicon_adopt(blob, blob_len, out);
}

hnp_status hnp_lexicon_from_tsv(const uint8_t *tsv, size_t len, hnp_lexicon **out, size_t *bad_line)
{
    return hnp_lexicon_from_tsv_why(tsv, len, out, bad_line, NULL, 0);
}

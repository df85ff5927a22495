/* normalize.c -- stage 1: raw bytes in, valid NFC UTF-8 out, with a record of what changed.
 *
 * The document is decoded to UTF-8 (normalize_decode.c), then handled line by line. A line
 * of printable ASCII without '&' is copied as it is: that is most of an English article,
 * and clean text must come back byte for byte. Any other line is decoded to code points,
 * repaired (normalize_line.c), stripped of control characters, re-encoded and put in NFC.
 * Repairs are recorded with their spans in the output. */
#include "normalize_internal.h"

#include "base/pages.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Output under construction. */
typedef struct out_buf {
    hnp_normalized *n;
    size_t cap, cap_rep, cap_before;
    int count_only; /* HNP_NORM_COUNT_REPAIRS: n_repairs counts, no records are kept */
} out_buf;

static const char *const kind_names[] = {"mojibake", "c1",        "entity",   "lossy",   "invalid",
                                         "control",  "lost-byte", "question", "ligature"};

const char *hnp_repair_kind_name(hnp_repair_kind kind)
{
    return (size_t)kind < sizeof kind_names / sizeof kind_names[0] ? kind_names[kind] : "?";
}

static hnp_status out_put(out_buf *o, const uint8_t *p, size_t len)
{
    HNP_TRY(hnp_norm_grow((void **)&o->n->text, &o->cap, o->n->len + len + 1, 1));
    if (len) {
        memcpy(o->n->text + o->n->len, p, len);
    }
    o->n->len += len;
    return HNP_OK;
}

static hnp_status out_repair(out_buf *o, size_t start, size_t end, hnp_repair_kind kind)
{
    hnp_normalized *n = o->n;
    if (o->count_only) {
        n->n_repairs++;
        return HNP_OK;
    }
    HNP_TRY(hnp_norm_grow((void **)&n->repairs, &o->cap_rep, n->n_repairs + 1, sizeof *n->repairs));
    n->repairs[n->n_repairs].span.start = start;
    n->repairs[n->n_repairs].span.end = end;
    n->repairs[n->n_repairs].kind = kind;
    n->repairs[n->n_repairs].before.start = n->before_len;
    n->repairs[n->n_repairs].before.end = n->before_len;
    n->n_repairs++;
    return HNP_OK;
}

/* Appends len bytes to the last repair's "before" text. */
static hnp_status out_before(out_buf *o, const uint8_t *p, size_t len)
{
    hnp_normalized *n = o->n;
    if (o->count_only) {
        return HNP_OK;
    }
    HNP_TRY(hnp_norm_grow((void **)&n->before, &o->cap_before, n->before_len + len + 1, 1));
    memcpy(n->before + n->before_len, p, len);
    n->before_len += len;
    n->repairs[n->n_repairs - 1].before.end = n->before_len;
    return HNP_OK;
}

/* The last repair's "before": what tag's repair replaced, as UTF-8. */
static hnp_status out_before_tag(out_buf *o, const hnp_norm_work *w, uint32_t tag)
{
    for (size_t i = 0; i < w->bef_len[tag]; i++) {
        uint8_t u[4];
        HNP_TRY(out_before(o, u, hnp_norm_utf8_encode(w->bcp[w->bef_off[tag] + i], u)));
    }
    return HNP_OK;
}

/* A dropped control character is shown as U+XXXX: the raw byte has no place in output. */
static hnp_status out_before_control(out_buf *o, uint32_t c)
{
    static const char hex[] = "0123456789ABCDEF";
    uint8_t u[6] = {'U',
                    '+',
                    (uint8_t)hex[(c >> 12) & 15],
                    (uint8_t)hex[(c >> 8) & 15],
                    (uint8_t)hex[(c >> 4) & 15],
                    (uint8_t)hex[c & 15]};
    return out_before(o, u, sizeof u);
}

/* Bytes that send a line to the slow path: controls (tab aside), DEL, '&' and non-ASCII. */
static int plain_byte(uint8_t b)
{
    return (b >= 0x20 && b < 0x7F && b != '&') || b == '\t';
}

static int is_dropped(uint32_t c)
{
    return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

/* What bad span k replaced, as "\\xNN" per input byte: the bytes themselves have no place
 * in UTF-8 output, and U+FFFD would not say what they were. */
static hnp_status before_raw(hnp_norm_work *w, uint32_t tag, const hnp_norm_decoded *d, size_t k)
{
    static const char hex[] = "0123456789ABCDEF";
    if (d->no_raw) {
        return HNP_OK;
    }
    for (size_t j = k ? d->raw_end[k - 1] : 0; j < d->raw_end[k]; j++) {
        HNP_TRY(hnp_norm_before_push(w, tag, '\\'));
        HNP_TRY(hnp_norm_before_push(w, tag, 'x'));
        HNP_TRY(hnp_norm_before_push(w, tag, (uint32_t)hex[d->raw[j] >> 4]));
        HNP_TRY(hnp_norm_before_push(w, tag, (uint32_t)hex[d->raw[j] & 15]));
    }
    return HNP_OK;
}

/* Loads bytes [lo, hi) of the decoded text into w->a. Characters inside a bad[] span (input
 * that could not be decoded) get a tag of kind HNP_REPAIR_INVALID, one per span. */
static hnp_status load_line(hnp_norm_work *w, const hnp_norm_decoded *d, size_t lo, size_t hi,
                            size_t *bi)
{
    uint32_t tag = 0;
    size_t tag_span = SIZE_MAX;
    w->a.n = 0;
    /* A line's tags and "before" texts end with it (emit_line): start them afresh, so they
     * follow the longest line, not the document (random bytes make one every few bytes). */
    w->n_kinds = 0;
    w->n_bcp = 0;
    HNP_TRY(hnp_norm_line_reserve(&w->a, hi - lo));
    for (size_t i = lo; i < hi;) {
        utf8proc_int32_t c = d->text[i];
        utf8proc_ssize_t k = 1;
        if (c >= 0x80) {
            k = utf8proc_iterate(d->text + i, (utf8proc_ssize_t)(hi - i), &c);
        }
        if (k <= 0) { /* cannot happen: the text was validated */
            return HNP_ERR_INVALID;
        }
        while (*bi < d->n_bad && d->bad[*bi].end <= i) {
            (*bi)++;
        }
        uint32_t t = 0;
        if (*bi < d->n_bad && d->bad[*bi].start <= i) {
            if (tag_span != *bi) {
                tag = hnp_norm_new_tag(w, HNP_REPAIR_INVALID);
                tag_span = *bi;
                if (!tag) {
                    return HNP_ERR_NOMEM;
                }
                HNP_TRY(before_raw(w, tag, d, *bi));
            }
            t = tag;
        }
        /* reserved above: a line has no more characters than bytes */
        w->a.cp[w->a.n] = (uint32_t)c;
        w->a.tag[w->a.n++] = t;
        i += (size_t)k;
    }
    return HNP_OK;
}

/* Can c be left as it is by NFC whatever surrounds it? Not if it is a combining mark, a
 * Hangul jamo, or has a canonical decomposition above U+0300 (where singletons such as
 * U+212B ANGSTROM SIGN live; below it the precomposed Latin letters are all stable). */
static int nfc_stable(uint32_t c)
{
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
    if (p->combining_class != 0 || (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) ||
        (c >= 0xD7B0 && c <= 0xD7FF)) {
        return 0;
    }
    return p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0;
}

/* Writes w->a to the output, dropping control characters; records the repairs. */
static hnp_status emit_line(hnp_norm_work *w, out_buf *o, int *needs_nfc)
{
    uint32_t open_tag = 0;
    const hnp_norm_line *l = &w->a;
    /* Room for the whole line, so characters can be written without a check each. */
    HNP_TRY(hnp_norm_grow((void **)&o->n->text, &o->cap, o->n->len + 4 * l->n + 1, 1));
    for (size_t i = 0; i < l->n; i++) {
        uint32_t c = l->cp[i];
        size_t at = o->n->len;
        if (is_dropped(c)) {
            HNP_TRY(out_repair(o, at, at, HNP_REPAIR_CONTROL));
            HNP_TRY(out_before_control(o, c));
            open_tag = 0;
            continue;
        }
        o->n->len += hnp_norm_utf8_encode(c, o->n->text + at);
        if (c >= 0x80) {
            *needs_nfc |= c >= 0x300 && !nfc_stable(c);
            hnp_norm_note_seen(w, c); /* evidence for later lines (normalize_lost.c) */
        }
        if (l->tag[i] && l->tag[i] == open_tag) {
            if (!o->count_only) {
                o->n->repairs[o->n->n_repairs - 1].span.end = o->n->len;
            }
        } else if (l->tag[i]) {
            HNP_TRY(out_repair(o, at, o->n->len, (hnp_repair_kind)w->kinds[l->tag[i]]));
            HNP_TRY(out_before_tag(o, w, l->tag[i]));
        }
        open_tag = l->tag[i];
    }
    return HNP_OK;
}

/* Puts the line that starts at byte `from` of the output in NFC. Repair spans in it are
 * clamped to the new length: NFC rarely changes a line, and then only by a few bytes. */
static hnp_status nfc_line(out_buf *o, size_t from, size_t first_repair)
{
    hnp_normalized *n = o->n;
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t k = utf8proc_map(n->text + from, (utf8proc_ssize_t)(n->len - from), &dst,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k < 0) {
        return k == UTF8PROC_ERROR_NOMEM ? HNP_ERR_NOMEM : HNP_ERR_INVALID;
    }
    size_t nk = (size_t)k;
    if (nk != n->len - from || memcmp(dst, n->text + from, nk) != 0) {
        n->len = from;
        hnp_status st = out_put(o, dst, nk);
        for (size_t r = first_repair; st == HNP_OK && !o->count_only && r < n->n_repairs; r++) {
            hnp_span *s = &n->repairs[r].span;
            s->end = s->end > n->len ? n->len : s->end;
            s->start = s->start > s->end ? s->end : s->start;
            while (s->start > from && (n->text[s->start] & 0xC0) == 0x80) {
                s->start--;
            }
            while (s->end < n->len && (n->text[s->end] & 0xC0) == 0x80) {
                s->end++;
            }
        }
        free(dst);
        return st;
    }
    free(dst);
    return HNP_OK;
}

static hnp_status slow_line(hnp_norm_work *w, const hnp_norm_decoded *d, size_t lo, size_t hi,
                            size_t *bi, out_buf *o)
{
    size_t from = o->n->len, first_repair = o->n->n_repairs;
    int needs_nfc = 0;
    HNP_TRY(load_line(w, d, lo, hi, bi));
    HNP_TRY(hnp_norm_fix_line(w));
    HNP_TRY(emit_line(w, o, &needs_nfc));
    return needs_nfc ? nfc_line(o, from, first_repair) : HNP_OK;
}

/* Very long lines are repaired in segments of about SEGMENT bytes, cut after a space where
 * possible, so that the per-character scratch memory stays small (ftfy does the same). */
enum { SEGMENT = 1 << 16 };

static size_t segment_end(const uint8_t *t, size_t lo, size_t hi)
{
    if (hi - lo <= SEGMENT) {
        return hi;
    }
    size_t cut = lo + SEGMENT;
    for (size_t k = cut; k > lo + SEGMENT / 2; k--) {
        if (t[k - 1] == ' ') {
            return k;
        }
    }
    while (cut > lo + 1 && (t[cut] & 0xC0) == 0x80) {
        cut--;
    }
    return cut;
}

static int ascii_letter(uint8_t b)
{
    return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

/* Does byte i send its line to the slow path? Anything but plain bytes and \n does, and a
 * '?' between two letters ("Qu?bec": a letter lost in a legacy code page). */
static int special_at(const uint8_t *t, size_t i, size_t len)
{
    if (t[i] == '?') {
        return i > 0 && i + 1 < len && ascii_letter(t[i - 1]) && ascii_letter(t[i + 1]);
    }
    return !plain_byte(t[i]) && t[i] != '\n';
}

/* Index of the first byte at or after i that is special (see special_at). Clean English
 * text is almost all plain, so the scan goes a block at a time: sixteen bytes with SSE2
 * (where a line end or a tab is told apart exactly, so only a '?' is rechecked), else eight
 * (where a word with a control byte, mostly \n, or a '?' is rechecked byte by byte). */
#if defined(__SSE2__)
static size_t next_special(const uint8_t *t, size_t i, size_t len)
{
    const __m128i below = _mm_set1_epi8(0x20), nl = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t'),
                  amp = _mm_set1_epi8('&'), del = _mm_set1_epi8(0x7F), qm = _mm_set1_epi8('?');
    while (i + 16 <= len) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        /* signed: below 0x20 holds the controls and every byte from 0x80 */
        __m128i ctl = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, tab)),
                                       _mm_cmplt_epi8(v, below));
        __m128i hit = _mm_or_si128(_mm_or_si128(ctl, _mm_cmpeq_epi8(v, amp)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, qm)));
        for (unsigned m = (unsigned)_mm_movemask_epi8(hit); m; m &= m - 1) {
            size_t j = i + (size_t)__builtin_ctz(m);
            if (special_at(t, j, len)) {
                return j;
            }
        }
        i += 16;
    }
    while (i < len && !special_at(t, i, len)) {
        i++;
    }
    return i;
}
#else
static size_t next_special(const uint8_t *t, size_t i, size_t len)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (i + 8 <= len) {
        uint64_t v, amp, del, qm;
        memcpy(&v, t + i, 8);
        amp = v ^ (ones * '&');
        del = v ^ (ones * 0x7F);
        qm = v ^ (ones * '?');
        uint64_t flag = (v | ((v - ones * 0x20) & ~v) | ((amp - ones) & ~amp) |
                         ((del - ones) & ~del) | ((qm - ones) & ~qm)) &
                        highs;
        for (size_t j = 0; flag && j < 8; j++) {
            if (special_at(t, i + j, len)) {
                return i + j;
            }
        }
        i += 8;
    }
    while (i < len && !special_at(t, i, len)) {
        i++;
    }
    return i;
}
#endif

/* Repairs the line [lo, e) (in segments) and writes it and its terminator; returns the
 * position after the terminator in *next. */
static hnp_status repair_line(hnp_norm_work *w, const hnp_norm_decoded *d, size_t lo, size_t *bi,
                              out_buf *o, size_t *next)
{
    size_t e = lo;
    while (e < d->len && d->text[e] != '\n' && d->text[e] != '\r') {
        e++;
    }
    for (size_t k = lo; k < e;) {
        size_t hi = segment_end(d->text, k, e);
        HNP_TRY(slow_line(w, d, k, hi, bi, o));
        k = hi;
    }
    if (e < d->len) {
        /* \r\n and a lone \r both end a line. */
        HNP_TRY(out_put(o, (const uint8_t *)"\n", 1));
        e += (d->text[e] == '\r' && e + 1 < d->len && d->text[e + 1] == '\n') ? 2 : 1;
    }
    *next = e;
    return HNP_OK;
}

/* Plain stretches (many lines at once) are copied as they are; a line with anything else
 * in it goes through repair_line. */
static hnp_status assemble(const hnp_norm_decoded *d, unsigned flags, out_buf *o)
{
    hnp_norm_work w;
    size_t bi = 0, from = 0;
    hnp_status st = HNP_OK;
    memset(&w, 0, sizeof w);
    w.flags = flags;
    HNP_TRY(hnp_norm_grow((void **)&o->n->text, &o->cap, d->len + d->len / 32 + 16, 1));
    hnp_pages_huge(o->n->text, o->cap);
    while (st == HNP_OK && from < d->len) {
        size_t k = next_special(d->text, from, d->len), ls = k;
        while (k < d->len && ls > from && d->text[ls - 1] != '\n') {
            ls--;
        }
        st = out_put(o, d->text + from, ls - from);
        if (st == HNP_OK && k < d->len) {
            st = repair_line(&w, d, ls, &bi, o, &k);
        }
        from = k;
    }
    hnp_norm_work_free(&w);
    return st;
}

hnp_status hnp_normalize(const hnp_normalize_opts *opts, const uint8_t *in, size_t len,
                         hnp_normalized *out)
{
    if (!out) {
        return HNP_ERR_INVALID;
    }
    memset(out, 0, sizeof *out);
    if (!in && len) {
        return HNP_ERR_INVALID;
    }
    unsigned flags = opts ? opts->flags : 0;
    /* NULs are part of the text in a UTF-16/32 the caller names, even without a BOM. */
    int wide = opts && opts->from_encoding &&
               (strncasecmp(opts->from_encoding, "UTF-16", 6) == 0 ||
                strncasecmp(opts->from_encoding, "UTF-32", 6) == 0 ||
                strncasecmp(opts->from_encoding, "UCS-", 4) == 0);
    if (!wide && !(flags & HNP_NORM_ALLOW_BINARY) && hnp_looks_binary(in, len)) {
        return HNP_ERR_BINARY;
    }
    hnp_norm_decoded d;
    HNP_TRY(hnp_norm_decode(opts, in, len, &d));
    out_buf o = {out, 0, 0, 0, (flags & HNP_NORM_COUNT_REPAIRS) != 0};
    hnp_status st = out_put(&o, NULL, 0);
    st = st == HNP_OK ? assemble(&d, flags, &o) : st;
    if (st == HNP_OK) {
        out->text[out->len] = '\0';
        memcpy(out->encoding, d.encoding, sizeof out->encoding);
        out->encoding[sizeof out->encoding - 1] = '\0';
    }
    hnp_norm_decoded_free(&d);
    if (st != HNP_OK) {
        hnp_normalized_free(out);
    }
    return st;
}

hnp_status hnp_normalized_join(const hnp_normalized *a, const hnp_normalized *b,
                               hnp_normalized *out)
{
    memset(out, 0, sizeof *out);
    size_t shift = a->len + 1, n_rep = a->n_repairs + b->n_repairs;
    /* counted but not recorded (HNP_NORM_COUNT_REPAIRS): the join keeps the count alone */
    int records = (a->repairs || !a->n_repairs) && (b->repairs || !b->n_repairs);
    out->len = a->len + 1 + b->len;
    out->text = malloc(out->len + 1);
    out->repairs = n_rep && records ? malloc(n_rep * sizeof *out->repairs) : NULL;
    out->before_len = a->before_len + b->before_len;
    out->before = malloc(out->before_len + 1);
    if (!out->text || (n_rep && records && !out->repairs) || !out->before) {
        hnp_normalized_free(out);
        return HNP_ERR_NOMEM;
    }
    memcpy(out->text, a->text, a->len);
    out->text[a->len] = '\n';
    memcpy(out->text + shift, b->text, b->len);
    out->text[out->len] = '\0';
    if (a->before_len) {
        memcpy(out->before, a->before, a->before_len);
    }
    if (b->before_len) {
        memcpy(out->before + a->before_len, b->before, b->before_len);
    }
    for (size_t i = 0; records && i < n_rep; i++) {
        int in_b = i >= a->n_repairs;
        hnp_repair r = in_b ? b->repairs[i - a->n_repairs] : a->repairs[i];
        r.span.start += in_b ? shift : 0;
        r.span.end += in_b ? shift : 0;
        r.before.start += in_b ? a->before_len : 0;
        r.before.end += in_b ? a->before_len : 0;
        out->repairs[i] = r;
    }
    out->n_repairs = n_rep;
    memcpy(out->encoding, a->encoding, sizeof out->encoding);
    return HNP_OK;
}

void hnp_normalized_free(hnp_normalized *n)
{
    if (!n) {
        return;
    }
    free(n->text);
    free(n->repairs);
    free(n->before);
    memset(n, 0, sizeof *n);
}

/* normalize_mojibake.c -- undoing UTF-8 that was decoded as a single-byte codepage.
 *
 * ftfy's method: if a line looks bad, encode it back with each candidate codepage
 * (latin-1, windows-1252/1251/1250/1253/1254/1257, ISO-8859-2, MacRoman, cp437) and decode
 * the bytes as UTF-8. The whole line first (consistent mojibake); if no codepage gives
 * valid UTF-8, then run by run, for lines where only some words were garbled or where real
 * accented letters sit beside the mojibake. Either way a repair stands only if it lowers
 * the badness score. Before decoding, two kinds of damage are undone on the bytes: a space
 * that stood in for 0xA0 (the second byte of "à" and of NBSP) and sequences that lost a
 * byte, which become U+FFFD (ftfy's restore_byte_a0 and replace_lossy_sequences). */
#include "normalize_cp_tables.h"
#include "normalize_internal.h"

#include <stdlib.h>
#include <string.h>

/* U+FFFD has no byte in a codepage; ftfy's "sloppy" codecs write it as 0x1A (SUB). */
enum { SUB = 0x1A, NO_BYTE = 0x100 };

/* Pages (latin-1, windows-125x, ISO-8859-2: all but MacRoman and cp437) where a space may
 * stand for a lost 0xA0. */
enum { A0_PAGES = 8 };

uint32_t hnp_norm_cp1252(uint8_t b)
{
    /* cp_pages[1] is windows-1252 with undefined bytes mapped to themselves. */
    uint32_t c = cp_pages[1].high[b - 0x80];
    return c == b ? 0 : c;
}

static unsigned encode_cp(const cp_page *pg, uint32_t c)
{
    if (c < 0x80) {
        return c;
    }
    if (c == NORM_REPLACEMENT && pg->sloppy) {
        return SUB;
    }
    int lo = 0, hi = pg->n_rev;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (pg->rev[mid].cp < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return (lo < pg->n_rev && pg->rev[lo].cp == c) ? pg->rev[lo].byte : NO_BYTE;
}

static int cont(unsigned b)
{
    return b >= 0x80 && b <= 0xBF;
}

/* Length of the valid UTF-8 sequence (or CESU-8 surrogate pair) at s, 0 if none; *cp gets
 * the code point. */
static size_t utf8_seq(const unsigned *s, size_t avail, uint32_t *cp)
{
    unsigned b = s[0];
    if (b >= 0xC2 && b <= 0xDF && avail >= 2 && cont(s[1])) {
        *cp = ((b & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (b >= 0xE0 && b <= 0xEF && avail >= 3 && cont(s[1]) && cont(s[2])) {
        uint32_t c = ((b & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        if (c < 0x800) {
            return 0;
        }
        if (c >= 0xD800 && c <= 0xDBFF && avail >= 6 && s[3] == 0xED && s[4] >= 0xB0 &&
            s[4] <= 0xBF && cont(s[5])) {
            uint32_t lo = ((s[4] & 0x3Fu) << 6) | (s[5] & 0x3Fu) | 0xD000u;
            *cp = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
            return 6;
        }
        *cp = c;
        return (c >= 0xD800 && c <= 0xDFFF) ? 0 : 3;
    }
    if (b >= 0xF0 && b <= 0xF4 && avail >= 4 && cont(s[1]) && cont(s[2]) && cont(s[3])) {
        uint32_t c =
            ((b & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        *cp = c;
        return (c < 0x10000 || c > 0x10FFFF) ? 0 : 4;
    }
    return 0;
}

static hnp_status bb_push(hnp_norm_bytes *bb, unsigned b, size_t src)
{
    return hnp_norm_bytes_push(bb, b, src);
}

/* Encodes w->a in pg into w->enc; *all says whether every character had a byte, *high
 * whether any byte is >= 0x80. */
static hnp_status encode_line(hnp_norm_work *w, const cp_page *pg, int *all, int *high)
{
    *all = 1;
    *high = 0;
    w->enc.n = 0;
    for (size_t i = 0; i < w->a.n; i++) {
        unsigned b = encode_cp(pg, w->a.cp[i]);
        *all &= b != NO_BYTE;
        *high |= b >= 0x80 && b != NO_BYTE;
        HNP_TRY(bb_push(&w->enc, b, i));
    }
    return HNP_OK;
}

static int starts_with(const hnp_norm_bytes *in, size_t i, const char *s)
{
    size_t k = strlen(s);
    if (i + k > in->n) {
        return 0;
    }
    for (size_t j = 0; j < k; j++) {
        if (in->b[i + j] != (unsigned char)s[j]) {
            return 0;
        }
    }
    return 1;
}

/* "Ã " before a word is "à " whose 0xA0 became part of the space (French "à la"); but
 * Portuguese "às" and "àquele" lost the space itself. */
static int a_grave_word(const hnp_norm_bytes *in, size_t i)
{
    return in->b[i] == 0xC3 && i + 1 < in->n && in->b[i + 1] == ' ' &&
           !(starts_with(in, i + 2, " ") || starts_with(in, i + 2, "quele") ||
             starts_with(in, i + 2, "quela") || starts_with(in, i + 2, "quilo") ||
             starts_with(in, i + 2, "s "));
}

/* Where a space at i + k stands for 0xA0 inside the sequence led by in[i] (ftfy's
 * ALTERED_UTF8_RE); returns k or 0. */
static size_t altered_space(const hnp_norm_bytes *in, size_t i)
{
    const unsigned *s = in->b + i;
    size_t n = in->n - i;
    unsigned b = s[0], prev = i ? in->b[i - 1] : 0;
    /* Š, Π, Р (C5, CE, D0 with A0) are capitals: not after a small letter, where the lead
     * is rather a sequence that lost its byte before a real space ("Katō said") */
    int capital_after_small = (b == 0xC5 || b == 0xCE || b == 0xD0) && prev >= 'a' && prev <= 'z';
    if (n >= 2 && s[1] == ' ' && !capital_after_small &&
        (b == 0xC2 || b == 0xC3 || b == 0xC5 || b == 0xCE || b == 0xD0 || b == 0xD9)) {
        return 1;
    }
    if (n >= 3 && (b == 0xE2 || b == 0xE3) && s[1] == ' ' && cont(s[2]) && s[2] != 0x85 &&
        s[2] != 0xA0) {
        return 1;
    }
    /* Only below U+3000: a restored space that makes a CJK character is more likely a real
     * space after a Latin letter and a C1 control ("é\x85 " would become U+9160). */
    if (n >= 3 && b >= 0xE0 && b <= 0xE2 && cont(s[1]) && s[2] == ' ') {
        return 2;
    }
    if (n >= 4 && b >= 0xF0 && b <= 0xF4) {
        for (size_t k = 1; k < 4; k++) {
            int others = 1;
            for (size_t j = 1; j < 4; j++) {
                others &= j == k ? s[j] == ' ' : cont(s[j]);
            }
            if (others && !(k == 1 && b != 0xF0)) {
                return k;
            }
        }
    }
    return 0;
}

/* a_grave: whether "Ã " may be the word "à" (see a_grave_word). Not in Vietnamese, where
 * à sits inside syllables ("hĂ i" is "hài": the space is the 0xA0 itself); the caller
 * knows that only once the line is decoded (see try_whole). */
static hnp_status restore_a0(const hnp_norm_bytes *in, hnp_norm_bytes *out, int a_grave)
{
    out->n = 0;
    for (size_t i = 0; i < in->n;) {
        if (a_grave && a_grave_word(in, i)) {
            HNP_TRY(bb_push(out, 0xC3, in->src[i]));
            HNP_TRY(bb_push(out, 0xA0, in->src[i])); /* the space itself stays */
            HNP_TRY(bb_push(out, ' ', in->src[i + 1]));
            i += 2;
            continue;
        }
        size_t k = in->b[i] >= 0xC2 ? altered_space(in, i) : 0;
        size_t len = k ? (in->b[i] >= 0xF0 ? 4 : in->b[i] >= 0xE0 ? 3 : 2) : 1;
        for (size_t j = 0; j < len; j++) {
            HNP_TRY(bb_push(out, (k && j == k) ? 0xA0 : in->b[i + j], in->src[i + j]));
        }
        i += len;
    }
    return HNP_OK;
}

/* A sequence that lost a byte: its lead, then continuation bytes where one (or more) is SUB
 * or a single one is '?' (ftfy's LOSSY_UTF8_RE). Returns its length or 0. */
static size_t lossy_seq(const unsigned *s, size_t n)
{
    unsigned b = s[0];
    size_t len = (b >= 0xC2 && b <= 0xDF)   ? 2
                 : (b >= 0xE0 && b <= 0xEF) ? 3
                 : (b >= 0xF0 && b <= 0xF4) ? 4
                                            : 0;
    if (len == 0 || n < len) {
        return 0;
    }
    size_t subs = 0, qs = 0;
    for (size_t j = 1; j < len; j++) {
        subs += s[j] == SUB;
        qs += s[j] == '?';
        if (!cont(s[j]) && s[j] != SUB && s[j] != '?') {
            return 0;
        }
    }
    if (qs > 1 || (len == 2 && qs && b > 0xC3) || subs + qs == 0) {
        return 0;
    }
    return len;
}

static hnp_status replace_lossy(const hnp_norm_bytes *in, hnp_norm_bytes *out)
{
    static const unsigned fffd[3] = {0xEF, 0xBF, 0xBD};
    out->n = 0;
    for (size_t i = 0; i < in->n;) {
        size_t len = in->b[i] == SUB ? 1 : lossy_seq(in->b + i, in->n - i);
        if (len == 0) {
            HNP_TRY(bb_push(out, in->b[i], in->src[i]));
            i++;
            continue;
        }
        for (size_t j = 0; j < 3; j++) {
            HNP_TRY(bb_push(out, fffd[j], in->src[j == 0 ? i : i + len - 1]));
        }
        i += len;
    }
    return HNP_OK;
}

static hnp_status dec_reserve(hnp_norm_work *w, size_t n)
{
    size_t cap = w->cap_dec;
    if (n <= cap) {
        return HNP_OK;
    }
    HNP_TRY(hnp_norm_grow((void **)&w->dcp, &cap, n, sizeof *w->dcp));
    cap = w->cap_dec;
    HNP_TRY(hnp_norm_grow((void **)&w->dlo, &cap, n, sizeof *w->dlo));
    cap = w->cap_dec;
    HNP_TRY(hnp_norm_grow((void **)&w->dhi, &cap, n, sizeof *w->dhi));
    w->cap_dec = cap;
    return HNP_OK;
}

static hnp_status copy_bytes(const hnp_norm_bytes *in, hnp_norm_bytes *out)
{
    out->n = 0;
    for (size_t i = 0; i < in->n; i++) {
        HNP_TRY(bb_push(out, in->b[i], in->src[i]));
    }
    return HNP_OK;
}

/* Decodes in[lo, hi) as UTF-8 into w->dcp with source ranges; 0 if it is not valid. */
static hnp_status decode(hnp_norm_work *w, const hnp_norm_bytes *in, size_t lo, size_t hi,
                         size_t *n_out, int *ok)
{
    size_t n = 0;
    *ok = 0;
    for (size_t i = lo; i < hi;) {
        uint32_t c = in->b[i];
        size_t len = c < 0x80 ? 1 : utf8_seq(in->b + i, hi - i, &c);
        if (len == 0) {
            return HNP_OK;
        }
        HNP_TRY(dec_reserve(w, n + 1));
        w->dcp[n] = c;
        w->dlo[n] = in->src[i];
        w->dhi[n] = in->src[i + len - 1] + 1;
        n++;
        i += len;
    }
    *n_out = n;
    *ok = 1;
    return HNP_OK;
}

static hnp_status tmp_reserve(hnp_norm_work *w, size_t n)
{
    return hnp_norm_grow((void **)&w->tmp, &w->cap_tmp, n, sizeof *w->tmp);
}

/* Did decoded character j take a byte that the line does not show (normalize_lost.c, or an
 * 0xA0 that vanished)? Then it is a lost-byte repair: its UTF-8 is longer than its source,
 * or its source holds a U+FFFD that it replaces. */
static int lost_byte_char(const hnp_norm_work *w, size_t j)
{
    uint8_t u[4];
    size_t src = w->dhi[j] - w->dlo[j];
    if (w->dcp[j] == NORM_REPLACEMENT) {
        return 0;
    }
    if (hnp_norm_utf8_encode(w->dcp[j], u) > src) {
        return 1;
    }
    for (size_t k = w->dlo[j]; k < w->dhi[j]; k++) {
        if (w->a.cp[k] == NORM_REPLACEMENT) {
            return 1;
        }
    }
    return 0;
}

/* Writes the decoded code points into the editor: characters that decoded to themselves
 * are copied with their tags, each group of changed ones of one kind becomes one repair. */
static hnp_status emit_decoded(hnp_norm_work *w, hnp_norm_ed *e, size_t n)
{
    size_t glo = 0, ghi = 0, ng = 0;
    hnp_repair_kind gkind = HNP_REPAIR_MOJIBAKE;
    HNP_TRY(tmp_reserve(w, n));
    for (size_t j = 0; j <= n; j++) {
        int same = j < n && w->dhi[j] - w->dlo[j] == 1 && w->dcp[j] == w->a.cp[w->dlo[j]];
        hnp_repair_kind kind =
            j < n && !same && lost_byte_char(w, j) ? HNP_REPAIR_LOST_BYTE : HNP_REPAIR_MOJIBAKE;
        if ((j == n || same || kind != gkind) && ng > 0) {
            uint32_t tag = hnp_norm_new_tag(w, gkind);
            if (!tag) {
                return HNP_ERR_NOMEM;
            }
            HNP_TRY(hnp_norm_ed_copy(e, glo));
            HNP_TRY(hnp_norm_ed_replace(e, ghi, w->tmp, ng, tag));
            ng = 0;
        }
        if (j == n) {
            break;
        }
        if (same) {
            HNP_TRY(hnp_norm_ed_copy(e, w->dhi[j]));
            continue;
        }
        if (ng == 0) {
            glo = w->dlo[j];
            gkind = kind;
        }
        ghi = w->dhi[j];
        w->tmp[ng++] = w->dcp[j];
    }
    return HNP_OK;
}

static hnp_status badness_without_fffd(hnp_norm_work *w, const hnp_norm_line *l, size_t *bad)
{
    HNP_TRY(tmp_reserve(w, l->n));
    for (size_t i = 0; i < l->n; i++) {
        w->tmp[i] = l->cp[i] == NORM_REPLACEMENT ? '?' : l->cp[i];
    }
    *bad = hnp_norm_badness(w->tmp, l->n);
    return HNP_OK;
}

static int line_opens_quote(const hnp_norm_work *w)
{
    for (size_t i = 0; i < w->a.n; i++) {
        if (w->a.cp[i] == 0x201C) {
            return 1;
        }
    }
    for (size_t i = 0; i + 2 < w->enc.n; i++) {
        if (w->enc.b[i] == 0xE2 && w->enc.b[i + 1] == 0x80 && w->enc.b[i + 2] == 0x9C) {
            return 1;
        }
    }
    return 0;
}

/* The page's undefined bytes among 0x80-0x9F, as a bit set (a sloppy page maps them to
 * themselves). */
static uint32_t undefined_bytes(const cp_page *pg)
{
    uint32_t m = 0;
    for (unsigned b = 0x80; b <= 0x9F && pg->sloppy; b++) {
        m |= pg->high[b - 0x80] == b ? 1u << (b - 0x80) : 0u;
    }
    return m;
}

/* Undoes the byte-level damage of in (bytes of the line in pg) before decoding: lost last
 * bytes (normalize_lost.c), spaces for 0xA0, then what is still lossy becomes U+FFFD. *out
 * points at the result, one of w's buffers. */
static hnp_status prepare_bytes(hnp_norm_work *w, const cp_page *pg, const hnp_norm_bytes *in,
                                int a_grave, const hnp_norm_bytes **out)
{
    if (pg->sloppy) {
        hnp_norm_lost_ctx ctx = {undefined_bytes(pg),      w->seen, w->n_seen, line_opens_quote(w),
                                 hnp_norm_qmark_subst(in), {0}};
        hnp_norm_lost_line(in, &ctx);
        HNP_TRY(hnp_norm_restore_lost(in, &ctx, &w->lost));
        in = &w->lost;
    }
    /* A space for 0xA0 is a windows-125x story; in MacRoman or cp437 the "lead bytes" before
     * a space are common signs ("– " is D0 20 in MacRoman). */
    if (pg <= &cp_pages[A0_PAGES - 1]) {
        HNP_TRY(restore_a0(in, &w->fix, a_grave));
    } else {
        HNP_TRY(copy_bytes(in, &w->fix));
    }
    *out = &w->fix;
    if (pg->sloppy) {
        HNP_TRY(replace_lossy(&w->fix, &w->stretch));
        *out = &w->stretch;
    }
    return HNP_OK;
}

/* Does the decoded line hold letters that only Vietnamese uses (ơ, ư, and the Latin
 * Extended Additional letters "ớ", "ấ", "ộ")? */
static int vietnamese(const uint32_t *cp, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if ((c >= 0x1EA0 && c <= 0x1EF9) || c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0) {
            return 1;
        }
    }
    return 0;
}

/* Bytes in (of the line, or a stretch of it, in pg) repaired and decoded into w->dcp; *ok
 * when they are valid UTF-8. Decoded Vietnamese is decoded again without the a-grave word
 * rule (see restore_a0). */
static hnp_status prepare_decode(hnp_norm_work *w, const cp_page *pg, const hnp_norm_bytes *in,
                                 size_t *n, int *ok)
{
    const hnp_norm_bytes *bytes;
    HNP_TRY(prepare_bytes(w, pg, in, 1, &bytes));
    HNP_TRY(decode(w, bytes, 0, bytes->n, n, ok));
    if (*ok && vietnamese(w->dcp, *n)) {
        HNP_TRY(prepare_bytes(w, pg, in, 0, &bytes));
        HNP_TRY(decode(w, bytes, 0, bytes->n, n, ok));
    }
    return HNP_OK;
}

/* Whole-line repair with codepage pg; *done when it was applied. */
static hnp_status try_whole(hnp_norm_work *w, const cp_page *pg, size_t bad, int *done)
{
    int all, high, ok;
    size_t n;
    *done = 0;
    HNP_TRY(encode_line(w, pg, &all, &high));
    if (!all || !high) {
        return HNP_OK;
    }
    HNP_TRY(prepare_decode(w, pg, &w->enc, &n, &ok));
    if (!ok) {
        return HNP_OK;
    }
    hnp_norm_ed e;
    hnp_norm_ed_begin(&e, w);
    HNP_TRY(emit_decoded(w, &e, n));
    HNP_TRY(hnp_norm_ed_copy(&e, w->a.n));
    const size_t before = bad;
    size_t after;
    if (pg->sloppy) {
        /* U+FFFD for a lost byte is honest, not mojibake: the repair is not scored on it. */
        HNP_TRY(badness_without_fffd(w, &w->b, &after));
    } else {
        after = hnp_norm_badness(w->b.cp, w->b.n);
    }
    /* A whole line that decodes from latin-1 or windows-1252 is strong evidence in itself
     * (ftfy asks for nothing more): it only must not look worse, and it is always shorter.
     * The rarer codepages must do better: MacRoman reads "Ã¶ln – und" as valid UTF-8 too. */
    if (after > before || (after == before && pg > &cp_pages[1])) {
        return HNP_OK;
    }
    *done = 1;
    return hnp_norm_ed_finish(&e);
}

/* Decodes the run of UTF-8 sequences that starts at enc[i] into w->dcp; returns the end of
 * the run (i when there is none) and the count in *nd. A space after Â or Ã counts as the
 * 0xA0 it replaced, as in restore_a0. */
static hnp_status scan_run(hnp_norm_work *w, const hnp_norm_lost_ctx *ctx, size_t i, size_t *end,
                           size_t *nd, size_t *lost)
{
    const hnp_norm_bytes *in = &w->enc;
    size_t j = i, n = 0;
    *lost = 0;
    for (;;) {
        uint32_t c = 0;
        size_t len = 0;
        unsigned b = j < in->n ? in->b[j] : 0;
        if ((b == 0xC2 || b == 0xC3) && j + 1 < in->n && in->b[j + 1] == ' ') {
            c = b == 0xC2 ? 0xA0 : 0xE0;
            len = a_grave_word(in, j) ? 1 : 2;
        } else if (b >= 0xC2 && b <= 0xF4) {
            len = utf8_seq(in->b + j, in->n - j, &c);
            if (!len) {
                len = hnp_norm_lost_at(in, j, ctx, &c);
                *lost += len > 0;
            }
        }
        if (len == 0) {
            break;
        }
        HNP_TRY(dec_reserve(w, n + 1));
        w->dcp[n++] = c;
        j += len;
    }
    *end = j;
    *nd = n;
    return HNP_OK;
}

enum { CONTEXT = 2 };

/* Does replacing w->a[i, j) by the nd code points in w->dcp lower the badness of the run
 * and the CONTEXT characters on each side? */
static hnp_status run_improves(hnp_norm_work *w, size_t i, size_t j, size_t nd, int *better)
{
    size_t lo = i > CONTEXT ? i - CONTEXT : 0;
    size_t hi = j + CONTEXT < w->a.n ? j + CONTEXT : w->a.n;
    size_t n1 = hi - lo, n2 = (i - lo) + nd + (hi - j);
    HNP_TRY(tmp_reserve(w, n1 + n2));
    uint32_t *t1 = w->tmp, *t2 = w->tmp + n1;
    memcpy(t1, w->a.cp + lo, n1 * sizeof *t1);
    memcpy(t2, w->a.cp + lo, (i - lo) * sizeof *t2);
    memcpy(t2 + (i - lo), w->dcp, nd * sizeof *t2);
    memcpy(t2 + (i - lo) + nd, w->a.cp + j, (hi - j) * sizeof *t2);
    *better = hnp_norm_badness(t2, n2) < hnp_norm_badness(t1, n1);
    return HNP_OK;
}

static int is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFFEF);
}

/* A run that decodes to one CJK, kana or Hangul character in a line without any is Latin
 * garbage that happens to be valid UTF-8 ("ã†â" is U+3192); in Japanese or Chinese text a
 * single particle or comma ("ã‚’" を, "ã€\x81" 、) is real. */
static int lone_ideograph(const hnp_norm_line *l, const uint32_t *cp, size_t n)
{
    if (n != 1 || !is_cjk(cp[0])) {
        return 0;
    }
    for (size_t i = 0; i < l->n; i++) {
        if (is_cjk(l->cp[i])) {
            return 0;
        }
    }
    return 1;
}

/* Did more than half of a run's characters (two or more) lose a byte? Windows-1252 lacks 5
 * of the 64 continuation bytes, so real text loses a few ("Россия" loses three of six, its
 * с, с and я); a run of lowercased double mojibake ("ã†â€™ãƒâ€ ") reads as such sequences
 * only by guessing most of them (う’チ”). */
static int mostly_guessed(size_t lost, size_t n)
{
    return lost >= 2 && 2 * lost > n;
}

/* A character that mojibake is made of (Latin-1 letters and signs, windows-1252
 * punctuation). A run next to one is part of a larger garble that did not decode as a whole,
 * and decoding a piece of it only makes a different garble. */
static int garbled(uint32_t c)
{
    if (c == 0xA3 || c == 0xA5 || c == 0xA7 || c == 0xA9 || c == 0xAE || c == 0xB0 || c == 0xB1 ||
        c == 0xB5 || c == 0xD7 || c == 0xF7) {
        return 0; /* £ ¥ § © ® ° ± µ × ÷ stand alone in real text ("Â\xa0£40") */
    }
    if (c >= 0xA1 && c <= 0xFF) {
        return 1;
    }
    if (c == 0x2013 || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
        c == 0x2026) {
        return 0; /* dashes, quotes and the ellipsis stand next to anything */
    }
    unsigned b = c >= 0x100 ? encode_cp(&cp_pages[1], c) : NO_BYTE;
    return b >= 0x80 && b < NO_BYTE;
}

/* Run-by-run repair with codepage pg; *done when some run was repaired. */
static hnp_status try_runs(hnp_norm_work *w, const cp_page *pg, int *done)
{
    int all, high;
    *done = 0;
    HNP_TRY(encode_line(w, pg, &all, &high));
    if (!high) {
        return HNP_OK;
    }
    hnp_norm_lost_ctx ctx = {undefined_bytes(pg),           w->seen, w->n_seen, line_opens_quote(w),
                             hnp_norm_qmark_subst(&w->enc), {0}};
    hnp_norm_lost_line(&w->enc, &ctx);
    hnp_norm_ed e;
    hnp_norm_ed_begin(&e, w);
    for (size_t i = 0; i < w->enc.n;) {
        size_t j, nd, lost;
        int better = 0;
        HNP_TRY(scan_run(w, &ctx, i, &j, &nd, &lost));
        if (j == i) {
            i++;
            continue;
        }
        if (!lone_ideograph(&w->a, w->dcp, nd) && !mostly_guessed(lost, nd) &&
            !(i > 0 && garbled(w->a.cp[i - 1])) && !(j < w->a.n && garbled(w->a.cp[j]))) {
            HNP_TRY(run_improves(w, i, j, nd, &better));
        }
        if (better) {
            uint32_t tag = hnp_norm_new_tag(w, lost ? HNP_REPAIR_LOST_BYTE : HNP_REPAIR_MOJIBAKE);
            if (!tag) {
                return HNP_ERR_NOMEM;
            }
            HNP_TRY(hnp_norm_ed_copy(&e, i));
            HNP_TRY(hnp_norm_ed_replace(&e, j, w->dcp, nd, tag));
            *done = 1;
        }
        i = j;
    }
    return *done ? hnp_norm_ed_finish(&e) : HNP_OK;
}

/* Repairs the stretch w->a[s, e), every character of which has a byte in pg (w->enc holds
 * the line's bytes), if it decodes as UTF-8 and that lowers the stretch's own badness. */
static hnp_status fix_stretch(hnp_norm_work *w, const cp_page *pg, hnp_norm_ed *e, size_t s,
                              size_t end, int *done)
{
    hnp_norm_bytes view = {w->enc.b + s, w->enc.src + s, end - s, 0};
    size_t n, before, after;
    int ok;
    HNP_TRY(prepare_decode(w, pg, &view, &n, &ok));
    if (!ok) {
        return HNP_OK;
    }
    before = hnp_norm_badness(w->a.cp + s, end - s);
    HNP_TRY(tmp_reserve(w, n));
    for (size_t i = 0; i < n; i++) {
        /* U+FFFD for a lost byte is honest, not mojibake (as in try_whole) */
        w->tmp[i] = w->dcp[i] == NORM_REPLACEMENT && pg->sloppy ? '?' : w->dcp[i];
    }
    after = hnp_norm_badness(w->tmp, n);
    if (after >= before || lone_ideograph(&w->a, w->dcp, n)) {
        return HNP_OK;
    }
    HNP_TRY(hnp_norm_ed_copy(e, s));
    HNP_TRY(emit_decoded(w, e, n));
    *done = 1;
    return HNP_OK;
}

/* ftfy's "inconsistent UTF-8" idea, for every codepage: a real page mixes clean and garbled
 * stretches in one line ("it\u2019s ... system.\u252c\u00e1Read": the curly quote has no
 * byte in cp437, so the whole line cannot be re-read). The line is cut where a character
 * has no byte in pg, and each stretch with high bytes is judged on its own badness. */
static hnp_status try_stretches(hnp_norm_work *w, const cp_page *pg, int *done)
{
    int all, high;
    *done = 0;
    HNP_TRY(encode_line(w, pg, &all, &high));
    if (all || !high) {
        return HNP_OK; /* the whole line was already tried */
    }
    hnp_norm_ed e;
    hnp_norm_ed_begin(&e, w);
    for (size_t i = 0; i < w->enc.n;) {
        size_t j = i;
        int hi = 0;
        while (j < w->enc.n && w->enc.b[j] != NO_BYTE) {
            hi |= w->enc.b[j] >= 0x80;
            j++;
        }
        /* a stretch cut by a garble sign is a piece of a larger garble (see try_runs) */
        int cut_garble = (i > 0 && garbled(w->a.cp[i - 1])) || (j < w->a.n && garbled(w->a.cp[j]));
        if (hi && !cut_garble && hnp_norm_badness(w->a.cp + i, j - i) > 0) {
            HNP_TRY(fix_stretch(w, pg, &e, i, j, done));
        }
        i = j + 1;
    }
    return *done ? hnp_norm_ed_finish(&e) : HNP_OK;
}

/* Run-by-run repair tries only latin-1 and windows-1252: partial mojibake in the other
 * codepages is rare, and short runs decoded through them turn Latin garbage into stray CJK
 * characters (measured on ftfy-dev: no case needs them). */
enum { RUN_PAGES = 2 };

static int ascii_upper(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static int ascii_lower(uint32_t c)
{
    return c >= 'a' && c <= 'z';
}

/* Is the Latin-1 capital at i the second letter of a word, between its ASCII capital and a
 * lowercase letter ("MÄori"), an "Ã" inside a word in capitals before a letter that
 * Portuguese does not put after it ("GARCÃA", "ÃNGEL"; not "SÃO"), or an "Ã" that starts a
 * word before a small letter ("Ãngel": Portuguese puts ã inside words only)? */
static int misplaced_capital(const hnp_norm_line *l, size_t i)
{
    uint32_t c = l->cp[i], p = i ? l->cp[i - 1] : ' ', start = i >= 2 ? l->cp[i - 2] : ' ';
    uint32_t next = i + 1 < l->n ? l->cp[i + 1] : 0, next2 = i + 2 < l->n ? l->cp[i + 2] : 0;
    int word_start = p < 0x80 && !ascii_upper(p) && !ascii_lower(p);
    int second = ascii_upper(p) && start < 0x80 && !ascii_upper(start) && !ascii_lower(start) &&
                 ascii_lower(next);
    int caps = c == 0xC3 && ascii_upper(next) && next != 'O' && next != 'E' &&
               (ascii_upper(p) || (word_start && ascii_upper(next2)));
    int first = c == 0xC3 && word_start && ascii_lower(next); /* "Ãngel": no word starts so */
    return second || caps || first;
}

/* Does the line hold an uppercase Latin-1 letter right after a lowercase ASCII one
 * ("LiÄen", "IchiyÅ"), or where misplaced_capital finds one? No word is spelled so: it is a
 * 2-byte UTF-8 sequence read as windows-1252 that lost its second byte, which the badness
 * score (ftfy's) does not see. normalize_lost.c decides which letter completes it. */
static int lost_letter_sign(const hnp_norm_line *l)
{
    for (size_t i = 0; i < l->n; i++) {
        uint32_t c = l->cp[i];
        if (c >= 0xC2 && c <= 0xDE && c != 0xD7 &&
            ((i && ascii_lower(l->cp[i - 1])) || misplaced_capital(l, i))) {
            return 1;
        }
    }
    return 0;
}

hnp_status hnp_norm_pass_mojibake(hnp_norm_work *w, int *changed, size_t *bad_out)
{
    size_t bad = hnp_norm_badness(w->a.cp, w->a.n);
    *bad_out = bad;
    if (bad == 0) {
        int done = 0;
        if (lost_letter_sign(&w->a)) { /* windows-1252, the page that loses bytes */
            HNP_TRY(try_whole(w, &cp_pages[1], 0, &done));
        }
        *changed |= done;
        return HNP_OK;
    }
    for (size_t k = 0; k < CP_COUNT; k++) {
        int done = 0;
        HNP_TRY(try_whole(w, &cp_pages[k], bad, &done));
        if (done) {
            *changed = 1;
            return HNP_OK;
        }
    }
    for (size_t k = 0; k < CP_COUNT; k++) {
        int done = 0;
        HNP_TRY(try_stretches(w, &cp_pages[k], &done));
        if (done) {
            *changed = 1;
            return HNP_OK;
        }
    }
    for (size_t k = RUN_PAGES; k-- > 0;) {
        int done = 0;
        /* windows-1252 first: latin-1 cannot encode its punctuation ("Ð’" for В), so it would
         * split such runs; it is needed only for runs with C1 controls. */
        HNP_TRY(try_runs(w, &cp_pages[k], &done));
        if (done) {
            *changed = 1;
            return HNP_OK;
        }
    }
    return HNP_OK;
}

uint32_t hnp_norm_page_char(size_t page, uint8_t b)
{
    return page < CP_COUNT && b >= 0x80 ? cp_pages[page].high[b - 0x80] : b;
}

unsigned hnp_norm_cp_byte(size_t page, uint32_t c)
{
    return page < CP_COUNT ? encode_cp(&cp_pages[page], c) : NO_BYTE;
}

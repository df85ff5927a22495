/* segment.c -- stage 2: split normalized text into sentences.
 *
 * The text is first cut into blocks at line breaks: a blank line always ends a block,
 * and a single line break does too unless the line clearly continues a wrapped
 * paragraph (a block that began with a capital, a line that ends without punctuation,
 * and a next line that begins in lowercase: "It was a cold\nnight in the city."). Lists
 * written one lowercase item a line stay apart. Each block then goes to the English rules
 * (segment_rules.c), or to ICU when its letters are mostly non-Latin or the caller asked
 * for ICU alone.
 *
 * The files are one-way layers: this entry file calls the block segmenters (segment_rules.c,
 * segment_icu.c), which call the helpers below them (segment_meta.c, then segment_words.c,
 * segment_chars.c and segment_emit.c, the sentence sink); nothing calls back up. */
#include "segment_internal.h"

#include <stdlib.h>
#include <string.h>

struct hnp_segmenter {
    unsigned flags;
    seg_icu *icu;
};

hnp_status hnp_segmenter_create(const hnp_segment_opts *opts, hnp_segmenter **out)
{
    if (!out) {
        return HNP_ERR_INVALID;
    }
    *out = NULL;
    hnp_segmenter *s = calloc(1, sizeof *s);
    if (!s) {
        return HNP_ERR_NOMEM;
    }
    s->flags = opts ? opts->flags : 0;
    hnp_status st = hnp_seg_icu_open(&s->icu);
    if (st != HNP_OK) {
        free(s);
        return st;
    }
    *out = s;
    return HNP_OK;
}

void hnp_segmenter_free(hnp_segmenter *s)
{
    if (!s) {
        return;
    }
    hnp_seg_icu_close(s->icu);
    free(s);
}

/* True when one of the 8 bytes at p is below 0x0E or has its high bit set: only those can
 * start a line break. Skipping 8 plain bytes at a time makes the line scan cheap. */
static bool word_may_break(const uint8_t *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    return ((x - ones * 0x0E) | x) & highs;
}

/* End of the line that starts at pos; *next is where the following line starts. */
static size_t line_end(const uint8_t *t, size_t pos, size_t len, size_t *next)
{
    while (pos + 8 <= len && !word_may_break(t + pos)) {
        pos += 8;
    }
    for (size_t p = pos; p < len; p++) {
        uint8_t c = t[p];
        if (c > 0x0D && c != 0xC2 && c != 0xE2) {
            continue; /* cannot start a line break */
        }
        if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            *next = p + 1 + (c == '\r' && p + 1 < len && t[p + 1] == '\n'); /* CRLF is one */
            return p;
        }
        /* U+0085, U+2028, U+2029 */
        if ((c == 0xC2 && p + 1 < len && t[p + 1] == 0x85) ||
            (c == 0xE2 && p + 2 < len && t[p + 1] == 0x80 && (t[p + 2] & 0xFE) == 0xA8)) {
            *next = p + (c == 0xC2 ? 2u : 3u);
            return p;
        }
    }
    *next = len;
    return len;
}

/* Last non-space code point of [start, end), or 0 when there is none. */
static int32_t last_char(const uint8_t *t, size_t start, size_t end)
{
    int32_t cp;
    while (end > start) {
        size_t p = hnp_seg_prev(t, start, end);
        hnp_seg_decode(t, p, end, &cp);
        if (!hnp_seg_is_space(cp)) {
            return cp;
        }
        end = p;
    }
    return 0;
}

/* Case of the character at p (< end). */
static seg_case case_at(const uint8_t *t, size_t p, size_t end)
{
    int32_t cp;
    hnp_seg_decode(t, p, end, &cp);
    return hnp_seg_case_of(cp);
}

/* A line of running prose: three words or more, at least half of them in lowercase.
 * Menus, headings and captions ("Learn More", "Mac mini") are not. */
static bool prose_line(const uint8_t *t, size_t start, size_t end)
{
    hnp_span tk;
    size_t words = 0, lower = 0;
    for (size_t p = start; hnp_seg_token(t, p, end, &tk); p = tk.end) {
        words++;
        lower += case_at(t, tk.start, tk.end) == SEG_C_LOWER;
    }
    return words >= 3 && 2 * lower >= words;
}

/* Does the line [ls, le) continue the block [bs, ..) whose last line is [ps, pe), as a
 * wrapped paragraph does? */
static bool continues(const uint8_t *t, size_t bs, size_t ps, size_t pe, size_t ls, size_t le)
{
    hnp_span first, next;
    if (!hnp_seg_token(t, bs, pe, &first) || !hnp_seg_token(t, ls, le, &next)) {
        return false;
    }
    /* the next line opens with a plain lowercase word ("night", not "iPhone" or "[logo") */
    if (hnp_seg_token_case(t, &first) != SEG_C_UPPER || case_at(t, next.start, le) != SEG_C_LOWER) {
        return false;
    }
    int32_t cp;
    size_t n = hnp_seg_decode(t, next.start, le, &cp);
    if (next.start + n < next.end && case_at(t, next.start + n, le) == SEG_C_UPPER) {
        return false;
    }
    int32_t c = last_char(t, ps, pe);
    seg_case k = hnp_seg_case_of(c);
    bool open_end = k == SEG_C_LOWER || k == SEG_C_DIGIT || c == ',' || c == '-';
    return open_end && prose_line(t, ps, pe);
}

static hnp_status flush(hnp_segmenter *s, const uint8_t *t, size_t bs, size_t be, seg_out *o)
{
    if ((s->flags & HNP_SEG_ICU_ONLY) || hnp_seg_mostly_nonlatin(t, bs, be)) {
        return hnp_seg_icu_block(s->icu, t, bs, be, o);
    }
    hnp_seg_rules_block(t, bs, be, o);
    return HNP_OK;
}

static bool is_blank(const uint8_t *t, size_t start, size_t end)
{
    hnp_span tok;
    return !hnp_seg_token(t, start, end, &tok);
}

static hnp_status segment_into(hnp_segmenter *s, const uint8_t *text, size_t len, seg_out *o);

hnp_status hnp_segment(hnp_segmenter *s, const uint8_t *text, size_t len, hnp_span *spans,
                       size_t cap, size_t *n_out)
{
    if (!n_out) {
        return HNP_ERR_INVALID;
    }
    *n_out = 0;
    if (!s || (!text && len) || (!spans && cap)) {
        return HNP_ERR_INVALID;
    }
    seg_out o = {spans, cap, 0, NULL, NULL, false};
    HNP_TRY(segment_into(s, text, len, &o));
    *n_out = o.n;
    return o.n > cap ? HNP_ERR_TOOSMALL : HNP_OK;
}

/* Kept out of line under link-time optimisation: one call per window, and callgrind then
 * still counts the stage under its name (scripts/bench.py). */
__attribute__((noinline)) hnp_status hnp_segment_grow(hnp_segmenter *s, const uint8_t *text,
                                                      size_t len, hnp_span **spans, size_t *cap,
                                                      size_t *n_out)
{
    if (!n_out) {
        return HNP_ERR_INVALID;
    }
    *n_out = 0;
    if (!s || (!text && len) || !spans || !cap || (!*spans && *cap)) {
        return HNP_ERR_INVALID;
    }
    seg_out o = {*spans, *cap, 0, spans, cap, false};
    HNP_TRY(segment_into(s, text, len, &o));
    if (o.nomem) {
        return HNP_ERR_NOMEM;
    }
    *n_out = o.n;
    return HNP_OK;
}

/* Cuts the text into blocks (see the top of this file) and each block into sentences. */
static hnp_status segment_into(hnp_segmenter *s, const uint8_t *text, size_t len, seg_out *o)
{
    bool open = false, icu_only = (s->flags & HNP_SEG_ICU_ONLY) != 0;
    size_t bs = 0, ps = 0, be = 0, next;
    for (size_t pos = 0; pos < len; pos = next) {
        size_t le = line_end(text, pos, len, &next);
        bool blank = is_blank(text, pos, le);
        if (open && (blank || icu_only || !continues(text, bs, ps, be, pos, le))) {
            HNP_TRY(flush(s, text, bs, be, o));
            open = false;
        }
        if (!blank && !open) {
            bs = pos;
            open = true;
        }
        ps = pos;
        be = le;
    }
    if (open) {
        HNP_TRY(flush(s, text, bs, be, o));
    }
    return HNP_OK;
}

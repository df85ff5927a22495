/* normalize_lost.c -- UTF-8 sequences that lost their last byte on the way through a
 * codepage that has no character for it.
 *
 * Windows-1252 leaves 81, 8D, 8F, 90 and 9D undefined (windows-1251 leaves 98). UTF-8 read as
 * such a page loses those bytes: a converter drops them or writes U+FFFD. The closing quote
 * E2 80 9D comes out as "â€" (dropped) or "â€�"; "ﬁ" (EF AC 81) as "ï¬" and "Á" (C3 81) as
 * "Ã�". The missing byte is one of the page's undefined bytes, so the candidates are few;
 * the one kept is chosen from the context:
 *   1. the document: a candidate that the document already holds (intact or repaired in an
 *      earlier line) is the likely one;
 *   2. the line: a closing quote where the line opens one;
 *   3. the prefix: what usually follows it ("â€" is far more often "”" than a zero-width
 *      joiner or a hyphen), as a small table of characters that news text uses.
 * A sequence is completed only when one candidate wins; otherwise it is left for the
 * U+FFFD rule of normalize_mojibake.c. A dropped byte is recognised only in 3- and 4-byte
 * sequences (two bytes of evidence): "Ã" followed by a letter is Portuguese ("SÃO"), not a
 * lost "Á". With U+FFFD in its place (byte 0x1A, SUB, in the sloppy encoding) the loss is
 * explicit, so 2-byte sequences are completed too.
 *
 * This file sits below normalize_mojibake.c: it works on a line's bytes and the evidence
 * the caller passes down, and calls nothing above it. */
#include "normalize_internal.h"

#include <string.h>
#include <utf8proc.h>

enum { SUB = 0x1A, MAX_CAND = 32 };

/* Characters that text in Latin, Cyrillic or Greek script uses often, among those whose
 * UTF-8 ends in a byte that windows-1252 or windows-1251 lacks; a weight per character. The
 * closing quote dominates English news; the rest are letters of European names and words. */
typedef struct lost_prior {
    uint32_t cp;
    unsigned weight;
} lost_prior;

static const lost_prior priors[] = {
    {0x00C1, 3}, /* Á */
    {0x00CD, 2}, /* Í */
    {0x00CF, 1}, /* Ï */
    {0x00D0, 1}, /* Ð */
    {0x00DD, 1}, /* Ý */
    {0x0141, 3}, /* Ł */
    {0x0101, 2}, /* ā */
    {0x010D, 3}, /* č */
    {0x0150, 2}, /* Ő */
    {0x014D, 2}, /* ō */
    {0x0410, 3}, /* А */
    {0x041D, 3}, /* Н */
    {0x0441, 3}, /* с */
    {0x044D, 2}, /* э */
    {0x044F, 3}, /* я */
    {0x201D, 8}, /* ” */
    {0xFB01, 4}, /* ﬁ */
};

static int cont(unsigned b)
{
    return b >= 0x80 && b <= 0xBF;
}

static size_t seq_len(unsigned lead)
{
    return (lead >= 0xC2 && lead <= 0xDF)   ? 2
           : (lead >= 0xE0 && lead <= 0xEF) ? 3
           : (lead >= 0xF0 && lead <= 0xF4) ? 4
                                            : 0;
}

/* The code point of the complete sequence s[0, len), or 0 if it is not valid UTF-8 or not
 * an assigned, visible character (a lost byte never stood for a control). */
static uint32_t decode_full(const unsigned *s, size_t len)
{
    uint8_t u[4];
    utf8proc_int32_t c;
    for (size_t i = 0; i < len; i++) {
        u[i] = (uint8_t)s[i];
    }
    if (utf8proc_iterate(u, (utf8proc_ssize_t)len, &c) != (utf8proc_ssize_t)len) {
        return 0;
    }
    utf8proc_category_t k = utf8proc_category(c);
    if (k == UTF8PROC_CATEGORY_CN || k == UTF8PROC_CATEGORY_CC || k == UTF8PROC_CATEGORY_CO ||
        k == UTF8PROC_CATEGORY_CS) {
        return 0;
    }
    return (uint32_t)c;
}

static unsigned prior_of(uint32_t c)
{
    for (size_t i = 0; i < sizeof priors / sizeof priors[0]; i++) {
        if (priors[i].cp == c) {
            return priors[i].weight;
        }
    }
    return 0;
}

/* The score of candidate c: document evidence first, then the line's, then the prior. A
 * letter after a letter takes its case ("IchiyÅ\xef\xbf\xbd" is ō, not Ł). */
static unsigned score(uint32_t c, const hnp_norm_lost_ctx *ctx, unsigned prev)
{
    unsigned s = prior_of(c);
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    int prev_lower = prev >= 'a' && prev <= 'z', prev_upper = prev >= 'A' && prev <= 'Z';
    if (s &&
        ((prev_lower && k == UTF8PROC_CATEGORY_LL) || (prev_upper && k == UTF8PROC_CATEGORY_LU))) {
        s += 4;
    }
    for (size_t i = 0; i < ctx->n_seen; i++) {
        if (ctx->seen[i] == c) {
            s += 16;
        }
    }
    if (c == 0x201D && ctx->open_quote) {
        s += 16;
    }
    return s;
}

/* The byte that completes prefix s[0, have) (have = len - 1), or 0x100 when no single
 * candidate wins. */
static unsigned best_byte(const unsigned *s, size_t len, unsigned prev,
                          const hnp_norm_lost_ctx *ctx)
{
    unsigned seq[4], best = 0x100, best_score = 0;
    int tie = 0;
    memcpy(seq, s, (len - 1) * sizeof *seq);
    for (unsigned b = 0x80; b <= 0x9F; b++) {
        if (!(ctx->undefined & (1u << (b - 0x80)))) {
            continue;
        }
        seq[len - 1] = b;
        uint32_t c = decode_full(seq, len);
        unsigned sc = c ? score(c, ctx, prev) : 0;
        if (sc > best_score) {
            best = b;
            best_score = sc;
            tie = 0;
        } else if (sc && sc == best_score) {
            tie = 1;
        }
    }
    return tie ? 0x100 : best;
}

/* How the sequence led by in[i] lost its last byte: 0 not at all, 1 dropped, 2 replaced by
 * SUB (U+FFFD). *len gets the sequence's full length. */
static int lost_form(const hnp_norm_bytes *in, size_t i, size_t *len)
{
    size_t n = seq_len(in->b[i]), k = 1;
    if (n == 0) {
        return 0;
    }
    while (k < n - 1 && i + k < in->n && cont(in->b[i + k])) {
        k++;
    }
    if (k != n - 1) {
        return 0; /* more than one byte missing, or none */
    }
    *len = n;
    if (i + k < in->n && in->b[i + k] == SUB) {
        return 2;
    }
    /* ftfy's reading: a '?' where a 3-byte sequence ends is the converter's substitute */
    if (n == 3 && i + k < in->n && in->b[i + k] == '?') {
        return 2;
    }
    if (i + k < in->n && cont(in->b[i + k])) {
        return 0; /* complete */
    }
    /* A dropped byte needs two bytes of evidence: a 3- or 4-byte prefix, or a 2-byte lead
     * followed by another lead ("ÅÃ³dÅº"), which Latin text does not have. */
    return n >= 3 || (i + k < in->n && in->b[i + k] >= 0xC2 && in->b[i + k] <= 0xF4) ? 1 : 0;
}

/* "â€ " (E2 80, space): a closing quote that lost 9D, or a dagger (E2 80 A0) whose A0 turned
 * into the space? A quote when the line opens one or a word follows; the dagger of a
 * footnote mark stands before punctuation ("Smith J† , Jones"). */
static int quote_before_space(const hnp_norm_bytes *in, size_t at, const hnp_norm_lost_ctx *ctx)
{
    unsigned next = at + 1 < in->n ? in->b[at + 1] : 0;
    int word = (next | 0x20) >= 'a' && (next | 0x20) <= 'z';
    return ctx->open_quote || word || (next >= '0' && next <= '9') || next >= 0x80 || next == 0;
}

/* The byte that completes the sequence led by in[i], if it lost one (0x100 if not); *len
 * gets the sequence's length and *form how the byte was lost (see lost_form). */
static unsigned lost_byte_at(const hnp_norm_bytes *in, size_t i, const hnp_norm_lost_ctx *ctx,
                             size_t *len, int *form)
{
    *form = ctx->undefined ? lost_form(in, i, len) : 0;
    if (!*form) {
        return 0x100;
    }
    unsigned b = best_byte(in->b + i, *len, i ? in->b[i - 1] : 0, ctx);
    size_t at = i + *len - 1; /* where the lost byte was */
    if (b != 0x100 && *form == 1 && at < in->n && in->b[at] == ' ' &&
        !quote_before_space(in, at, ctx)) {
        return 0x100; /* left for restore_a0: a dagger */
    }
    return b;
}

size_t hnp_norm_lost_at(const hnp_norm_bytes *in, size_t i, const hnp_norm_lost_ctx *ctx,
                        uint32_t *cp)
{
    size_t len;
    int form;
    unsigned seq[4], b = lost_byte_at(in, i, ctx, &len, &form);
    if (b == 0x100) {
        return 0;
    }
    memcpy(seq, in->b + i, (len - 1) * sizeof *seq);
    seq[len - 1] = b;
    *cp = decode_full(seq, len);
    return form == 2 ? len : len - 1;
}

hnp_status hnp_norm_restore_lost(const hnp_norm_bytes *in, const hnp_norm_lost_ctx *ctx,
                                 hnp_norm_bytes *out)
{
    out->n = 0;
    for (size_t i = 0; i < in->n;) {
        size_t len = 0;
        int form;
        unsigned b = lost_byte_at(in, i, ctx, &len, &form);
        if (b == 0x100) {
            HNP_TRY(hnp_norm_bytes_push(out, in->b[i], in->src[i]));
            i++;
            continue;
        }
        size_t at = i + len - 1;
        for (size_t j = 0; j + 1 < len; j++) {
            HNP_TRY(hnp_norm_bytes_push(out, in->b[i + j], in->src[i + j]));
        }
        HNP_TRY(hnp_norm_bytes_push(out, b, in->src[form == 2 ? at : at - 1]));
        i = form == 2 ? at + 1 : at;
    }
    return HNP_OK;
}

/* Can c stand where a byte was lost: does its UTF-8 end in a byte that windows-1252 or
 * windows-1251 lacks? */
static int losable(uint32_t c)
{
    uint8_t u[4];
    size_t n = c >= 0x80 ? hnp_norm_utf8_encode(c, u) : 0;
    uint8_t last = n ? u[n - 1] : 0;
    return last == 0x81 || last == 0x8D || last == 0x8F || last == 0x90 || last == 0x9D ||
           last == 0x98;
}

void hnp_norm_note_seen(hnp_norm_work *w, uint32_t c)
{
    if (w->n_seen == NORM_MAX_SEEN || !losable(c)) {
        return;
    }
    for (size_t k = 0; k < w->n_seen; k++) {
        if (w->seen[k] == c) {
            return;
        }
    }
    w->seen[w->n_seen++] = c;
}

/* tag_trialid.c -- trial registry ids (NCT01234567, ISRCTN..., EudraCT ...) by pattern.
 *
 * The patterns come from the lexicons (trial-id-patterns.tsv) and are compiled with ICU
 * once per tagger: a URegularExpression is not thread-safe to share. They run directly
 * on the UTF-8 text through a UText, so match offsets are byte offsets, and only over
 * sentences that contain a digit (every registry id has digits). */
#include "tag_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

static hnp_status compile_one(const char *pattern, URegularExpression **out)
{
    UErrorCode ec = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(NULL, 0, &n, pattern, -1, &ec);
    if (ec != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(ec)) {
        return HNP_ERR_FORMAT;
    }
    UChar *u = malloc(((size_t)n + 1) * sizeof *u);
    if (!u) {
        return HNP_ERR_NOMEM;
    }
    ec = U_ZERO_ERROR;
    u_strFromUTF8(u, n + 1, NULL, pattern, -1, &ec);
    UParseError pe;
    *out = U_SUCCESS(ec) ? uregex_open(u, n, 0, &pe, &ec) : NULL;
    free(u);
    return U_SUCCESS(ec) ? HNP_OK : HNP_ERR_ICU;
}

static int lit_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '-' || c == '_';
}

static int quantifier(char c)
{
    return c == '?' || c == '*' || c == '+' || c == '{';
}

/* Past the character class that opens at p[0] == '[' (nested classes and escapes
 * included); NULL when it does not close. */
static const char *skip_class(const char *p)
{
    int depth = 0;
    for (; *p != '\0'; p++) {
        if (*p == '\\') {
            if (*++p == '\0') {
                return NULL;
            }
        } else if (*p == '[') {
            depth++;
        } else if (*p == ']' && --depth == 0) {
            return p + 1;
        }
    }
    return NULL;
}

/* Whether the pattern has a '|' at group depth <= depth (escapes and classes skipped);
 * 1 also when it cannot be read. */
static int alternation_within(const char *p, int depth)
{
    int d = 0;
    while (p && *p != '\0') {
        if (*p == '\\') {
            p += p[1] != '\0' ? 2 : 1;
        } else if (*p == '[') {
            p = skip_class(p);
        } else {
            d += (*p == '(') - (*p == ')');
            if (*p == '|' && d <= depth) {
                return 1;
            }
            p++;
        }
    }
    return p == NULL;
}

/* The literal that every match of a pattern begins with: after an optional "(?i:" and
 * "\b", the plain characters up to the first regex syntax, less one that a quantifier
 * makes optional ("ISRCTN ?"). None when an alternation at the literal's level would
 * make it optional. */
static void find_literal(const char *pat, tag_regex *rx)
{
    rx->lit_len = 0;
    rx->lit_ci = strncmp(pat, "(?i:", 4) == 0;
    /* Inside "(?i:" the literal is at depth 1: an alternation there would make it optional. */
    if (alternation_within(pat, rx->lit_ci)) {
        return;
    }
    pat += rx->lit_ci ? 4 : 0;
    if (strncmp(pat, "\\b", 2) == 0) {
        pat += 2;
    }
    size_t n = 0;
    while (n < TAG_RX_LIT_MAX && lit_char(pat[n]) && !quantifier(pat[n + 1])) {
        rx->lit[n] = rx->lit_ci && pat[n] >= 'A' && pat[n] <= 'Z' ? (char)(pat[n] + 32) : pat[n];
        n++;
    }
    rx->lit[n] = '\0';
    rx->lit_len = n;
}

/* Past the group that opens at p[0] == '(' (escapes, classes and nested groups
 * included); NULL when it does not close. */
static const char *skip_group(const char *p)
{
    int depth = 0;
    while (p && *p != '\0') {
        if (*p == '\\') {
            p += p[1] != '\0' ? 2 : 1;
            continue;
        }
        if (*p == '[') {
            p = skip_class(p);
            continue;
        }
        depth += *p == '(';
        if (*p == ')' && --depth == 0) {
            return p + 1;
        }
        p++;
    }
    return NULL;
}

/* Past a quantifier at p (? * + {m,n}, with a lazy/possessive mark), or p if none. */
static const char *skip_quantifier(const char *p)
{
    if (*p == '{') {
        const char *e = strchr(p, '}');
        p = e ? e + 1 : p + strlen(p);
    } else if (quantifier(*p)) {
        p++;
    } else {
        return p;
    }
    return *p == '?' || *p == '+' ? p + 1 : p;
}

/* The longest run of plain characters at the top level of a case-sensitive pattern:
 * every match holds it. Groups, classes, escapes and quantified characters break runs;
 * a top-level '|', inline flags or \Q give none. */
static void inner_literal(const char *pat, tag_regex *rx)
{
    if (strstr(pat, "(?i") || strstr(pat, "(?x") || strstr(pat, "(?-") || strstr(pat, "\\Q")) {
        return;
    }
    char run[TAG_RX_LIT_MAX + 1];
    size_t n = 0;
    for (const char *p = pat; *p != '\0';) {
        if (lit_char(*p) && !quantifier(p[1])) {
            if (n < TAG_RX_LIT_MAX) {
                run[n++] = *p;
            }
            p++;
            if (n > rx->lit_len) {
                memcpy(rx->lit, run, n);
                rx->lit[n] = '\0';
                rx->lit_len = n;
            }
            continue;
        }
        n = 0;
        if (*p == '|') {
            rx->lit_len = 0;
            return;
        }
        if (*p == '(' || *p == '[') {
            p = *p == '(' ? skip_group(p) : skip_class(p);
        } else {
            p += *p == '\\' && p[1] != '\0' ? 2 : 1;
        }
        if (!p) {
            rx->lit_len = 0;
            return;
        }
        p = skip_quantifier(p);
    }
}

/* Whether the literal of pattern p occurs in text[ws..we). */
static int has_literal(const tag_regex *rx, const uint8_t *s, size_t ws, size_t we)
{
    size_t l = rx->lit_len;
    if (l == 0) {
        return 1;
    }
    if (we - ws < l) {
        return 0;
    }
    if (!rx->lit_ci) { /* memchr to each candidate first byte */
        const uint8_t *p = s + ws, *end = s + we - l + 1;
        while (p < end && (p = memchr(p, rx->lit[0], (size_t)(end - p))) != NULL) {
            if (memcmp(p, rx->lit, l) == 0) {
                return 1;
            }
            p++;
        }
        return 0;
    }
    for (size_t i = ws; i + l <= we; i++) {
        size_t j = 0;
        while (j < l) {
            uint8_t c = s[i + j];
            if (rx->lit_ci && c >= 'A' && c <= 'Z') {
                c = (uint8_t)(c + 32);
            }
            if (c != (uint8_t)rx->lit[j]) {
                break;
            }
            j++;
        }
        if (j == l) {
            return 1;
        }
    }
    return 0;
}

hnp_status hnp_tag_rx_compile(hnp_tagger *t)
{
    size_t n = 0;
    for (size_t l = 0; l < t->n_lex; l++) {
        n += t->lex[l]->hdr->n_patterns;
    }
    if (n == 0) {
        return HNP_OK;
    }
    t->rx = calloc(n, sizeof *t->rx);
    if (!t->rx) {
        return HNP_ERR_NOMEM;
    }
    for (size_t l = 0; l < t->n_lex; l++) {
        const hnp_lexicon *lex = t->lex[l];
        for (uint32_t p = 0; p < lex->hdr->n_patterns; p++) {
            URegularExpression *re;
            const char *pat = hnp_lexicon_str(lex, lex->patterns[p].pattern_off);
            HNP_TRY(compile_one(pat, &re));
            find_literal(pat, &t->rx[t->n_rx]);
            if (t->rx[t->n_rx].lit_len == 0) {
                inner_literal(pat, &t->rx[t->n_rx]);
            }
            t->rx[t->n_rx].re = re;
            t->rx[t->n_rx++].registry = hnp_lexicon_str(lex, lex->patterns[p].registry_off);
        }
    }
    return HNP_OK;
}

void hnp_tag_rx_free(hnp_tagger *t)
{
    for (size_t i = 0; i < t->n_rx; i++) {
        uregex_close(t->rx[i].re);
    }
    free(t->rx);
    t->rx = NULL;
    t->n_rx = 0;
}

/* Leftmost first, then longest, then pattern order. */
static int rxm_cmp(const void *pa, const void *pb)
{
    const tag_rxmatch *a = pa, *b = pb;
    if (a->start != b->start) {
        return a->start < b->start ? -1 : 1;
    }
    if (a->end != b->end) {
        return a->end > b->end ? -1 : 1;
    }
    return (a->pattern > b->pattern) - (a->pattern < b->pattern);
}

/* Every registry id has a run of at least this many digits (NCT + 8, EudraCT 4-6-2,
 * ISRCTN + 8, ...): the patterns run only in windows around such runs, so a sentence
 * that merely mentions a year costs a few short searches, not 20 full scans. */
#define RX_MIN_DIGITS 4
/* Bytes on each side of a digit run that a match may reach ("EudraCT number: "). */
#define RX_REACH 48

static hnp_status scan_window(hnp_tagger *t, size_t p, size_t base, size_t ws, size_t we)
{
    UErrorCode ec = U_ZERO_ERROR;
    URegularExpression *re = t->rx[p].re;
    /* Transparent bounds: \b and look-behind still see the text around the window. */
    uregex_setRegion64(re, (int64_t)ws, (int64_t)we, &ec);
    uregex_useTransparentBounds(re, 1, &ec);
    while (U_SUCCESS(ec) && uregex_findNext(re, &ec)) {
        int64_t s = uregex_start64(re, 0, &ec), e = uregex_end64(re, 0, &ec);
        if (U_FAILURE(ec) || s < 0 || e <= s) {
            break;
        }
        HNP_TRY(hnp_tag_grow((void **)&t->rxm, &t->cap_rxm, t->n_rxm + 1, sizeof *t->rxm));
        t->rxm[t->n_rxm++] = (tag_rxmatch){base + (size_t)s, base + (size_t)e, p};
    }
    return U_SUCCESS(ec) ? HNP_OK : HNP_ERR_ICU;
}

/* The windows (sentence-relative) around runs of RX_MIN_DIGITS digits, merged. */
/* Adds the window around a run of digits at s[i..i+run) (bytes of the sentence s[0..n)),
 * merged with the previous window when they touch. */
static hnp_status add_window(hnp_tagger *t, const uint8_t *s, size_t n, size_t i, size_t run)
{
    size_t a = i > RX_REACH ? i - RX_REACH : 0, b = i + run + RX_REACH;
    b = b < n ? b : n;
    while (a > 0 && (s[a] & 0xC0) == 0x80) { /* whole code points only */
        a--;
    }
    while (b < n && (s[b] & 0xC0) == 0x80) {
        b++;
    }
    if (t->n_win && a <= t->win[t->n_win - 1].end) {
        t->win[t->n_win - 1].end = b;
        return HNP_OK;
    }
    HNP_TRY(hnp_tag_grow((void **)&t->win, &t->cap_win, t->n_win + 1, sizeof *t->win));
    t->win[t->n_win++] = (hnp_span){a, b};
    return HNP_OK;
}

/* The windows around runs of RX_MIN_DIGITS or more ASCII digits in the sentence s[0..n),
 * which starts at byte base of the document. Digits are word characters, so every run is
 * inside one word token: only the tokens with a digit are read, and only while some are
 * left (t->n_digit counts them). */
static hnp_status find_windows(hnp_tagger *t, const uint8_t *s, size_t n, size_t base)
{
    t->n_win = 0;
    for (size_t k = 0, left = t->n_digit; k < t->n_tok && left; k++) {
        if (!t->tok[k].digit) {
            continue;
        }
        left--;
        size_t i = t->tok[k].start - base, end = t->tok[k].end - base;
        while (i < end) {
            if (s[i] < '0' || s[i] > '9') {
                i++;
                continue;
            }
            size_t run = 1;
            while (i + run < end && s[i + run] >= '0' && s[i + run] <= '9') {
                run++;
            }
            if (run >= RX_MIN_DIGITS) {
                HNP_TRY(add_window(t, s, n, i, run));
            }
            i += run;
        }
    }
    return HNP_OK;
}

/* A match lies inside its window and starts with the pattern's literal, so a window
 * without the literal has no match and costs no regex search. */
static hnp_status scan_one(hnp_tagger *t, size_t p, UText *ut, const uint8_t *s, size_t base)
{
    int bound = 0;
    for (size_t w = 0; w < t->n_win; w++) {
        if (!has_literal(&t->rx[p], s, t->win[w].start, t->win[w].end)) {
            continue;
        }
        if (!bound) {
            UErrorCode ec = U_ZERO_ERROR;
            uregex_setUText(t->rx[p].re, ut, &ec);
            if (U_FAILURE(ec)) {
                return HNP_ERR_ICU;
            }
            bound = 1;
        }
        HNP_TRY(scan_window(t, p, base, t->win[w].start, t->win[w].end));
    }
    return HNP_OK;
}

hnp_status hnp_tag_rx_scan(hnp_tagger *t, const uint8_t *text, size_t start, size_t end)
{
    HNP_TRY(find_windows(t, text + start, end - start, start));
    if (t->n_win == 0) {
        return HNP_OK;
    }
    UErrorCode ec = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, (const char *)text + start, (int64_t)(end - start), &ec);
    if (U_FAILURE(ec)) {
        return HNP_ERR_ICU;
    }
    hnp_status st = HNP_OK;
    for (size_t p = 0; p < t->n_rx && st == HNP_OK; p++) {
        st = scan_one(t, p, &ut, text + start, start);
    }
    utext_close(&ut);
    if (st != HNP_OK || t->n_rxm < 2) {
        return st;
    }
    qsort(t->rxm, t->n_rxm, sizeof *t->rxm, rxm_cmp);
    size_t kept = 1;
    for (size_t i = 1; i < t->n_rxm; i++) {
        if (t->rxm[i].start >= t->rxm[kept - 1].end) {
            t->rxm[kept++] = t->rxm[i];
        }
    }
    t->n_rxm = kept;
    return HNP_OK;
}

static int is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_upper(uint8_t c)
{
    return c >= 'A' && c <= 'Z';
}

/* The id of a match: white space runs become one space; a label before a colon
 * ("EudraCT number: 2007-002762-35") is dropped; an upper-case registry prefix is joined
 * to its number ("ISRCTN 35042256" -> "ISRCTN35042256"). */
static hnp_status normalize_id(lexbuf *out, const uint8_t *s, size_t n)
{
    size_t first_digit = n, colon = n;
    for (size_t i = 0; i < n && first_digit == n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            first_digit = i;
        } else if (s[i] == ':') {
            colon = i;
        }
    }
    size_t i = colon < first_digit ? colon + 1 : 0;
    while (i < n && is_space(s[i])) {
        i++;
    }
    int caps_prefix = 1;
    for (size_t k = i; k < n && k < first_digit && !is_space(s[k]); k++) {
        caps_prefix &= is_upper(s[k]);
    }
    for (; i < n; i++) {
        if (!is_space(s[i])) {
            HNP_TRY(hnp_buf_put(out, s + i, 1));
            continue;
        }
        while (i + 1 < n && is_space(s[i + 1])) {
            i++;
        }
        int joins = caps_prefix && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9';
        if (!joins) {
            HNP_TRY(hnp_buf_put(out, " ", 1));
        }
    }
    return hnp_buf_put(out, "", 1);
}

hnp_status hnp_tag_rx_emit(hnp_tagger *t, const uint8_t *text, const tag_rxmatch *x)
{
    size_t off = t->ids.len;
    HNP_TRY(normalize_id(&t->ids, text + x->start, x->end - x->start));
    return hnp_tag_emit(t, x->start, x->end, HNP_LABEL_TRIAL, NULL, t->rx[x->pattern].registry,
                        off);
}

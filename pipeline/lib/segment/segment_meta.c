/* segment_meta.c -- datelines and byline fields that scrapers glue onto sentences.
 *
 * Scraped articles often run the headline, the date, "Source: X" and the first sentence
 * together with no punctuation between them ("... sclerosis? August 18, 2016 Source: Bio
 * Valley Recently, according to ..."). These helpers recognize the date and field shapes
 * so that the rules can end a sentence after them. */
#include "segment_internal.h"

#include <string.h>

static bool is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

static size_t count_digits(const uint8_t *t, size_t p, size_t e)
{
    size_t n = 0;
    while (p + n < e && is_digit(t[p + n])) {
        n++;
    }
    return n;
}

/* A day of the month: 1-2 digits, an optional ordinal suffix, an optional comma. */
static bool is_day(const uint8_t *t, const hnp_span *tk)
{
    size_t n = count_digits(t, tk->start, tk->end);
    if (n < 1 || n > 2) {
        return false;
    }
    size_t p = tk->start + n, e = tk->end;
    if (e - p >= 2 && (memcmp(t + p, "st", 2) == 0 || memcmp(t + p, "nd", 2) == 0 ||
                       memcmp(t + p, "rd", 2) == 0 || memcmp(t + p, "th", 2) == 0)) {
        p += 2;
    }
    return p == e || (p + 1 == e && t[p] == ',');
}

/* A year 1900-2099 with an optional comma; returns the end of the digits or 0. */
static size_t year_end(const uint8_t *t, const hnp_span *tk)
{
    size_t n = count_digits(t, tk->start, tk->end);
    if (n != 4 || !(t[tk->start] == '1' || t[tk->start] == '2')) {
        return 0;
    }
    size_t p = tk->start + 4;
    return p == tk->end || (p + 1 == tk->end && t[p] == ',') ? p : 0;
}

/* 2016-08-18, 2016/08/18, 18.08.2016, 08/18/2016: returns the end of the date or 0. */
static size_t numeric_date_end(const uint8_t *t, const hnp_span *tk)
{
    size_t p = tk->start, groups = 0, years = 0;
    uint8_t sep = 0;
    while (p < tk->end && groups < 3) {
        size_t n = count_digits(t, p, tk->end);
        if (n == 4) {
            years++;
        } else if (n < 1 || n > 2) {
            return 0;
        }
        p += n;
        groups++;
        if (groups < 3) {
            if (p >= tk->end || !(t[p] == '-' || t[p] == '/' || t[p] == '.') ||
                (sep && t[p] != sep)) {
                return 0;
            }
            sep = t[p++];
        }
    }
    bool tail_ok = p == tk->end || (p + 1 == tk->end && t[p] == ',');
    return groups == 3 && years == 1 && tail_ok ? p : 0;
}

static bool is_ampm(const uint8_t *t, const hnp_span *tk)
{
    static const char *const forms[] = {"am", "pm", "a.m.", "p.m.", "AM", "PM", "A.M.", "P.M."};
    size_t len = tk->end - tk->start;
    if (len > 0 && t[tk->end - 1] == ',') {
        len--;
    }
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        if (strlen(forms[i]) == len && memcmp(forms[i], t + tk->start, len) == 0) {
            return true;
        }
    }
    return false;
}

/* "10:30", "10:30:05", "10:30am": returns the end or 0. */
static size_t time_end(const uint8_t *t, const hnp_span *tk)
{
    size_t n = count_digits(t, tk->start, tk->end), p = tk->start + n;
    if (n < 1 || n > 2 || p >= tk->end || t[p] != ':' || count_digits(t, p + 1, tk->end) != 2) {
        return 0;
    }
    p += 3;
    if (p + 3 <= tk->end && t[p] == ':' && count_digits(t, p + 1, tk->end) == 2) {
        p += 3;
    }
    hnp_span rest = {p, tk->end};
    return p == tk->end || is_ampm(t, &rest) || (p + 1 == tk->end && t[p] == ',') ? tk->end : 0;
}

/* Extends a date ending at d with a time, am/pm and zone when they follow. */
static size_t with_time(const uint8_t *t, size_t d, size_t end)
{
    hnp_span tk;
    if (!hnp_seg_token(t, d, end, &tk)) {
        return d;
    }
    size_t te = time_end(t, &tk);
    if (te == 0) {
        return d;
    }
    d = te;
    if (hnp_seg_token(t, d, end, &tk) && is_ampm(t, &tk)) {
        d = tk.end;
    }
    if (hnp_seg_token(t, d, end, &tk) && hnp_seg_is_timezone(t + tk.start, tk.end - tk.start)) {
        d = tk.end;
    }
    return d;
}

/* A byte a date can start with: a digit, or the capital a month or a weekday starts with. */
static bool date_first(uint8_t c)
{
    switch (c) {
    case 'A':
    case 'D':
    case 'F':
    case 'J':
    case 'M':
    case 'N':
    case 'O':
    case 'S':
    case 'T':
    case 'W':
        return true;
    default:
        return is_digit(c);
    }
}

size_t hnp_seg_match_date(const uint8_t *t, size_t pos, size_t end, bool *timed)
{
    hnp_span a;
    /* a date starts with a digit, a month or a weekday; a token that starts right at pos
     * (a visible ASCII byte) is judged by it before the token is scanned */
    if (pos < end && t[pos] > ' ' && t[pos] < 0x80 && !date_first(t[pos])) {
        return 0;
    }
    return hnp_seg_token(t, pos, end, &a) ? hnp_seg_match_date_tok(t, &a, end, timed) : 0;
}

size_t hnp_seg_match_date_tok(const uint8_t *t, const hnp_span *first, size_t end, bool *timed)
{
    hnp_span a = *first, b, c;
    if (!date_first(t[a.start])) {
        return 0;
    }
    if (hnp_seg_is_weekday(t + a.start, a.end - a.start) && !hnp_seg_token(t, a.end, end, &a)) {
        return 0;
    }
    size_t d = numeric_date_end(t, &a);
    bool month_first = d == 0 && hnp_seg_month(t + a.start, a.end - a.start);
    bool day_first = d == 0 && !month_first && is_day(t, &a);
    /* only now look further: most capitalized words are not months */
    if ((month_first || day_first) && hnp_seg_token(t, a.end, end, &b) &&
        hnp_seg_token(t, b.end, end, &c)) {
        size_t blen = b.end - b.start;
        if (month_first ? is_day(t, &b) : hnp_seg_month(t + b.start, blen) != 0) {
            d = year_end(t, &c); /* August 18, 2016 or 18 August 2016 */
        }
    }
    size_t dt = d ? with_time(t, d, end) : 0;
    if (timed) {
        *timed = dt > d;
    }
    return dt;
}

static bool word_is(const uint8_t *t, size_t s, size_t e, const char *w)
{
    size_t n = strlen(w);
    if (e - s != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        uint8_t c = t[s + i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (uint8_t)w[i]) {
            return false;
        }
    }
    return true;
}

static bool in_words(const char *const *list, size_t n, const uint8_t *t, size_t s, size_t e)
{
    uint8_t c0 = t[s] >= 'A' && t[s] <= 'Z' ? (uint8_t)(t[s] + 32) : t[s];
    for (size_t i = 0; i < n; i++) {
        if ((uint8_t)list[i][0] == c0 && word_is(t, s, e, list[i])) {
            return true;
        }
    }
    return false;
}

static const char *const colon_labels[] = {
    "source",  "sources",    "photo",       "photos",    "image",   "images",   "credit",
    "credits", "author",     "authors",     "editor",    "editors", "reporter", "reporters",
    "writer",  "translator", "contributor", "published", "updated", "posted",   "date",
    "from",    "via",        "text",        "compiled",  "origin",  "summary",
};

static const char *const by_labels[] = {
    "written", "posted",     "edited", "compiled", "reported",   "photo",
    "image",   "photograph", "story",  "text",     "translated",
};

/* Length of a colon at p (ASCII or fullwidth), else 0. */
static size_t colon_at(const uint8_t *t, size_t p, size_t end)
{
    if (p < end && t[p] == ':') {
        return 1;
    }
    return p + 3 <= end && memcmp(t + p, "\xEF\xBC\x9A", 3) == 0 ? 3 : 0;
}

static size_t label_colon_end(const uint8_t *t, const hnp_span *a, size_t end)
{
    size_t n = sizeof colon_labels / sizeof colon_labels[0];
    /* "Source:" in one token, or "Source :" as MT output often spaces it. */
    for (size_t w = a->start; w < a->end; w++) {
        size_t c = colon_at(t, w, a->end);
        if (c) {
            bool ok = w + c == a->end && in_words(colon_labels, n, t, a->start, w);
            return ok ? a->end : 0;
        }
    }
    /* the colon first: most capitalized words are followed by none, and the list is long */
    hnp_span b;
    if (hnp_seg_token(t, a->end, end, &b) && colon_at(t, b.start, b.end) == b.end - b.start &&
        in_words(colon_labels, n, t, a->start, a->end)) {
        return b.end;
    }
    return 0;
}

size_t hnp_seg_match_label(const uint8_t *t, size_t pos, size_t end, bool colon_only)
{
    hnp_span a;
    return hnp_seg_token(t, pos, end, &a) ? hnp_seg_match_label_tok(t, &a, end, colon_only) : 0;
}

size_t hnp_seg_match_label_tok(const uint8_t *t, const hnp_span *first, size_t end, bool colon_only)
{
    hnp_span a = *first, b;
    if (!(t[a.start] >= 'A' && t[a.start] <= 'Z')) {
        return 0;
    }
    size_t e = label_colon_end(t, &a, end);
    if (e || colon_only) {
        return e;
    }
    if (word_is(t, a.start, a.end, "by")) {
        return a.end;
    }
    size_t n = sizeof by_labels / sizeof by_labels[0];
    if (in_words(by_labels, n, t, a.start, a.end) && hnp_seg_token(t, a.end, end, &b) &&
        word_is(t, b.start, b.end, "by")) {
        return b.end;
    }
    return 0;
}

static bool ends_sentence(const uint8_t *t, const hnp_span *tk)
{
    uint8_t c = t[tk->end - 1];
    return c == '.' || c == '!' || c == '?';
}

/* Is the capitalized token tk (after at least one name word) the first word of a
 * sentence rather than more of the name? */
static bool starts_sentence(const uint8_t *t, const hnp_span *tk, size_t end)
{
    hnp_span core = hnp_seg_token_core(t, tk), nx;
    if (hnp_seg_is_starter(t + core.start, core.end - core.start)) {
        return true;
    }
    if (!hnp_seg_token(t, tk->end, end, &nx)) {
        return false;
    }
    /* "Recently, according" or "Researchers found": a capitalized word followed by a
     * lowercase one that cannot be part of a name. */
    hnp_span ncore = hnp_seg_token_core(t, &nx);
    int32_t cp;
    hnp_seg_decode(t, nx.start, nx.end, &cp); /* a plain word: "Carter (excepted" is no start */
    return hnp_seg_case_of(cp) == SEG_C_LOWER &&
           !hnp_seg_is_connector(t + ncore.start, ncore.end - ncore.start);
}

/* A capitalized word with no punctuation at its end (still inside a heading). */
static bool heading_word(const uint8_t *t, const hnp_span *tk)
{
    hnp_span core = hnp_seg_token_core(t, tk);
    return core.end == tk->end && core.start == tk->start &&
           hnp_seg_token_case(t, tk) == SEG_C_UPPER;
}

size_t hnp_seg_heading_end(const uint8_t *t, const hnp_span *first, size_t end)
{
    hnp_span tk = *first, nx;
    for (size_t words = 0; heading_word(t, &tk);) {
        bool starter = hnp_seg_is_starter(t + tk.start, tk.end - tk.start);
        if (starter && words >= 2 && hnp_seg_token(t, tk.end, end, &nx) &&
            hnp_seg_token_case(t, &nx) == SEG_C_LOWER) {
            return tk.start;
        }
        if (starter) {
            return 0; /* "In China", "The New York Times": not a heading before a sentence */
        }
        if (++words == 7 || !hnp_seg_token(t, tk.end, end, &tk)) {
            return 0;
        }
    }
    return 0;
}

size_t hnp_seg_field_value_end(const uint8_t *t, size_t pos, size_t end)
{
    hnp_span tk;
    bool prev_connector = false;
    for (int i = 0; i < 8 && hnp_seg_token(t, pos, end, &tk); i++, pos = tk.end) {
        seg_case c = hnp_seg_token_case(t, &tk);
        hnp_span core = hnp_seg_token_core(t, &tk);
        bool conn = hnp_seg_is_connector(t + core.start, core.end - core.start);
        if (ends_sentence(t, &tk)) {
            return 0; /* the ordinary rules decide */
        }
        if (i > 0 && hnp_seg_match_label_tok(t, &tk, end, true)) {
            return tk.start; /* the next field: "Source: X Summary:" */
        }
        if (c == SEG_C_UPPER && i > 0 && !prev_connector && starts_sentence(t, &tk, end)) {
            return tk.start;
        }
        if (c != SEG_C_UPPER && !(conn && i > 0)) {
            return 0; /* not a name: "By 2020, ..." or "By contrast" */
        }
        prev_connector = conn;
    }
    return 0;
}

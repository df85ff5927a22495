/* token.c -- one tokenisation of the text for every stage (see token.h).
 *
 * ASCII is classified inline, a byte at a time, with the hash and the flags made in the same
 * loop; anything else is decoded and classified through utf8proc's category table, so the
 * classes follow the Unicode version utf8proc ships (as the segmenter's do). */
#include "hnp/token.h"

#include "base/ascii.h"
#include "base/fnv.h"
#include "base/vec.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define WINDOW_MAX ((size_t)UINT32_MAX)

/* What one character is. */
typedef enum ch_class {
    CH_SPACE,
    CH_NEWLINE, /* white space that breaks a line */
    CH_UPPER,   /* upper or title case letter */
    CH_LOWER,
    CH_LETTER, /* a letter without case, or a mark or a non-decimal number: word characters */
    CH_DIGIT,
    CH_SOFT,
    CH_TERM,
    CH_PUNCT
} ch_class;

/* The class of an ASCII byte, from the library's ASCII table. */
static ch_class ascii_class(uint8_t c)
{
    unsigned p = hnp_ascii_props[c];
    if (p & HNP_ASCII_SPACE) {
        return p & HNP_ASCII_NEWLINE ? CH_NEWLINE : CH_SPACE;
    }
    if (p & HNP_ASCII_WORD) {
        return p & HNP_ASCII_UPPER ? CH_UPPER : p & HNP_ASCII_LOWER ? CH_LOWER : CH_DIGIT;
    }
    return p & HNP_ASCII_JOIN ? CH_SOFT : p & HNP_ASCII_TERM ? CH_TERM : CH_PUNCT;
}

static bool is_space_cp(int32_t cp)
{
    switch (cp) {
    case 0xA0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200B;
    }
}

static bool is_soft_cp(int32_t cp)
{
    return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC ||
           cp == 0x2212;
}

static bool is_term_cp(int32_t cp)
{
    switch (cp) {
    case 0x2026: /* … */
    case 0x203C: /* ‼ */
    case 0x2047: /* ⁇ */
    case 0x2048: /* ⁈ */
    case 0x2049: /* ⁉ */
    case 0x3002: /* 。 and the other CJK and script full stops the segmenter knows */
    case 0xFF01:
    case 0xFF1F:
    case 0xFF61:
    case 0xFE12:
    case 0x0964:
    case 0x0965:
    case 0x061F:
    case 0x06D4:
    case 0x0589:
    case 0x1362:
        return true;
    default:
        return false;
    }
}

static ch_class cp_class(int32_t cp)
{
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        return CH_NEWLINE;
    }
    if (is_space_cp(cp)) {
        return CH_SPACE;
    }
    if (is_soft_cp(cp)) {
        return CH_SOFT;
    }
    if (is_term_cp(cp)) {
        return CH_TERM;
    }
    utf8proc_category_t k = utf8proc_category(cp);
    if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT) {
        return CH_UPPER;
    }
    if (k == UTF8PROC_CATEGORY_LL) {
        return CH_LOWER;
    }
    if (k == UTF8PROC_CATEGORY_ND) {
        return CH_DIGIT;
    }
    /* letters without case, marks and other numbers continue a word */
    bool wordish = k == UTF8PROC_CATEGORY_LM || k == UTF8PROC_CATEGORY_LO ||
                   k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC ||
                   k == UTF8PROC_CATEGORY_ME || k == UTF8PROC_CATEGORY_NL ||
                   k == UTF8PROC_CATEGORY_NO;
    return wordish ? CH_LETTER : CH_PUNCT;
}

/* The class of the character at p (< end) and its length; an invalid byte is PUNCT. */
static ch_class class_at(const uint8_t *t, size_t p, size_t end, size_t *n)
{
    if (t[p] < 0x80) {
        *n = 1;
        return ascii_class(t[p]);
    }
    utf8proc_int32_t cp = -1;
    size_t avail = end - p < 4 ? end - p : 4;
    utf8proc_ssize_t k = utf8proc_iterate(t + p, (utf8proc_ssize_t)avail, &cp);
    if (k <= 0 || cp < 0) {
        *n = 1;
        return CH_PUNCT;
    }
    *n = (size_t)k;
    return cp_class(cp);
}

static bool is_word_class(ch_class c)
{
    return c == CH_UPPER || c == CH_LOWER || c == CH_LETTER || c == CH_DIGIT;
}

/* Flags a word character adds to its token. */
static unsigned char_flags(ch_class c)
{
    switch (c) {
    case CH_UPPER:
        return HNP_TOK_HAS_UPPER | HNP_TOK_HAS_LETTER;
    case CH_LOWER:
        return HNP_TOK_HAS_LOWER | HNP_TOK_HAS_LETTER;
    case CH_LETTER:
        return HNP_TOK_HAS_LETTER;
    case CH_DIGIT:
        return HNP_TOK_HAS_DIGIT;
    case CH_SPACE:
    case CH_NEWLINE:
    case CH_SOFT:
    case CH_TERM:
    case CH_PUNCT:
        break;
    }
    return 0;
}

/* The flags that the white space (or its absence) before a window's first token gives. */
static unsigned flags_before(const uint8_t *t, size_t pos)
{
    if (pos == 0) {
        return HNP_TOK_SPACE_BEFORE;
    }
    size_t p = pos - 1, n;
    while (p > 0 && pos - p < 4 && (t[p] & 0xC0) == 0x80) {
        p--;
    }
    ch_class c = class_at(t, p, pos, &n);
    if (p + n != pos) {
        return 0; /* not the start of a character: inside a token */
    }
    return c == CH_NEWLINE ? HNP_TOK_SPACE_BEFORE | HNP_TOK_NEWLINE_BEFORE
           : c == CH_SPACE ? HNP_TOK_SPACE_BEFORE
                           : 0;
}

/* The hash of the folded key: ASCII letters lower-cased, as the lexicon folds them. */
static uint64_t fnv_byte(uint64_t h, uint8_t c)
{
    if (c >= 'A' && c <= 'Z') {
        c = (uint8_t)(c + ('a' - 'A'));
    }
    return hnp_fnv64_byte(h, c);
}

/* Reads one word from p (its first character has class c, length n): returns its end and
 * adds its flags, hash and code points to *k. */
static size_t read_word(const uint8_t *t, size_t p, size_t end, ch_class c, size_t n, hnp_token *k)
{
    unsigned flags = char_flags(c) | HNP_TOK_WORD | (c == CH_UPPER ? HNP_TOK_UPPER_FIRST : 0) |
                     (c == CH_LOWER ? HNP_TOK_LOWER_FIRST : 0);
    uint64_t h = HNP_FNV64_INIT;
    size_t cps = 0;
    bool ascii = true;
    for (;;) {
        for (size_t i = 0; i < n; i++) {
            h = fnv_byte(h, t[p + i]);
        }
        ascii = ascii && n == 1;
        cps++;
        p += n;
        /* the common case: ASCII letters and digits, classified by the table inline */
        while (p < end && (hnp_ascii_props[t[p]] & HNP_ASCII_WORD)) {
            flags |= char_flags(ascii_class(t[p]));
            h = fnv_byte(h, t[p]);
            cps++;
            p++;
        }
        if (p >= end) {
            break;
        }
        c = class_at(t, p, end, &n);
        if (!is_word_class(c)) {
            break;
        }
        flags |= char_flags(c);
    }
    k->flags = (uint16_t)(k->flags | flags | (ascii ? HNP_TOK_ASCII : 0));
    k->hash = (uint32_t)h;
    k->cps = (uint16_t)(cps > UINT16_MAX ? UINT16_MAX : cps);
    return p;
}

static hnp_status push(hnp_tokens *out, hnp_token **k)
{
    HNP_TRY(hnp_vec_reserve((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v, 256));
    *k = &out->v[out->n++];
    return HNP_OK;
}

hnp_status hnp_tokenize(const uint8_t *text, size_t pos, size_t end, size_t max, hnp_tokens *out,
                        size_t *stop)
{
    if (!out || !stop || max == 0 || pos > end || (!text && end)) {
        return HNP_ERR_INVALID;
    }
    out->n = 0;
    out->base = pos;
    if (end - pos > WINDOW_MAX) {
        end = pos + WINDOW_MAX;
    }
    unsigned before = flags_before(text, pos);
    size_t p = pos, n;
    while (p < end && out->n < max) {
        ch_class c = class_at(text, p, end, &n);
        if (c == CH_SPACE || c == CH_NEWLINE) {
            before |= HNP_TOK_SPACE_BEFORE | (c == CH_NEWLINE ? HNP_TOK_NEWLINE_BEFORE : 0u);
            p += n;
            continue;
        }
        hnp_token *k;
        HNP_TRY(push(out, &k));
        k->start = (uint32_t)(p - pos);
        k->flags = (uint16_t)before;
        before = 0;
        if (is_word_class(c)) {
            p = read_word(text, p, end, c, n, k);
        } else {
            uint64_t h = HNP_FNV64_INIT;
            for (size_t i = 0; i < n; i++) {
                h = fnv_byte(h, text[p + i]);
            }
            k->hash = (uint32_t)h;
            k->cps = 1;
            k->flags = (uint16_t)(k->flags | (c == CH_SOFT ? HNP_TOK_SOFT : HNP_TOK_PUNCT) |
                                  (c == CH_TERM ? HNP_TOK_TERM : 0) |
                                  (text[p] < 0x80 ? HNP_TOK_ASCII : 0));
            p += n;
        }
        k->len = (uint32_t)(p - pos) - k->start;
    }
    *stop = out->n < max ? end : p;
    return HNP_OK;
}

void hnp_tokens_free(hnp_tokens *t)
{
    if (!t) {
        return;
    }
    free(t->v);
    memset(t, 0, sizeof *t);
}

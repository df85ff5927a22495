/* segment_chars.c -- character classes and tokens for the segment stage.
 *
 * ASCII is decided inline (most of the text); everything else goes through utf8proc's
 * category table, so the classes follow the Unicode version utf8proc ships. */
#include "base/ascii.h"
#include "segment_internal.h"

#include <string.h>
#include <utf8proc.h>

size_t hnp_seg_decode(const uint8_t *t, size_t pos, size_t end, int32_t *cp)
{
    if (t[pos] < 0x80) {
        *cp = t[pos];
        return 1;
    }
    utf8proc_int32_t c = -1;
    size_t avail = end - pos;
    if (avail > 4) {
        avail = 4;
    }
    utf8proc_ssize_t n = utf8proc_iterate(t + pos, (utf8proc_ssize_t)avail, &c);
    if (n <= 0 || c < 0) {
        /* The stage gets valid UTF-8; if not, step one byte so offsets stay sane. */
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)n;
}

size_t hnp_seg_prev(const uint8_t *t, size_t lo, size_t pos)
{
    size_t p = pos - 1;
    /* At most three continuation bytes belong to one character. */
    while (p > lo && pos - p < 4 && (t[p] & 0xC0) == 0x80) {
        p--;
    }
    return p;
}

bool hnp_seg_is_space(int32_t cp)
{
    if (cp < 0x80) {
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    }
    switch (cp) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x200B: /* zero-width space: invisible, acts as a separator in scraped text */
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

seg_case hnp_seg_case_of(int32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z') {
            return SEG_C_LOWER;
        }
        if (cp >= 'A' && cp <= 'Z') {
            return SEG_C_UPPER;
        }
        return cp >= '0' && cp <= '9' ? SEG_C_DIGIT : SEG_C_OTHER;
    }
    utf8proc_category_t k = utf8proc_category(cp);
    if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT) {
        return SEG_C_UPPER;
    }
    if (k == UTF8PROC_CATEGORY_LL) {
        return SEG_C_LOWER;
    }
    if (k == UTF8PROC_CATEGORY_LM || k == UTF8PROC_CATEGORY_LO) {
        return SEG_C_CASELESS;
    }
    return k == UTF8PROC_CATEGORY_ND ? SEG_C_DIGIT : SEG_C_OTHER;
}

bool hnp_seg_is_cjk_term(int32_t cp)
{
    /* 。 ！ ？ ｡ ︒ and the Devanagari danda, Arabic/Armenian/Ethiopic full stops. */
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61 || cp == 0xFE12 ||
           cp == 0x0964 || cp == 0x0965 || cp == 0x061F || cp == 0x06D4 || cp == 0x0589 ||
           cp == 0x1362;
}

bool hnp_seg_is_term(int32_t cp)
{
    switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x2026: /* … */
    case 0x203C: /* ‼ */
    case 0x2047: /* ⁇ */
    case 0x2048: /* ⁈ */
    case 0x2049: /* ⁉ */
        return true;
    default:
        return cp >= 0x80 && hnp_seg_is_cjk_term(cp);
    }
}

bool hnp_seg_is_closer(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x00BB: /* » */
    case 0x203A: /* › */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0x3011: /* 】 */
    case 0xFF09: /* ） */
    case 0xFF02: /* ＂ */
        return true;
    default:
        return false;
    }
}

/* Opening quotes and brackets that may precede a sentence's first letter. */
static bool hnp_seg_is_opener(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case '*':
    case 0x2018: /* ‘ */
    case 0x201C: /* “ */
    case 0x00AB: /* « */
    case 0x2039: /* ‹ */
    case 0x00BF: /* ¿ */
    case 0x00A1: /* ¡ */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0x3010: /* 【 */
    case 0xFF08: /* （ */
        return true;
    default:
        return false;
    }
}

bool hnp_seg_is_bullet(int32_t cp)
{
    switch (cp) {
    case 0x2022: /* • */
    case 0x2043: /* ⁃ */
    case 0x2023: /* ‣ */
    case 0x25E6: /* ◦ */
    case 0x25AA: /* ▪ */
    case 0x25CF: /* ● */
    case 0x25A0: /* ■ */
    case 0x25BA: /* ► */
    case 0x27A2: /* ➢ */
    case 0x2713: /* ✓ */
    case 0x2714: /* ✔ */
    case 0x2756: /* ❖ */
        return true;
    default:
        return false;
    }
}

static bool is_latin_letter(int32_t cp)
{
    return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

bool hnp_seg_mostly_nonlatin(const uint8_t *t, size_t start, size_t end)
{
    size_t latin = 0, other = 0, p = start;
    for (uint64_t x; p + 8 <= end; p += 8) {
        memcpy(&x, t + p, sizeof x);
        if (x & 0x8080808080808080u) {
            break;
        }
    }
    while (p < end && t[p] < 0x80) {
        p++; /* pure ASCII, the usual case, is Latin or nothing */
    }
    if (p == end) {
        return false;
    }
    for (p = start; p < end;) {
        if (latin > other + (end - p)) {
            return false; /* the rest cannot change the answer */
        }
        if (t[p] < 0x80) {
            latin += (size_t)((t[p] | 0x20) >= 'a' && (t[p] | 0x20) <= 'z');
            p++;
            continue;
        }
        int32_t cp;
        p += hnp_seg_decode(t, p, end, &cp);
        seg_case c = hnp_seg_case_of(cp);
        if (c == SEG_C_UPPER || c == SEG_C_LOWER || c == SEG_C_CASELESS) {
            if (is_latin_letter(cp)) {
                latin++;
            } else {
                other++;
            }
        }
    }
    return other > latin;
}

/* ASCII bytes other than space and controls: never whitespace, no decoding needed. */
static bool plain_ascii(uint8_t c)
{
    return c > ' ' && c < 0x80;
}

/* The ASCII bytes the rules look at inside a token (. ! ? ( ) [ ] : @). */
enum { SEG_MARKS = HNP_ASCII_TERM | HNP_ASCII_BRACKET | HNP_ASCII_INFIX };
_Static_assert((SEG_MARKS & HNP_ASCII_WORD) == 0, "hnp_seg_token_plain skips letters and digits "
                                                  "without or-ing their properties");

bool hnp_seg_token_plain(const uint8_t *t, size_t pos, size_t end, hnp_span *tok, bool *plain)
{
    /* The fast path: ASCII text, tokenized and classified in one pass (one table load a
     * byte; a byte >= 0x80 has no properties and marks the token as not plain). Anything
     * else goes through the general tokenizer. */
    const uint16_t *props = hnp_ascii_props;
    while (pos < end && (props[t[pos]] & HNP_ASCII_SPACE)) {
        pos++;
    }
    size_t p = pos;
    unsigned seen = 0, bytes = 0; /* the token's properties and bytes, or-ed: masked once */
#ifdef __SSE2__
    /* ASCII letters and digits sixteen at a time: they end no token and are neither marks
     * nor past ASCII, so skipping them leaves seen and bytes as the byte loop leaves them
     * (for the bits tested below); the byte loop goes on from the first other byte. */
    while (end - p >= 16) {
        __m128i letter;
        unsigned digits,
            word = hnp_ascii_word16(_mm_loadu_si128((const __m128i *)(const void *)(t + p)),
                                    &letter, &digits);
        unsigned k = (unsigned)__builtin_ctz(~word); /* ~word has bit 16 set */
        p += k;
        if (k < 16) {
            break;
        }
    }
#endif
    for (; p < end; p++) {
        unsigned c = t[p], q = props[c];
        if (q & HNP_ASCII_SPACE) {
            break;
        }
        seen |= q;
        bytes |= c;
    }
    if (pos < end && (seen & SEG_MARKS) == 0 && (bytes & 0x80u) == 0) {
        tok->start = pos;
        tok->end = p;
        *plain = true;
        return true;
    }
    *plain = false;
    return hnp_seg_token(t, pos, end, tok);
}

bool hnp_seg_token(const uint8_t *t, size_t pos, size_t end, hnp_span *tok)
{
    int32_t cp;
    while (pos < end) {
        if (t[pos] == ' ') {
            pos++;
            continue;
        }
        if (plain_ascii(t[pos])) {
            break;
        }
        size_t n = hnp_seg_decode(t, pos, end, &cp);
        if (!hnp_seg_is_space(cp)) {
            break;
        }
        pos += n;
    }
    if (pos >= end) {
        return false;
    }
    tok->start = pos;
    while (pos < end) {
#ifdef __SSE2__
        /* plain_ascii sixteen bytes at a time: as signed bytes, those above ' ' (bytes
         * past ASCII are negative) */
        if (end - pos >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + pos));
            unsigned plain = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(' ')));
            unsigned k = (unsigned)__builtin_ctz(~plain); /* ~plain has bit 16 set */
            pos += k;
            if (k == 16) {
                continue;
            }
        }
#endif
        if (plain_ascii(t[pos])) {
            pos++;
            continue;
        }
        size_t n = hnp_seg_decode(t, pos, end, &cp);
        if (hnp_seg_is_space(cp)) {
            break;
        }
        pos += n;
    }
    tok->end = pos;
    return true;
}

seg_case hnp_seg_token_case(const uint8_t *t, const hnp_span *tok)
{
    size_t p = tok->start;
    /* Look past openers and symbols ("(He", "£40", "“the"), but only a few characters in. */
    for (int i = 0; i < 4 && p < tok->end; i++) {
        int32_t cp;
        p += hnp_seg_decode(t, p, tok->end, &cp);
        seg_case c = hnp_seg_case_of(cp);
        if (c != SEG_C_OTHER) {
            return c;
        }
    }
    return SEG_C_OTHER;
}

static bool is_trailing_punct(int32_t cp)
{
    return cp == ',' || cp == ';' || cp == ':' || cp == '.' || hnp_seg_is_closer(cp);
}

hnp_span hnp_seg_token_core(const uint8_t *t, const hnp_span *tok)
{
    hnp_span c = *tok;
    int32_t cp;
    while (c.start < c.end) {
        size_t n = hnp_seg_decode(t, c.start, c.end, &cp);
        if (!hnp_seg_is_opener(cp)) {
            break;
        }
        c.start += n;
    }
    while (c.end > c.start) {
        size_t p = hnp_seg_prev(t, c.start, c.end);
        hnp_seg_decode(t, p, c.end, &cp);
        if (!is_trailing_punct(cp)) {
            break;
        }
        c.end = p;
    }
    return c;
}

/* normalize_badness.c -- how much a piece of text looks like mojibake.
 *
 * The rules are ftfy's badness.py (ftfy 6, Robyn Speer, Apache-2.0): each one is a short
 * sequence of characters from classes that almost never stand together in real text but
 * do in UTF-8 read as a single-byte codepage ("Ã©", "â€", a lower-case accented letter
 * followed by an upper-case one). The score is the number of non-overlapping places where
 * some rule matches, as ftfy counts re.findall; a repair is kept only if it lowers it.
 * Written by hand over a class table rather than with ICU regex because the pattern would
 * have to be compiled on every call (the library keeps no state between calls).
 *
 * Reading the code-point rules: a UTF-8 lead byte read as windows-1252 is a capital
 * accented letter (C2-DF -> Â..ß) or â ã ï ð (E2 E3 EF F0); its continuation bytes (80-BF)
 * read as the signs € ‚ ƒ „ … † ‡ ... ¿. Each rule names a lead and the continuations it
 * meets in mojibake; the byte values are given beside the characters. This file calls no
 * other file of the stage. */
#include "normalize_class_tables.h"
#include "normalize_internal.h"

#include <utf8proc.h>

/* Classes that some rule can start with (or has in second or third place): all but the
 * codepage continuation classes, which only ever follow. */
#define K_STARTS (~(K_W1252_CONT | K_MAC_CONT | K_CP437_CONT))

enum {
    /* Unions used by several rules. */
    K_ACC = K_LOWER_ACCENTED | K_UPPER_ACCENTED,
    K_PUNCT = K_START_PUNCTUATION | K_END_PUNCTUATION,
    K_SYMBOLISH = K_ACC | K_BOX | K_PUNCT | K_CURRENCY | K_NUMERIC | K_LAW
};

static uint32_t cls(uint32_t c)
{
    size_t lo = 0, hi = sizeof cls_table / sizeof cls_table[0];
    if (c < 0x80 || (c > CLS_DENSE_MAX && !CLS_OUTLIER(c))) {
        return 0;
    }
    if (c < CLS_DIRECT_END) {
        return cls_direct[c - 0x80];
    }
    if (c >= CLS_PUNCT_START && c <= CLS_DENSE_MAX) {
        return cls_punct[c - CLS_PUNCT_START];
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cls_table[mid].cp < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return (lo < sizeof cls_table / sizeof cls_table[0] && cls_table[lo].cp == c)
               ? cls_table[lo].mask
               : 0;
}

static int is_in(uint32_t c, const uint32_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (set[i] == c) {
            return 1;
        }
    }
    return 0;
}

#define IN(c, ...)                                                                                 \
    is_in((c), (const uint32_t[]){__VA_ARGS__},                                                    \
          sizeof((const uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t))

static int az(uint32_t c)
{
    return c >= 'a' && c <= 'z';
}

static int az_any(uint32_t c)
{
    return az(c) || (c >= 'A' && c <= 'Z');
}

static int is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x2028 || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200A);
}

static int is_word(uint32_t c)
{
    if (c < 0x80) {
        return az_any(c) || (c >= '0' && c <= '9') || c == '_';
    }
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ND) || k == UTF8PROC_CATEGORY_NL ||
           k == UTF8PROC_CATEGORY_NO || k == UTF8PROC_CATEGORY_PC;
}

/* Rules of two or three characters made only of classes. Returns the match length or 0. */
static size_t match_classes(const uint32_t *k, size_t avail)
{
    if (k[0] & K_C1) {
        return 1;
    }
    if (avail < 2) {
        return 0;
    }
    uint32_t a = k[0], b = k[1], c = avail > 2 ? k[2] : 0;
    if (((a & (K_BAD | K_SYMBOLISH)) && (b & K_BAD)) || ((a & K_BAD) && (b & K_SYMBOLISH)) ||
        ((a & (K_LOWER_ACCENTED | K_LOWER_COMMON | K_BOX | K_END_PUNCTUATION | K_CURRENCY |
               K_NUMERIC)) &&
         (b & K_UPPER_ACCENTED)) ||
        ((a & (K_BOX | K_END_PUNCTUATION | K_CURRENCY | K_NUMERIC)) && (b & K_LOWER_ACCENTED)) ||
        ((a & (K_LOWER_ACCENTED | K_BOX | K_END_PUNCTUATION)) && (b & K_CURRENCY)) ||
        ((a & (K_UPPER_ACCENTED | K_BOX)) && (b & (K_NUMERIC | K_LAW)))) {
        return 2;
    }
    if (((a & (K_ACC | K_BOX | K_CURRENCY | K_END_PUNCTUATION)) && (b & K_START_PUNCTUATION) &&
         (c & K_NUMERIC)) ||
        ((a & (K_ACC | K_CURRENCY | K_NUMERIC | K_BOX | K_LAW)) && (b & K_END_PUNCTUATION) &&
         (c & K_START_PUNCTUATION))) {
        return 3;
    }
    if (((a & (K_CURRENCY | K_NUMERIC | K_BOX)) && (b & K_START_PUNCTUATION)) ||
        ((a & K_BOX) && (b & (K_KAOMOJI | K_END_PUNCTUATION))) ||
        ((a & (K_ACC | K_CURRENCY | K_NUMERIC | K_PUNCT | K_LAW)) && (b & K_BOX))) {
        return 2;
    }
    return 0;
}

/* Rules that need the characters themselves or ASCII context. */
static size_t match_mixed(const uint32_t *s, const uint32_t *k, size_t avail, int at_start)
{
    uint32_t a = s[0], b = avail > 1 ? s[1] : 0, c = avail > 2 ? s[2] : 0;
    uint32_t kb = avail > 1 ? k[1] : 0, kc = avail > 2 ? k[2] : 0;
    if (avail >= 3 && az_any(a) && (kb & (K_LOWER_COMMON | K_UPPER_COMMON)) && (kc & K_BAD)) {
        return 3;
    }
    if (avail >= 3 && is_space(a) && (kb & K_UPPER_ACCENTED) && (kc & K_CURRENCY)) {
        return 3;
    }
    if (avail >= 3 && az(a) && (kb & K_UPPER_ACCENTED) &&
        (kc & (K_START_PUNCTUATION | K_CURRENCY))) {
        return 3;
    }
    if (avail >= 3 && (k[0] & K_ACC) && (kb & K_PUNCT) && is_word(c)) {
        return 3;
    }
    /* Œ œ (windows-1252 8C 9C, continuation bytes) not followed by a letter: in French they
     * start words ("œuvre"); as mojibake they end a sequence */
    if (avail >= 2 && (a == 0x152 || a == 0x153) && !az_any(b)) {
        return 2;
    }
    /* a capital accented letter then ° (B0): a 2-byte lead and its continuation */
    if (avail >= 2 && (k[0] & K_UPPER_ACCENTED) && b == 0xB0) {
        return 2;
    }
    /* Â Ã Î Ð (the UTF-8 leads of Latin-1, Greek and Cyrillic) before what windows-1252 reads
     * their continuation bytes as: € Š š ¢ £ Ÿ ž NBSP SHY ® © ° · » – — ´ Œ œ Ž, or punctuation */
    if (avail >= 2 && (a == 0xC2 || a == 0xC3 || a == 0xCE || a == 0xD0) &&
        (IN(b, 0x20AC, 0x160, 0x161, 0xA2, 0xA3, 0x178, 0x17E, 0xA0, 0xAD, 0xAE, 0xA9, 0xB0, 0xB7,
            0xBB, 0x2013, 0x2014, 0xB4, 0x152, 0x153, 0x17D) ||
         (kb & K_PUNCT))) {
        return 2;
    }
    /* × (D7, the lead of Hebrew) before ² ³: "×²" is ײ */
    if (avail >= 2 && a == 0xD7 && IN(b, 0xB2, 0xB3)) {
        return 2;
    }
    /* Windows-1252 reading of a 3- or 4-byte sequence: a lead letter and then only
     * continuation signs ("â„¢" for ™, "ã€‚" for 。, "ðŸ˜€" for an emoji). Of the 3-byte leads
     * only â ã ï, and not before the punctuation that ends words ("Brontë…”", "não…"). */
    if (avail >= 3 && (a == 0xE2 || a == 0xE3 || a == 0xEF) && (kb & K_W1252_CONT) &&
        (kc & K_W1252_CONT) && !IN(b, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014)) {
        return 3;
    }
    if (avail >= 4 && (k[0] & K_W1252_LEAD4) && (kb & K_W1252_CONT) && (kc & K_W1252_CONT) &&
        (k[3] & K_W1252_CONT)) {
        return 4;
    }
    /* Â and Ã before a continuation sign ("Ã¥" for å); not before ’ ‘ …, which follow a
     * capital Ã in Portuguese ("JOÃ…", "Ã’s"). */
    if (avail >= 2 && (a == 0xC2 || a == 0xC3) && (kb & K_W1252_CONT) && /* ’ ‘ … excluded */
        !IN(b, 0x2019, 0x2018, 0x2026)) {
        return 2;
    }
    /* a line that starts with "Ã " or "Â ": a lead whose 0xA0 became a space */
    if (at_start && avail >= 2 && (a == 0xC3 || a == 0xC2) && b == ' ') {
        return 2;
    }
    (void)c;
    return 0;
}

/* What the second byte of an Arabic letter (D8 xx, D9 xx) reads as in windows-1252: a
 * common sign, currency, a C1-range sign, a digit sign, an opening bracket, or one of
 * Ÿ Š ® ° µ » (9F 8A AE B0 B5 BB). */
static int arabic_tail(uint32_t c, uint32_t k)
{
    return (k & (K_COMMON | K_CURRENCY | K_BAD | K_NUMERIC | K_START_PUNCTUATION)) ||
           (c == 0x178 || c == 0x160 || c == 0xAE || c == 0xB0 || c == 0xB5 || c == 0xBB);
}

/* Rules for specific codepages (Windows-1252 Arabic, MacRoman, Windows-1251/1253/1257). */
static size_t match_codepages(const uint32_t *s, const uint32_t *k, size_t avail, uint32_t prev)
{
    if (s[0] < 0xC3) {
        return 0; /* every rule below starts at U+00C3 or above */
    }
    uint32_t a = s[0], b = avail > 1 ? s[1] : 0, c = avail > 2 ? s[2] : 0;
    /* Ø or Ù (D8 D9, the leads of Arabic), a tail, and again: "Ø§Ù„" is "ال" */
    if (avail >= 4 && (a == 0xD8 || a == 0xD9) && arabic_tail(b, k[1]) &&
        (c == 0xD8 || c == 0xD9) && arabic_tail(s[3], k[3])) {
        return 4;
    }
    /* à (E0, the lead of Indic scripts) before ² µ ¹ ¼ ½ ¾: "à¤" rows of Devanagari and
     * its neighbours (B2-BE are their second bytes) */
    if (a == 0xE0 && IN(b, 0xB2, 0xB5, 0xB9, 0xBC, 0xBD, 0xBE)) {
        return 2;
    }
    /* MacRoman "√" is byte C3, a UTF-8 lead: what follows it there is a continuation byte.
     * The math signs among those (π ∞ ∑ ∏ ∫ Ω) are left out: "= √π" is math; but a root
     * sign glued to the end of a word is not ("pi√π" is "più"). */
    if (a == 0x221A && (k[1] & K_MAC_CONT) &&
        (az_any(prev) || !IN(b, 0x3C0, 0x221E, 0x2211, 0x220F, 0x222B, 0x3A9))) {
        return 2;
    }
    /* MacRoman "‚" is E2, the lead of General Punctuation ("‚Ñ¢" is ™, "‚Ä¶" is …). */
    if (avail >= 3 && a == 0x201A && (k[1] & K_MAC_CONT) && (k[2] & K_MAC_CONT)) {
        return 3;
    }
    /* MacRoman Cyrillic: "–í–ª" (D0 92 D0 BB), each letter a dash and a continuation. */
    if (avail >= 4 && (a == 0x2013 || a == 0x2014) && (k[1] & K_MAC_CONT) &&
        (c == 0x2013 || c == 0x2014) && (k[3] & K_MAC_CONT)) {
        return 4;
    }
    /* cp437: "ΓÇÖ" is E2 80 99 (’), and a box-drawing sign before a continuation is the lead
     * of a 2-byte sequence ("├⌐" for é). */
    if (avail >= 3 && a == 0x393 && (k[1] & K_CP437_CONT) && (k[2] & K_CP437_CONT)) {
        return 3;
    }
    if ((k[0] & K_CP437_LEAD2) && (k[1] & K_CP437_CONT)) {
        return 2;
    }
    /* MacRoman ≈ (C5) before ° or ¢: the lead of "Å" rows ("≈°" is š) */
    if (a == 0x2248 && IN(b, 0xB0, 0xA2)) {
        return 2;
    }
    /* MacRoman "‚Ä" (E2 80) and a third sign: General Punctuation ("‚Äú" is “, "‚Ä¢" •) */
    if (a == 0x201A && b == 0xC4 &&
        (c == 0xEC || c == 0xEE || c == 0xEF || c == 0xF2 || c == 0xF4 || c == 0xFA || c == 0xF9 ||
         c == 0xFB || c == 0x2020 || c == 0xB0 || c == 0xA2 || c == 0x3C0)) {
        return 3;
    }
    /* MacRoman "‚â" "‚Û" (E2 89 / E2 9C...): arrows, math and dingbats */
    if (a == 0x201A && IN(b, 0xE2, 0xF3) && (c == 0xE0 || c == 0xE4 || c == 0xB0 || c == 0xEA)) {
        return 3;
    }
    /* windows-1251 "вЂ" and windows-1252 "â€" (both E2 80): the lead of every ’ “ ” – — */
    if ((a == 0x432 && b == 0x402) || (a == 0xE2 && b == 0x20AC)) {
        return 2;
    }
    /* windows-1251 В Г Р С (C2 C3 D0 D1, UTF-8 leads), a continuation sign, and again:
     * "Р С" Cyrillic read as Cyrillic ("РїСЂ" is "пр") */
    uint32_t mid = K_C1 | K_BAD | K_PUNCT | K_CURRENCY;
    if (avail >= 3 && (a == 0x412 || a == 0x413 || a == 0x420 || a == 0x421) &&
        ((k[1] & mid) || IN(b, 0xB0, 0xB5)) &&
        (c == 0x412 || c == 0x413 || c == 0x420 || c == 0x421)) {
        return 3;
    }
    /* the same in windows-1253: Β Γ Ξ Ο are C2 C3 CE CF */
    if (avail >= 3 && (a == 0x392 || a == 0x393 || a == 0x39E || a == 0x39F) &&
        ((k[1] & mid) || b == 0xB0) && (c == 0x392 || c == 0x393 || c == 0x39E || c == 0x39F)) {
        return 3;
    }
    /* windows-1253 "β€" (E2 80) before ™ NBSP Ά SHY ® °: General Punctuation */
    if (avail >= 3 && a == 0x3B2 && b == 0x20AC &&
        (c == 0x2122 || c == 0xA0 || c == 0x386 || c == 0xAD || c == 0xAE || c == 0xB0)) {
        return 3;
    }
    /* windows-1251 read twice: "ГўВЂВ" before a letter or space is "â€" itself */
    if (avail >= 7 && a == 0x413 && b == 0x45E && c == 0x412 && s[3] == 0x402 && s[4] == 0x412 &&
        (az_any(s[6]) || s[6] == ' ')) {
        return 7;
    }
    /* "Ã" before NBSP or ¡: à and á (C3 A0, C3 A1) */
    if (a == 0xC3 && IN(b, 0xA0, 0xA1)) {
        return 2;
    }
    return 0;
}

/* "[a-z]\s?[ÃÂ] " and "[a-z.,?!end_punct]Â[ common]": a lone Ã or Â after a word. */
static size_t match_a_hat(const uint32_t *s, const uint32_t *k, size_t avail)
{
    /* After a digit or sign, "Â " is the NBSP of "10Â km" or "Source:Â Bio" (a capital Â
     * ends words only in capitals: "MISUTÂ AJIKKO" is left alone). */
    if (avail >= 3 && s[1] == 0xC2 && (s[2] == ' ' || s[2] == 0xA0) &&
        ((s[0] >= '0' && s[0] <= '9') || (s[0] == ':' || s[0] == ';' || s[0] == ')' ||
                                          s[0] == '%' || s[0] == '\'' || s[0] == '"'))) {
        return 3;
    }
    if (!az(s[0]) && !(s[0] == '.' || s[0] == ',' || s[0] == '?' || s[0] == '!') &&
        !(k[0] & K_END_PUNCTUATION)) {
        return 0;
    }
    if (avail >= 3 && s[1] == 0xC2 && (s[2] == ' ' || (k[2] & K_COMMON))) {
        return 3;
    }
    if (!az(s[0])) {
        return 0;
    }
    if (avail >= 3 && IN(s[1], 0xC3, 0xC2) && s[2] == ' ') {
        return 3;
    }
    if (avail >= 4 && is_space(s[1]) && IN(s[2], 0xC3, 0xC2) && s[3] == ' ') {
        return 4;
    }
    return 0;
}

enum { BLOCK = 256, WINDOW = 8 };

size_t hnp_norm_badness(const uint32_t *cp, size_t n)
{
    /* Classes are looked up once per character, a block at a time, with room for the
     * longest rule to look ahead past the block end. */
    uint32_t k[BLOCK + WINDOW];
    size_t count = 0, base = 0, filled = 0;
    for (size_t i = 0; i < n;) {
        if (i >= base + BLOCK || i < base || filled == 0) {
            base = i;
            filled = n - base < BLOCK + WINDOW ? n - base : BLOCK + WINDOW;
            for (size_t j = 0; j < filled; j++) {
                k[j] = cls(cp[base + j]);
            }
        }
        size_t off = i - base;
        size_t avail = filled - off < WINDOW ? filled - off : WINDOW;
        size_t m = 0;
        /* Every rule has a character with a start class among its first three. */
        if ((k[off] & K_STARTS) || (avail > 1 && (k[off + 1] & K_STARTS)) ||
            (avail > 2 && (k[off + 2] & K_STARTS))) {
            const uint32_t *kk = k + off;
            m = match_classes(kk, avail);
            m = m ? m : match_mixed(cp + i, kk, avail, i == 0);
            m = m ? m : match_codepages(cp + i, kk, avail, i > 0 ? cp[i - 1] : 0);
            m = m ? m : match_a_hat(cp + i, kk, avail);
        }
        if (m) {
            count += m;
            i += m;
        } else {
            i++;
        }
    }
    return count;
}

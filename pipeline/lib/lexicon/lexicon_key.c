/* lexicon_key.c -- tokens, folding and hashing shared by hnp-lexc and the tagger.
 *
 * Word characters follow the Unicode general categories (utf8proc): letters, marks and
 * digits. ASCII takes a fast path because nearly all of the text is ASCII. */
#include "lexicon_key.h"
#include "base/ascii.h"
#include "base/vec.h"
#include "hnp/lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { CL_WORD, CL_SPACE, CL_SOFT, CL_PUNCT };

void hnp_lexkey_scratch_free(lexkey_scratch *sc)
{
    free(sc->buf);
    sc->buf = NULL;
    sc->cap = 0;
}

/* ASCII classes, from the library's ASCII table: letters and digits are words; space,
 * tab, CR, LF, FF, VT are space; '-' and '\'' join; everything else is punctuation. */
static int ascii_key_class(uint8_t c)
{
    unsigned p = hnp_ascii_props[c];
    return p & HNP_ASCII_WORD    ? CL_WORD
           : p & HNP_ASCII_SPACE ? CL_SPACE
           : p & HNP_ASCII_JOIN  ? CL_SOFT
                                 : CL_PUNCT;
}

static int cp_class(int32_t cp)
{
    /* Apostrophes that are not dashes: right/left single quote, modifier apostrophe. */
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
        return CL_SOFT;
    }
    /* Indexed by utf8proc_category_t: letters, marks and digits (Cn..No) are word
     * characters; dashes (Pd) and format characters (Cf: soft hyphen, zero-width
     * joiners) join like a hyphen; separators (Zs, Zl, Zp) are space. */
    static const unsigned char by_category[30] = {
        CL_PUNCT, CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,
        CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,  CL_PUNCT, CL_SOFT,  CL_PUNCT, CL_PUNCT,
        CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_SPACE,
        CL_SPACE, CL_SPACE, CL_PUNCT, CL_SOFT,  CL_PUNCT, CL_PUNCT};
    utf8proc_category_t cat = utf8proc_category(cp);
    return (unsigned)cat < sizeof by_category ? by_category[cat] : CL_PUNCT;
}

/* Class of the character at s[i]; *clen its length in bytes (1 for an invalid byte,
 * which is punctuation: it can never be part of a key). */
static inline int char_class(const uint8_t *s, size_t len, size_t i, size_t *clen)
{
    if (s[i] < 0x80) {
        *clen = 1;
        return ascii_key_class(s[i]);
    }
    int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
        *clen = 1;
        return CL_PUNCT;
    }
    *clen = (size_t)n;
    return cp_class(cp);
}

/* The character at s[i] (not ASCII) is of a CJK script: Han, kana, Hangul, and their
 * extensions and compatibility blocks. */
static int is_cjk(const uint8_t *s, size_t len, size_t i)
{
    int32_t cp;
    if (s[i] < 0x80 || utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp) <= 0) {
        return 0;
    }
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) ||
           (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Length of an apostrophe at s[i] (' or U+2019), else 0. */
static size_t apostrophe_at(const uint8_t *s, size_t len, size_t i)
{
    if (i < len && s[i] == '\'') {
        return 1;
    }
    if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99) {
        return 3;
    }
    return 0;
}

/* A possessive 's right after a word ending at `end`: returns the position after it,
 * or `end` when there is none. "Crohn's disease" keys as "crohn disease". */
static size_t skip_possessive(const uint8_t *s, size_t len, size_t end)
{
    size_t a = apostrophe_at(s, len, end);
    if (!a || end + a >= len || (s[end + a] != 's' && s[end + a] != 'S')) {
        return end;
    }
    size_t after = end + a + 1, clen;
    if (after < len && char_class(s, len, after, &clen) == CL_WORD) {
        return end;
    }
    return after;
}

int hnp_lexkey_next(const uint8_t *s, size_t len, size_t *pos, lextok *tok)
{
    size_t i = *pos, clen = 1;
    int cl = CL_SPACE;
    while (i < len && ((cl = char_class(s, len, i, &clen)) == CL_SPACE || cl == CL_SOFT)) {
        i += clen;
    }
    if (i >= len) {
        *pos = len;
        return 0;
    }
    tok->start = i;
    tok->ascii = s[i] < 0x80;
    if (cl == CL_PUNCT) {
        tok->end = i + clen;
        tok->kind = LEXTOK_PUNCT;
        *pos = tok->end;
        return 1;
    }
    int cjk = s[i] >= 0x80 && is_cjk(s, len, i);
    i += clen;
    for (;;) {
        if (!cjk) {
            while (i < len && (hnp_ascii_props[s[i]] & HNP_ASCII_WORD)) {
                i++; /* the common case: ASCII letters and digits */
            }
        }
        if (i >= len || s[i] < 0x80 || char_class(s, len, i, &clen) != CL_WORD) {
            break;
        }
        /* Chinese, Japanese and Korean are written without spaces, so a Latin word
         * directly next to them is still a word of its own: "治疗diabetes". */
        if (is_cjk(s, len, i) != cjk) {
            break;
        }
        tok->ascii = 0;
        i += clen;
    }
    tok->end = i;
    tok->kind = LEXTOK_WORD;
    *pos = skip_possessive(s, len, i);
    return 1;
}

static hnp_status scratch_reserve(lexkey_scratch *sc, size_t n)
{
    if (n <= sc->cap) {
        return HNP_OK;
    }
    return hnp_vec_reserve((void **)&sc->buf, &sc->cap, n, sizeof *sc->buf, 64);
}

/* A Greek letter standing alone is spelled out, as lexicons write it: "β-blocker" ==
 * "beta-blocker", "TNF-α" == "TNF-alpha" (case-folded: U+03B1 alpha .. U+03C9 omega). */
static const char *const greek_names[] = {
    "alpha", "beta",   "gamma",   "delta", "epsilon", "zeta",    "eta",  "theta", "iota",
    "kappa", "lambda", "mu",      "nu",    "xi",      "omicron", "pi",   "rho",   "sigma",
    "sigma", "tau",    "upsilon", "phi",   "chi",     "psi",     "omega"};

/* The utf8proc_map pipeline (decompose + case fold, recompose, re-encode) run in reused
 * scratch instead of a fresh allocation per token. */
static hnp_status fold_unicode(const uint8_t *s, size_t n, lexbuf *out, lexkey_scratch *sc)
{
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    HNP_TRY(scratch_reserve(sc, n + 1));
    utf8proc_ssize_t got;
    for (;;) {
        got = utf8proc_decompose(s, (utf8proc_ssize_t)n, sc->buf, (utf8proc_ssize_t)sc->cap, opts);
        if (got < 0) { /* an invalid byte (its own token): kept as it is */
            return hnp_buf_put(out, s, n);
        }
        if ((size_t)got < sc->cap) {
            break;
        }
        HNP_TRY(scratch_reserve(sc, (size_t)got + 1));
    }
    got = utf8proc_normalize_utf32(sc->buf, got, opts);
    if (got < 0) {
        return HNP_ERR_ENCODING;
    }
    if (got == 1 && sc->buf[0] >= 0x3B1 && sc->buf[0] <= 0x3C9) {
        const char *name = greek_names[sc->buf[0] - 0x3B1];
        return hnp_buf_put(out, name, strlen(name));
    }
    /* Re-encodes in place: UTF-8 never takes more bytes than the UTF-32 it came from. */
    got = utf8proc_reencode(sc->buf, got, opts);
    if (got < 0) {
        return HNP_ERR_ENCODING;
    }
    return hnp_buf_put(out, sc->buf, (size_t)got);
}

/* Appends the case-folded NFC form of one token (s[0..n)) to out. */
static hnp_status fold_append(const uint8_t *s, size_t n, int ascii, lexbuf *out,
                              lexkey_scratch *sc)
{
    if (!ascii) {
        return fold_unicode(s, n, out, sc);
    }
    HNP_TRY(hnp_buf_reserve(out, n));
    uint8_t *d = out->data + out->len;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        d[i] = (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
    }
    out->len += n;
    return HNP_OK;
}

_Static_assert(HNP_ASCII_UPPER << 3 == 32, "fold_hash lowers a letter by or-ing in 32");

hnp_status hnp_lexkey_fold_hash(const uint8_t *s, size_t n, int ascii, lexbuf *out,
                                lexkey_scratch *sc, uint64_t *hash, int *digit)
{
    uint64_t h = LEXKEY_HASH_INIT;
    int d = 0;
    if (!ascii) {
        size_t at = out->len;
        HNP_TRY(fold_unicode(s, n, out, sc));
        h = lexkey_hash(h, out->data + at, out->len - at);
        for (size_t i = 0; i < n && !d; i++) {
            d = s[i] >= '0' && s[i] <= '9';
        }
    } else {
        /* One pass: fold, hash and look for digits (the tagger's per-token work). */
        if (n > out->cap - out->len) { /* the common case needs no call */
            HNP_TRY(hnp_buf_reserve(out, n));
        }
        uint8_t *o = out->data + out->len;
        unsigned any = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned p = hnp_ascii_props[s[i]];
            uint8_t c = (uint8_t)(s[i] | ((p & HNP_ASCII_UPPER) << 3)); /* 'A' | 32 == 'a' */
            any |= p;
            o[i] = c;
            h = hnp_fnv64_byte(h, c);
        }
        d = (any & HNP_ASCII_DIGIT) != 0;
        out->len += n;
    }
    *hash = h;
    *digit = d;
    return HNP_OK;
}

hnp_status hnp_lexkey_make(const uint8_t *s, size_t len, int fold, lexbuf *out, lexkey_scratch *sc,
                           size_t *n_tokens)
{
    size_t pos = 0, n = 0;
    lextok t;
    out->len = 0;
    while (hnp_lexkey_next(s, len, &pos, &t)) {
        if (n++) {
            HNP_TRY(hnp_buf_put(out, " ", 1));
        }
        if (fold) {
            HNP_TRY(fold_append(s + t.start, t.end - t.start, t.ascii, out, sc));
        } else {
            HNP_TRY(hnp_buf_put(out, s + t.start, t.end - t.start));
        }
    }
    *n_tokens = n;
    return HNP_OK;
}

hnp_status hnp_lexicon_key(const uint8_t *text, size_t len, char **out, size_t *out_len)
{
    if (!out || (len && !text)) {
        return HNP_ERR_INVALID;
    }
    *out = NULL;
    lexbuf b = {0};
    lexkey_scratch sc = {0};
    size_t n_tok;
    hnp_status st = hnp_lexkey_make(len ? text : (const uint8_t *)"", len, 1, &b, &sc, &n_tok);
    if (st == HNP_OK) {
        st = hnp_buf_put(&b, "", 1);
    }
    hnp_lexkey_scratch_free(&sc);
    if (st != HNP_OK) {
        hnp_membuf_free(&b);
        return st;
    }
    *out = (char *)b.data;
    if (out_len) {
        *out_len = b.len - 1;
    }
    return HNP_OK;
}

hnp_status hnp_lexkey_next_fold_rest(const uint8_t *s, size_t len, size_t i, size_t *pos,
                                     lextok *tok, lexbuf *out, lexkey_scratch *sc, uint64_t *hash,
                                     int *digit, int *found)
{
    unsigned p = i < len ? hnp_ascii_props[s[i]] : 0;
    if (p & HNP_ASCII_WORD) {
        if (out->cap - out->len < LEXKEY_FOLD_FAST_MAX) {
            HNP_TRY(hnp_buf_reserve(out, LEXKEY_FOLD_FAST_MAX));
        }
        const uint8_t *w = s + i;
        uint8_t *o = out->data + out->len;
        size_t lim = len - i > LEXKEY_FOLD_FAST_MAX ? LEXKEY_FOLD_FAST_MAX : len - i, n = 0;
        uint64_t h = LEXKEY_HASH_INIT;
        unsigned any = 0;
        do {
            uint8_t c = (uint8_t)(w[n] | ((p & HNP_ASCII_UPPER) << 3)); /* 'A' | 32 == 'a' */
            o[n] = c;
            h = hnp_fnv64_byte(h, c);
            any |= p;
            p = ++n < lim ? hnp_ascii_props[w[n]] : 0;
        } while (p & HNP_ASCII_WORD);
        size_t e = i + n; /* a word byte here: the word is longer than the fast path takes */
        if (e == len ||
            (s[e] < 0x80 && s[e] != '\'' && !(hnp_ascii_props[s[e]] & HNP_ASCII_WORD))) {
            *tok = (lextok){i, e, LEXTOK_WORD, 1};
            *pos = e;
            out->len += n;
            *hash = h;
            *digit = (any & HNP_ASCII_DIGIT) != 0;
            *found = 1;
            return HNP_OK;
        }
    }
    if (i < len && s[i] < 0x80 && !(hnp_ascii_props[s[i]] & HNP_ASCII_WORD)) {
        HNP_TRY(hnp_buf_putc(out, (char)s[i]));
        lexkey_punct_token(s, i, pos, tok, hash, digit, found);
        return HNP_OK;
    }
    *pos = i;
    *found = hnp_lexkey_next(s, len, pos, tok);
    if (!*found) {
        return HNP_OK;
    }
    return hnp_lexkey_fold_hash(s + tok->start, tok->end - tok->start, tok->ascii, out, sc, hash,
                                digit);
}

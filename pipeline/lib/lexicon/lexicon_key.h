/* lexicon_key.h -- the ONE definition of how text becomes lexicon keys.
 *
 * hnp-lexc (build time) and the tagger (run time) both cut text into tokens and fold
 * them with these functions, so a term and its occurrence in a document can only ever
 * produce the same key. A key is the case-folded NFC form of the term's tokens joined by
 * one space: hyphens, dashes, apostrophes and runs of white space between words all
 * become that one space ("relapsing-remitting" == "relapsing remitting"), other
 * punctuation is a token of its own, and a possessive 's is dropped ("Crohn's" ==
 * "Crohn"). Internal to libhnp. */
#ifndef HNP_LEXICON_KEY_H
#define HNP_LEXICON_KEY_H

#include "base/ascii.h"
#include "base/buf_internal.h"
#include "base/fnv.h"
#include "hnp/common.h"

#include <stddef.h>
#include <stdint.h>

/* The library's growable byte buffer (buf_internal.h). */
typedef hnp_membuf lexbuf;

/* Token kinds. A word is a maximal run of letters, marks and digits; any other
 * character that is not white space, a hyphen/dash or an apostrophe is a one-character
 * punctuation token. */
enum { LEXTOK_WORD = 1, LEXTOK_PUNCT = 2 };

typedef struct lextok {
    size_t start; /* bytes into the text */
    size_t end;
    int kind;
    int ascii; /* every byte < 0x80: folding is a plain tolower */
} lextok;

/* Finds the next token at or after *pos in s[0..len) and advances *pos past it (and past
 * a possessive 's that follows a word). Returns 0 when there is none. */
int hnp_lexkey_next(const uint8_t *s, size_t len, size_t *pos, lextok *tok);

/* hnp_lexkey_next with its common case inline, for the tagger's per-token loop: white space
 * and joiners, then an ASCII word that an ASCII byte other than an apostrophe (or the end)
 * ends. Anything else goes to hnp_lexkey_next; the tokens are the same either way
 * (check_lexicon compares them). */
static inline int hnp_lexkey_next_fast(const uint8_t *s, size_t len, size_t *pos, lextok *tok)
{
    size_t i = *pos;
    while (i < len && (hnp_ascii_props[s[i]] & (HNP_ASCII_SPACE | HNP_ASCII_JOIN))) {
        i++;
    }
    if (i < len && (hnp_ascii_props[s[i]] & HNP_ASCII_WORD)) {
        size_t e = i + 1;
        while (e < len && (hnp_ascii_props[s[e]] & HNP_ASCII_WORD)) {
            e++;
        }
        if (e == len || (s[e] < 0x80 && s[e] != '\'')) {
            tok->start = i;
            tok->end = e;
            tok->kind = LEXTOK_WORD;
            tok->ascii = 1;
            *pos = e;
            return 1;
        }
    }
    *pos = i;
    return hnp_lexkey_next(s, len, pos, tok);
}

/* Scratch for folding non-ASCII tokens (utf8proc works on UTF-32). Reused, never shrunk. */
typedef struct lexkey_scratch {
    int32_t *buf;
    size_t cap; /* in code points */
} lexkey_scratch;

void hnp_lexkey_scratch_free(lexkey_scratch *sc);

/* Appends the case-folded NFC form of one token (s[0..n)) to out, as hnp_lexkey_make
 * folds it, and in the same pass *hash = the folded form's lexkey_hash from
 * LEXKEY_HASH_INIT and *digit = whether the token has an ASCII digit. */
hnp_status hnp_lexkey_fold_hash(const uint8_t *s, size_t n, int ascii, lexbuf *out,
                                lexkey_scratch *sc, uint64_t *hash, int *digit);

/* Makes the key of a whole term into out (cleared first): tokens folded (fold != 0) or
 * kept as they are (fold == 0: the case-sensitive surface form), joined by one space.
 * *n_tokens receives the number of tokens; a term without tokens gives an empty key. */
hnp_status hnp_lexkey_make(const uint8_t *s, size_t len, int fold, lexbuf *out, lexkey_scratch *sc,
                           size_t *n_tokens);

/* Keys are hashed with the library's FNV-1a (base/fnv.h), extended token by token by
 * the tagger. */
#define LEXKEY_HASH_INIT HNP_FNV64_INIT

static inline uint64_t lexkey_hash(uint64_t h, const uint8_t *s, size_t n)
{
    return hnp_fnv64(h, s, n);
}

/* Longest word hnp_lexkey_next_fold folds in its one loop; longer ones take the full path. */
#define LEXKEY_FOLD_FAST_MAX 64

_Static_assert(HNP_ASCII_UPPER << 3 == 32, "next_fold lowers a letter by or-ing in 32");

#ifdef __SSE2__
_Static_assert(LEXKEY_FOLD_FAST_MAX >= 16, "lexkey_word16 stores sixteen bytes into the room "
                                           "hnp_lexkey_next_fold reserves");

/* The fast path's word in sixteen bytes at once: w[0..16) holds a word byte at w[0] and
 * lies inside the text. Writes the sixteen bytes folded to o (room for them is reserved)
 * and *n = the word's length (16: the word goes on). Returns 1 when the word ends before
 * byte 16 at an ASCII byte other than an apostrophe, with *hash and *digit as the byte loop
 * gives them; else 0, and the caller takes the byte loop (which then fails the same way
 * when an apostrophe or a byte past ASCII ends the word: rare). */
static inline int lexkey_word16(const uint8_t *w, uint8_t *o, size_t *n, uint64_t *hash, int *digit)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)w), letter;
    unsigned dig, word = hnp_ascii_word16(v, &letter, &dig);
    size_t k = (size_t)__builtin_ctz(~word); /* ~word has bit 16 set */
    *n = k;
    if (k == 16 || w[k] >= 0x80 || w[k] == '\'') {
        return 0;
    }
    /* 'A' | 32 == 'a'; digits and small letters stay */
    __m128i folded = _mm_or_si128(v, _mm_and_si128(letter, _mm_set1_epi8(0x20)));
    _mm_storeu_si128((__m128i *)(void *)o, folded);
    *hash = hnp_fnv64_short(LEXKEY_HASH_INIT, o, k);
    *digit = (dig & ((1u << k) - 1)) != 0;
    return 1;
}
#endif

/* The token of ASCII punctuation at s[i] (white space and joiners are skipped before it):
 * one byte that folds to itself, already appended to the fold buffer by the caller. */
static inline void lexkey_punct_token(const uint8_t *s, size_t i, size_t *pos, lextok *tok,
                                      uint64_t *hash, int *digit, int *found)
{
    *tok = (lextok){i, i + 1, LEXTOK_PUNCT, 1};
    *pos = i + 1;
    *hash = hnp_fnv64_byte(LEXKEY_HASH_INIT, s[i]);
    *digit = 0;
    *found = 1;
}

/* hnp_lexkey_next_fold from the first byte past white space and joiners, i (<= len): the
 * byte loop below its sixteen-byte path, punctuation (without SSE2, or when out is full) and
 * the full way. Out of line so the common case stays small in the tagger's loop. */
hnp_status hnp_lexkey_next_fold_rest(const uint8_t *s, size_t len, size_t i, size_t *pos,
                                     lextok *tok, lexbuf *out, lexkey_scratch *sc, uint64_t *hash,
                                     int *digit, int *found);

/* hnp_lexkey_next then hnp_lexkey_fold_hash of its token, for the tagger's per-token loop:
 * *found = 0 when there is no token; else tok, its folded form appended to out, *hash and
 * *digit. The common case (an ASCII word of at most LEXKEY_FOLD_FAST_MAX bytes that an
 * ASCII byte other than an apostrophe, or the end, ends) is found, folded and hashed in one
 * loop over its bytes (sixteen at once with SSE2, inline, as is ASCII punctuation); anything
 * else goes the full way. The result is the same either way (check_lexicon compares them). */
static inline hnp_status hnp_lexkey_next_fold(const uint8_t *s, size_t len, size_t *pos,
                                              lextok *tok, lexbuf *out, lexkey_scratch *sc,
                                              uint64_t *hash, int *digit, int *found)
{
    size_t i = *pos;
    while (i < len && (hnp_ascii_props[s[i]] & (HNP_ASCII_SPACE | HNP_ASCII_JOIN))) {
        i++;
    }
#ifdef __SSE2__
    size_t n16;
    if (len - i >= 16 && (hnp_ascii_props[s[i]] & HNP_ASCII_WORD) &&
        out->cap - out->len >= LEXKEY_FOLD_FAST_MAX &&
        lexkey_word16(s + i, out->data + out->len, &n16, hash, digit)) {
        *tok = (lextok){i, i + n16, LEXTOK_WORD, 1};
        *pos = i + n16;
        out->len += n16;
        *found = 1;
        return HNP_OK;
    }
    if (i < len && s[i] < 0x80 && !(hnp_ascii_props[s[i]] & HNP_ASCII_WORD) &&
        out->len < out->cap) {
        out->data[out->len++] = s[i];
        lexkey_punct_token(s, i, pos, tok, hash, digit, found);
        return HNP_OK;
    }
#endif
    return hnp_lexkey_next_fold_rest(s, len, i, pos, tok, out, sc, hash, digit, found);
}

#endif /* HNP_LEXICON_KEY_H */

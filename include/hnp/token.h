/* token.h -- one tokenisation of the text, made once and read by every stage that looks at
 * words (issue 8: segment, classify and tag each rescan the same bytes today).
 *
 * A window of normalized text (a paragraph, or a piece of a long one) is cut into an array
 * of 16-byte records: where the token is, what kind of characters it holds, what separates
 * it from the token before, and a hash of its folded form. A stage then walks the array
 * instead of decoding UTF-8 and classifying characters again.
 *
 * Tokens, in text order:
 *   WORD   a maximal run of letters, marks and digits (Unicode L*, M*, N*);
 *   SOFT   one hyphen, dash or apostrophe (- ' and U+2010-2015, U+2018, U+2019, U+02BC,
 *          U+2212): the joiners of compounds and possessives, kept as tokens of their own so
 *          that the whitespace-separated words of the segmenter are runs of whole tokens;
 *   PUNCT  any other character that is not white space, one per token; an invalid UTF-8
 *          byte is a PUNCT token of one byte.
 * White space is not a token: ASCII space and \t..\r, U+0085, U+00A0, U+1680,
 * U+2000-200B, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF (the segmenter's set, which
 * counts the zero-width space that scraped text uses as a separator).
 *
 * How the stages read it:
 *   - segment: a whitespace-separated word is a run of tokens from one with
 *     HNP_TOK_SPACE_BEFORE up to the next one; its first character's case is in the first
 *     token's flags, a sentence-final mark is a PUNCT token with HNP_TOK_TERM.
 *   - classify: word, letter, digit and capitalised-word counts are sums over the flags;
 *     function words and phrase starts are looked up by hash (ASCII tokens hash their
 *     lower-cased bytes, so a table of lower-case words needs no folding at run time).
 *   - tag: a vocabulary hash maps a token's hash (then its bytes) to a token id or "in no
 *     term"; terms are walked as token-id sequences from tokens that can start one. SOFT
 *     tokens between two WORDs without space are the compound joins ("captopril-induced").
 *     Non-ASCII tokens (no HNP_TOK_ASCII) hash their raw bytes: fold them with the lexicon's
 *     folding (utf8proc case folding) before a lookup.
 *
 * Memory is bounded by the caller: hnp_tokenize takes at most max tokens and says where it
 * stopped, so a long paragraph is read window by window. Offsets are 32-bit and relative
 * to the window's start (hnp_tokens.base); a window never spans more than 4 GiB.
 * The functions keep no state; an hnp_tokens belongs to one thread. */
#ifndef HNP_TOKEN_H
#define HNP_TOKEN_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    HNP_TOK_WORD = 1,
    HNP_TOK_SOFT = 2,
    HNP_TOK_PUNCT = 3,
    HNP_TOK_KIND = 3,                /* mask of the kind bits */
    HNP_TOK_SPACE_BEFORE = 1 << 2,   /* the character before it is white space, or none is */
    HNP_TOK_NEWLINE_BEFORE = 1 << 3, /* the white space right before it holds a line break */
    HNP_TOK_ASCII = 1 << 4,          /* every byte < 0x80 */
    HNP_TOK_UPPER_FIRST = 1 << 5,    /* first character: upper or title case letter */
    HNP_TOK_LOWER_FIRST = 1 << 6,    /* first character: lower-case letter */
    HNP_TOK_HAS_UPPER = 1 << 7,
    HNP_TOK_HAS_LOWER = 1 << 8,
    HNP_TOK_HAS_DIGIT = 1 << 9,   /* a decimal digit (Nd) */
    HNP_TOK_HAS_LETTER = 1 << 10, /* any letter, cased or not (CJK, Arabic, ...) */
    HNP_TOK_TERM = 1 << 11        /* PUNCT: . ! ? and their kin (… ‼ ⁇ ⁈ ⁉, CJK stops) */
};

typedef struct hnp_token {
    uint32_t start; /* bytes from hnp_tokens.base */
    uint32_t len;   /* bytes */
    uint32_t hash;  /* low 32 bits of FNV-1a-64 of the bytes, ASCII letters lower-cased */
    uint16_t flags; /* kind | HNP_TOK_* */
    uint16_t cps;   /* code points, saturated at 65535 */
} hnp_token;

/* A window's tokens. Zero-initialise; the array is reused between calls (never shrunk). */
typedef struct hnp_tokens {
    hnp_token *v;
    size_t n, cap;
    size_t base; /* document offset that token offsets count from */
} hnp_tokens;

/* Cuts text[pos, end) into tokens, at most max (> 0) of them and at most 4 GiB of text,
 * into out (emptied first; out->base = pos). *stop receives where the next call should
 * start: end when all was taken, else the end of the last token taken. The flags of a
 * window's first token look at the text before pos, so windows read one after another
 * give the same tokens and flags as one call over the whole text. Returns HNP_ERR_NOMEM
 * when the array cannot grow, HNP_ERR_INVALID for bad arguments. */
hnp_status hnp_tokenize(const uint8_t *text, size_t pos, size_t end, size_t max, hnp_tokens *out,
                        size_t *stop);

/* Releases the array and zeroes *t. NULL is a no-op. */
void hnp_tokens_free(hnp_tokens *t);

#ifdef __cplusplus
}
#endif
#endif /* HNP_TOKEN_H */

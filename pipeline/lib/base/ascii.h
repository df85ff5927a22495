/* ascii.h -- the one table of ASCII character properties. Each stage derives the classes
 * it needs from these bits (the tokens' classes, the lexicon's key classes, the
 * segmenter's fast path), so the stages cannot disagree about what an ASCII byte is.
 * Bytes >= 0x80 have no properties here: callers decode them. Internal. */
#ifndef HNP_BASE_ASCII_H
#define HNP_BASE_ASCII_H

#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum {
    HNP_ASCII_SPACE = 1 << 0,   /* space, \t, \n, \v, \f, \r */
    HNP_ASCII_NEWLINE = 1 << 1, /* \n \v \f \r: the white space that breaks a line */
    HNP_ASCII_UPPER = 1 << 2,   /* A-Z */
    HNP_ASCII_LOWER = 1 << 3,   /* a-z */
    HNP_ASCII_DIGIT = 1 << 4,   /* 0-9 */
    HNP_ASCII_JOIN = 1 << 5,    /* - and ': join the words on either side */
    HNP_ASCII_TERM = 1 << 6,    /* . ! ?: may end a sentence */
    HNP_ASCII_BRACKET = 1 << 7, /* ( ) [ ] */
    HNP_ASCII_INFIX = 1 << 8,   /* : @: inside times, ratios and addresses */
    HNP_ASCII_WORD = HNP_ASCII_UPPER | HNP_ASCII_LOWER | HNP_ASCII_DIGIT
};

/* Properties of each byte (HNP_ASCII_* bits; 0: other punctuation, a control character,
 * or a byte >= 0x80, so a hot loop can look any byte up without testing its range). */
extern const uint16_t hnp_ascii_props[256];

/* Byte c has one of the HNP_ASCII_* classes in mask (so callers name a class, not a range). */
static inline int hnp_ascii_is(uint8_t c, unsigned mask)
{
    return (hnp_ascii_props[c] & mask) != 0;
}

/* The lanes of v (eight bytes, each a lane of the 64-bit word) whose byte is in (lo, hi),
 * 0 <= lo < hi <= 0x80, as their top bits: a range class eight bytes at a time. On the low
 * seven bits no carry or borrow crosses lanes: 0x7F + hi - b has the top bit when b < hi,
 * b + 0x7F - lo when b > lo; ~v drops the bytes >= 0x80. */
static inline uint64_t hnp_ascii_lanes_between(uint64_t v, unsigned lo, unsigned hi)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t h = v & ~highs;
    return (ones * (0x7F + hi) - h) & ~v & (h + ones * (0x7F - lo)) & highs;
}

#ifdef __SSE2__
/* The ASCII letters and digits (HNP_ASCII_WORD) among the sixteen bytes of v, as a mask
 * (bit k for byte k); *letter gets the letters' lanes as all ones (or-ing 32 under them
 * lowers a letter), *digits the digits' mask. Each class is one signed compare once its
 * range is moved to start at -128; or-ing 32 maps only A-Z onto a-z. */
static inline unsigned hnp_ascii_word16(__m128i v, __m128i *letter, unsigned *digits)
{
    __m128i low = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(low, _mm_set1_epi8((char)(0x80 - 'a'))),
                                   _mm_set1_epi8((char)(-128 + 26)));
    __m128i dig = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))),
                                 _mm_set1_epi8((char)(-128 + 10)));
    *letter = alpha;
    *digits = (unsigned)_mm_movemask_epi8(dig);
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, dig));
}
#endif

#endif /* HNP_BASE_ASCII_H */

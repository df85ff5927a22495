/* fnv.h -- the one FNV-1a hash of libhnp (64-bit), incremental so a caller can extend a
 * hash byte by byte or token by token. The lexicon's keys are hashed with it (the value
 * is part of the compiled lexicon format: changing it changes every .hnplex), and the
 * shared tokens carry its low 32 bits, so a token's hash and a one-word key's hash agree.
 * Internal. */
#ifndef HNP_BASE_FNV_H
#define HNP_BASE_FNV_H

#include <stddef.h>
#include <stdint.h>

#define HNP_FNV64_INIT  0xcbf29ce484222325ull
#define HNP_FNV64_PRIME 0x100000001b3ull

static inline uint64_t hnp_fnv64_byte(uint64_t h, uint8_t c)
{
    return (h ^ c) * HNP_FNV64_PRIME;
}

/* Extends h by s[0..n). */
static inline uint64_t hnp_fnv64(uint64_t h, const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h = hnp_fnv64_byte(h, s[i]);
    }
    return h;
}

/* hnp_fnv64 with its loop unrolled for n <= 16 (a load, a xor and a multiply a byte, no
 * loop counter): the tagger's tokenizer hashes every word, most of them that short. */
static inline uint64_t hnp_fnv64_short(uint64_t h, const uint8_t *s, size_t n)
{
    const uint8_t *e = s + n; /* the bytes are read from the end: e[-n] is s[0] */
    switch (n) {
    case 16:
        h = hnp_fnv64_byte(h, e[-16]); /* fall through */
    case 15:
        h = hnp_fnv64_byte(h, e[-15]); /* fall through */
    case 14:
        h = hnp_fnv64_byte(h, e[-14]); /* fall through */
    case 13:
        h = hnp_fnv64_byte(h, e[-13]); /* fall through */
    case 12:
        h = hnp_fnv64_byte(h, e[-12]); /* fall through */
    case 11:
        h = hnp_fnv64_byte(h, e[-11]); /* fall through */
    case 10:
        h = hnp_fnv64_byte(h, e[-10]); /* fall through */
    case 9:
        h = hnp_fnv64_byte(h, e[-9]); /* fall through */
    case 8:
        h = hnp_fnv64_byte(h, e[-8]); /* fall through */
    case 7:
        h = hnp_fnv64_byte(h, e[-7]); /* fall through */
    case 6:
        h = hnp_fnv64_byte(h, e[-6]); /* fall through */
    case 5:
        h = hnp_fnv64_byte(h, e[-5]); /* fall through */
    case 4:
        h = hnp_fnv64_byte(h, e[-4]); /* fall through */
    case 3:
        h = hnp_fnv64_byte(h, e[-3]); /* fall through */
    case 2:
        h = hnp_fnv64_byte(h, e[-2]); /* fall through */
    case 1:
        h = hnp_fnv64_byte(h, e[-1]); /* fall through */
    case 0:
        break;
    default:
        return hnp_fnv64(h, s, n);
    }
    return h;
}

#endif /* HNP_BASE_FNV_H */

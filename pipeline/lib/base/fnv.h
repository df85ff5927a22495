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

#endif /* HNP_BASE_FNV_H */

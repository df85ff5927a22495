/* utf8_count.c -- code points in a run of UTF-8 (utf8_count.h). */
#include "utf8_count.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Code points that start in [p, p + n): bytes that are not UTF-8 continuation bytes
 * (10xxxxxx), counted sixteen at a time with SSE2, else eight. */
size_t hnp_utf8_count_cps(const uint8_t *p, size_t n)
{
    size_t cps = 0, i = 0;
#if defined(__SSE2__)
    /* signed, the continuation bytes 0x80-0xBF are the ones below -64 (0xC0); each lane
     * counts its own (up to 255 blocks), then the lanes are added up */
    const __m128i lead = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
    while (i + 16 <= n) {
        __m128i acc = zero;
        size_t start = i, end = n - i > 255 * 16 ? i + 255 * 16 : n;
        for (; i + 16 <= end; i += 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
            acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(x, lead));
        }
        __m128i sum = _mm_sad_epu8(acc, zero);
        size_t cont =
            (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
        cps += (i - start) - cont;
    }
#endif
    const uint64_t highs = 0x8080808080808080u;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, sizeof x);
        /* a continuation byte has bit 7 set and bit 6 clear; the multiply adds up the one
         * bit per byte (no popcount instruction is assumed) */
        uint64_t cont = (x & ~(x << 1) & highs) >> 7;
        cps += 8 - (size_t)((cont * 0x0101010101010101u) >> 56);
    }
    for (; i < n; i++) {
        cps += (p[i] & 0xC0) != 0x80;
    }
    return cps;
}

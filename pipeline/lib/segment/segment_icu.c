/* segment_icu.c -- ICU's sentence BreakIterator: the reference, and the fallback for
 * blocks written mostly in non-Latin scripts.
 *
 * The text is handed to ICU as UTF-8 through a UText, so nothing is converted and ICU's
 * native indexes are our byte offsets. ICU indexes are int32_t, so blocks larger than
 * 1 GiB are given to it in pieces cut at whitespace (or, failing that, at a character). */
#include "segment_internal.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#define ICU_CHUNK ((size_t)1 << 30)

struct seg_icu {
    UBreakIterator *bi;
    UText ut;
    bool ut_open;
};

hnp_status hnp_seg_icu_open(seg_icu **out)
{
    seg_icu *s = calloc(1, sizeof *s);
    if (!s) {
        return HNP_ERR_NOMEM;
    }
    UErrorCode err = U_ZERO_ERROR;
    /* ss=standard turns on ICU's abbreviation suppressions (Mr., e.g., ...). */
    s->bi = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &err);
    if (U_FAILURE(err) || !s->bi) {
        free(s);
        return HNP_ERR_ICU;
    }
    UText init = UTEXT_INITIALIZER;
    s->ut = init;
    *out = s;
    return HNP_OK;
}

void hnp_seg_icu_close(seg_icu *s)
{
    if (!s) {
        return;
    }
    ubrk_close(s->bi);
    if (s->ut_open) {
        utext_close(&s->ut);
    }
    free(s);
}

/* Length of the next piece of [start, end) to give ICU in one go. */
static size_t piece_len(const uint8_t *t, size_t start, size_t end)
{
    if (end - start <= ICU_CHUNK) {
        return end - start;
    }
    size_t p = start + ICU_CHUNK;
    while (p > start + ICU_CHUNK / 2 && t[p] != ' ' && t[p] != '\n') {
        p--;
    }
    while (p > start + 1 && (t[p] & 0xC0) == 0x80) {
        p--; /* never cut inside a character */
    }
    return p - start;
}

hnp_status hnp_seg_icu_block(seg_icu *s, const uint8_t *t, size_t start, size_t end, seg_out *o)
{
    while (start < end) {
        size_t n = piece_len(t, start, end);
        UErrorCode err = U_ZERO_ERROR;
        utext_openUTF8(&s->ut, (const char *)(t + start), (int64_t)n, &err);
        s->ut_open = true;
        ubrk_setUText(s->bi, &s->ut, &err);
        if (U_FAILURE(err)) {
            return HNP_ERR_ICU;
        }
        int32_t prev = ubrk_first(s->bi);
        for (int32_t b = ubrk_next(s->bi); b != UBRK_DONE; b = ubrk_next(s->bi)) {
            hnp_seg_emit(o, t, start + (size_t)prev, start + (size_t)b);
            prev = b;
        }
        start += n;
    }
    return HNP_OK;
}

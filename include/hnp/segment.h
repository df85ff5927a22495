/* segment.h -- stage 2: split normalized text into sentences.
 *
 * English rules (abbreviations, initials, decimals and money, ellipses, quotes and
 * brackets after the stop, lists, URLs and e-mail addresses, headlines and datelines
 * glued onto the first sentence) over ICU's sentence BreakIterator (en@ss=standard),
 * which is the reference and the fallback for non-Latin scripts.
 *
 * A segmenter holds ICU state, so it is NOT thread-safe: create one per thread. */
#ifndef HNP_SEGMENT_H
#define HNP_SEGMENT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    HNP_SEG_ICU_ONLY = 1 << 0 /* ICU's BreakIterator alone, without the English rules */
};

typedef struct hnp_segment_opts {
    unsigned flags; /* HNP_SEG_* */
} hnp_segment_opts;

typedef struct hnp_segmenter hnp_segmenter;

/* Creates a segmenter. opts may be NULL (defaults). Returns HNP_ERR_ICU when ICU cannot
 * open its break rules. On success the caller owns *out: free with hnp_segmenter_free. */
hnp_status hnp_segmenter_create(const hnp_segment_opts *opts, hnp_segmenter **out);

/* NULL is a no-op. */
void hnp_segmenter_free(hnp_segmenter *s);

/* Splits len bytes of valid UTF-8 text into sentences. Each span covers one sentence
 * with its surrounding whitespace trimmed; spans are in order, non-overlapping and
 * non-empty; text that is only whitespace yields no span.
 * Writes at most cap spans to spans and sets *n_out to the number of sentences; when
 * cap < *n_out it returns HNP_ERR_TOOSMALL and the caller retries with a larger
 * buffer (spans may be NULL when cap is 0). */
hnp_status hnp_segment(hnp_segmenter *s, const uint8_t *text, size_t len, hnp_span *spans,
                       size_t cap, size_t *n_out);

/* The same, into a buffer that grows as needed, so the text is segmented once whatever
 * the number of sentences: *spans (NULL or from an earlier call) holds *cap spans and is
 * realloc'd when it is full; both are updated. The caller owns *spans (free with
 * hnp_free) and may reuse it for the next document. Returns HNP_ERR_NOMEM when it cannot
 * grow (*spans stays valid). */
hnp_status hnp_segment_grow(hnp_segmenter *s, const uint8_t *text, size_t len, hnp_span **spans,
                            size_t *cap, size_t *n_out);

#ifdef __cplusplus
}
#endif
#endif /* HNP_SEGMENT_H */

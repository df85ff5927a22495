/* buffer.h -- where output goes: the sink that writers write through, and the growable
 * memory buffer that the library, the tests and the CLI's per-document buffering share.
 * Generic: no stage's types, so any module may include it without seeing the driver. */
#ifndef HNP_BUFFER_H
#define HNP_BUFFER_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where output goes: a FILE, a memory buffer, ... (as Redis' rio). write returns HNP_OK
 * or HNP_ERR_IO (errno set). */
typedef struct hnp_sink {
    hnp_status (*write)(void *ctx, const void *buf, size_t len);
    void *ctx;
} hnp_sink;

/* A sink that appends to a growable memory buffer (for tests and the CLI's per-document
 * buffering). */
typedef struct hnp_membuf {
    uint8_t *data;
    size_t len, cap;
} hnp_membuf;
hnp_sink hnp_membuf_sink(hnp_membuf *b);
void hnp_membuf_free(hnp_membuf *b);

/* Escapes len bytes for a TSV field into a newly allocated NUL-terminated string
 * (free with hnp_free). */
hnp_status hnp_tsv_escape(const uint8_t *in, size_t len, char **out, size_t *out_len);

/* Unescapes a TSV field in place (\\ \t \n \r; any other backslash pair is kept as is);
 * returns the new length. */
size_t hnp_tsv_unescape(uint8_t *buf, size_t len);

#ifdef __cplusplus
}
#endif
#endif /* HNP_BUFFER_H */

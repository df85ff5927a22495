/* common.h -- status codes and basic types shared by every hnpipe module.
 *
 * Every fallible libhnp function returns an hnp_status: HNP_OK (0) or one of
 * the negative codes below. The numeric values are fixed forever, so callers
 * may store them. Results come back through out-parameters. */
#ifndef HNP_COMMON_H
#define HNP_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hnp_status {
    HNP_OK = 0,
    HNP_ERR_NOMEM = -1,    /* an allocation failed */
    HNP_ERR_INVALID = -2,  /* a bad argument (programmer error or bad option value) */
    HNP_ERR_TOOSMALL = -3, /* caller buffer too small; the size needed was reported */
    HNP_ERR_ENCODING = -4, /* unknown encoding name, or transcoding impossible */
    HNP_ERR_BINARY = -5,   /* input looks like a binary file, not text */
    HNP_ERR_TOOBIG = -6,   /* input larger than the configured maximum */
    HNP_ERR_ICU = -7,      /* an ICU service failed (data missing, ...) */
    HNP_ERR_FORMAT = -8,   /* malformed structured input (lexicon, record, PubTator) */
    HNP_ERR_IO = -9,       /* a read or write failed; errno holds the cause */
    HNP_ERR_VERSION = -10  /* a compiled lexicon has an unsupported format version */
} hnp_status;

/* A static, human-readable description of a status ("out of memory"). Never NULL. */
const char *hnp_strerror(hnp_status status);

/* A half-open byte range [start, end) into a caller's document. */
typedef struct hnp_span {
    size_t start;
    size_t end;
} hnp_span;

/* Frees memory that a libhnp function documents as "free with hnp_free()". NULL is a no-op. */
void hnp_free(void *p);

/* The library's version, "MAJOR.MINOR.PATCH" (HNP_VERSION_STRING of the build). */
const char *hnp_version(void);

#define HNP_TRY(expr)                                                                              \
    do {                                                                                           \
        hnp_status hnp_try_status_ = (expr);                                                       \
        if (hnp_try_status_ != HNP_OK)                                                             \
            return hnp_try_status_;                                                                \
    } while (0)

#ifdef __cplusplus
}
#endif
#endif /* HNP_COMMON_H */

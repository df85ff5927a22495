/* common.c -- status strings, hnp_free, version. */
#include "hnp/common.h"
#include "hnp/version.h"

#include <stdlib.h>

const char *hnp_strerror(hnp_status status)
{
    switch (status) {
    case HNP_OK:
        return "success";
    case HNP_ERR_NOMEM:
        return "out of memory";
    case HNP_ERR_INVALID:
        return "invalid argument";
    case HNP_ERR_TOOSMALL:
        return "buffer too small";
    case HNP_ERR_ENCODING:
        return "unknown or unsupported encoding";
    case HNP_ERR_BINARY:
        return "binary file (NUL bytes, not UTF-16/32)";
    case HNP_ERR_TOOBIG:
        return "document larger than --max-doc-size";
    case HNP_ERR_ICU:
        return "ICU service failed";
    case HNP_ERR_FORMAT:
        return "malformed input";
    case HNP_ERR_IO:
        return "input/output error";
    case HNP_ERR_VERSION:
        return "unsupported lexicon format version";
    }
    return "unknown error";
}

void hnp_free(void *p)
{
    free(p);
}

const char *hnp_version(void)
{
    return HNP_VERSION_STRING;
}

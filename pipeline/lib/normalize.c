/* normalize.c -- STUB: replaced by the real stage. */
#include "hnp/normalize.h"

#include <stdlib.h>
#include <string.h>

int hnp_looks_binary(const uint8_t *in, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    return memchr(in, 0, n) != NULL;
}

hnp_status hnp_normalize(const hnp_normalize_opts *opts, const uint8_t *in, size_t len,
                         hnp_normalized *out)
{
    (void)opts;
    memset(out, 0, sizeof *out);
    out->text = malloc(len + 1);
    if (!out->text) {
        return HNP_ERR_NOMEM;
    }
    if (len) {
        memcpy(out->text, in, len);
    }
    out->text[len] = 0;
    out->len = len;
    strcpy(out->encoding, "UTF-8");
    return HNP_OK;
}

void hnp_normalized_free(hnp_normalized *n)
{
    if (!n) {
        return;
    }
    free(n->text);
    free(n->repairs);
    memset(n, 0, sizeof *n);
}

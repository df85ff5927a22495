/* vec.c -- the growable-array helper. */
#include "base/vec.h"

#include <stdint.h>
#include <stdlib.h>

hnp_status hnp_vec_reserve(void **p, size_t *cap, size_t need, size_t elem, size_t first_cap)
{
    if (need <= *cap) {
        return HNP_OK;
    }
    size_t n = *cap ? *cap : (first_cap ? first_cap : 1);
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem) {
            return HNP_ERR_NOMEM;
        }
        n += n / 2 + 1;
    }
    if (n > SIZE_MAX / elem) {
        return HNP_ERR_NOMEM;
    }
    void *q = realloc(*p, n * elem);
    if (!q) {
        return HNP_ERR_NOMEM;
    }
    *p = q;
    *cap = n;
    return HNP_OK;
}

/* vec.h -- the one growable-array helper of libhnp: room for `need` elements in a
 * malloc'd array that grows by half again, with the size arithmetic checked once, here.
 * Half again rather than double: the per-document arrays are reused and never shrink, so
 * what they hold beyond the largest document stays within a half. */
#ifndef HNP_BASE_VEC_H
#define HNP_BASE_VEC_H

#include "hnp/common.h"

#include <stddef.h>

/* Makes *p (an array of *cap elements of elem bytes, or NULL) hold at least need elements:
 * the capacity starts at first_cap and grows by half again (plus one). On HNP_ERR_NOMEM (allocation
 * failed or the size would overflow) *p and *cap are unchanged. */
hnp_status hnp_vec_reserve(void **p, size_t *cap, size_t need, size_t elem, size_t first_cap);

#endif /* HNP_BASE_VEC_H */

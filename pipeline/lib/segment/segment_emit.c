/* segment_emit.c -- the sentence sink of the segment stage: the bottom layer that the block
 * segmenters (segment_rules.c, segment_icu.c) hand each sentence to. */
#include "segment_internal.h"

#include "base/vec.h"

#include <stdint.h>
#include <stdlib.h>

/* Makes room for one more span in a growable buffer; false when that fails. */
static bool make_room(seg_out *o)
{
    if (o->n < o->cap || !o->growable || o->nomem) {
        return o->n < o->cap;
    }
    if (hnp_vec_reserve((void **)o->growable, o->growable_cap, o->n + 1, sizeof *o->spans, 64) !=
        HNP_OK) {
        o->nomem = true;
        return false;
    }
    o->spans = *o->growable;
    o->cap = *o->growable_cap;
    return true;
}

void hnp_seg_emit(seg_out *o, const uint8_t *t, size_t start, size_t end)
{
    int32_t cp;
    while (start < end) {
        size_t n = hnp_seg_decode(t, start, end, &cp);
        if (!hnp_seg_is_space(cp)) {
            break;
        }
        start += n;
    }
    while (end > start) {
        size_t p = hnp_seg_prev(t, start, end);
        hnp_seg_decode(t, p, end, &cp);
        if (!hnp_seg_is_space(cp)) {
            break;
        }
        end = p;
    }
    if (start < end) {
        if (make_room(o)) {
            o->spans[o->n].start = start;
            o->spans[o->n].end = end;
        }
        o->n++;
    }
}

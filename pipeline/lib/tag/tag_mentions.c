/* tag_mentions.c -- the bottom layer of the tagger: growing its arrays and appending a
 * mention. Every other tag*.c file may call these; they call nothing of the tagger. */
#include "base/vec.h"
#include "tag_internal.h"

#include <stdlib.h>

/* The tagger's arrays start at 16 elements; base/vec.h does the rest. */
hnp_status hnp_tag_grow_slow(void **p, size_t *cap, size_t need, size_t elem)
{
    return hnp_vec_reserve(p, cap, need, elem, 16);
}

hnp_status hnp_tag_emit(hnp_tagger *t, size_t start, size_t end, hnp_entity_label label,
                        const char *id, const char *name, size_t id_off)
{
    HNP_TRY(hnp_tag_grow((void **)&t->m, &t->cap_m, t->n_m + 1, sizeof *t->m));
    HNP_TRY(hnp_tag_grow((void **)&t->m_id, &t->cap_m_id, t->n_m + 1, sizeof *t->m_id));
    HNP_TRY(hnp_tag_grow((void **)&t->m_keep, &t->cap_m_keep, t->n_m + 1, 1));
    t->m_keep[t->n_m] = 0;
    hnp_mention *m = &t->m[t->n_m];
    m->span.start = start;
    m->span.end = end;
    m->sent = t->sent;
    m->label = label;
    m->id = id;
    m->name = name;
    t->m_id[t->n_m++] = id_off;
    return HNP_OK;
}

int hnp_tag_overlaps(const hnp_tagger *t, size_t m0, size_t a, size_t b)
{
    for (size_t x = m0; x < t->n_m; x++) {
        if (t->m[x].span.start < b && a < t->m[x].span.end) {
            return 1;
        }
    }
    return 0;
}

void hnp_tag_settle_last(hnp_tagger *t, size_t m0)
{
    for (size_t x = t->n_m - 1; x > m0 && t->m[x - 1].span.start > t->m[x].span.start; x--) {
        hnp_mention m = t->m[x];
        size_t id = t->m_id[x];
        unsigned char keep = t->m_keep[x];
        t->m[x] = t->m[x - 1];
        t->m_id[x] = t->m_id[x - 1];
        t->m_keep[x] = t->m_keep[x - 1];
        t->m[x - 1] = m;
        t->m_id[x - 1] = id;
        t->m_keep[x - 1] = keep;
    }
}

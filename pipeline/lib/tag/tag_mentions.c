/* tag_mentions.c -- the bottom layer of the tagger: growing its arrays, appending a
 * mention, asking the lexicons whether a key is a term. Every other tag*.c file may call these;
 * they call nothing of the tagger. */
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

int hnp_tag_is_term(const hnp_tagger *t, const uint8_t *key, size_t len, hnp_entity_label label)
{
    uint64_t h = lexkey_hash(LEXKEY_HASH_INIT, key, len);
    for (size_t l = 0; l < t->n_lex; l++) {
        const lex_key *k = hnp_lexicon_find(t->lex[l], key, len, h);
        uint32_t n = k ? hnp_lex_key_entries(k) : 0;
        for (uint32_t x = 0; x < n; x++) {
            const lex_entry *e = &t->lex[l]->entries[k->first_entry + x];
            if (e->label == label && !(e->flags & (LEX_FLAG_CS | LEX_FLAG_CTX))) {
                return 1;
            }
        }
    }
    return 0;
}

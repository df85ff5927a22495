/* tag_support.c -- which concepts a document mentions, for the ctx rule.
 *
 * An ambiguous term ("MS", "ALL", "cold") is tagged only when its concept id is also
 * mentioned in the document by an unambiguous term (or defined as an abbreviation).
 * The ids are interned lexicon strings, hashed by content because two lexicons may
 * spell the same id at different addresses. */
#include "tag_internal.h"

#include <stdlib.h>
#include <string.h>

static size_t id_hash(const char *s)
{
    return (size_t)lexkey_hash(LEXKEY_HASH_INIT, (const uint8_t *)s, strlen(s));
}

int hnp_tag_seen(const hnp_tagger *t, const char *id)
{
    if (!t->cap_seen) {
        return 0;
    }
    size_t mask = t->cap_seen - 1;
    for (size_t j = id_hash(id) & mask; t->seen[j]; j = (j + 1) & mask) {
        if (t->seen[j] == id || strcmp(t->seen[j], id) == 0) {
            return 1;
        }
    }
    return 0;
}

static void insert(const char **tab, size_t cap, const char *id)
{
    size_t j = id_hash(id) & (cap - 1);
    while (tab[j]) {
        j = (j + 1) & (cap - 1);
    }
    tab[j] = id;
}

hnp_status hnp_tag_see(hnp_tagger *t, const char *id)
{
    if (strcmp(id, "-") == 0 || hnp_tag_seen(t, id)) {
        return HNP_OK; /* "no id" supports nothing */
    }
    if ((t->n_seen + 1) * 2 > t->cap_seen) {
        size_t cap = t->cap_seen ? t->cap_seen * 2 : 64;
        const char **tab = calloc(cap, sizeof *tab);
        if (!tab) {
            return HNP_ERR_NOMEM;
        }
        for (size_t j = 0; j < t->cap_seen; j++) {
            if (t->seen[j]) {
                insert(tab, cap, t->seen[j]);
            }
        }
        free(t->seen);
        t->seen = tab;
        t->cap_seen = cap;
    }
    insert(t->seen, t->cap_seen, id);
    t->n_seen++;
    return HNP_OK;
}

/* Remembers a turned-down ctx id (each once; the list stays short). */
hnp_status hnp_tag_reject(hnp_tagger *t, const char *id)
{
    if (strcmp(id, "-") == 0) {
        return HNP_OK;
    }
    for (size_t k = 0; k < t->n_rejected; k++) {
        if (t->rejected[k] == id || strcmp(t->rejected[k], id) == 0) {
            return HNP_OK;
        }
    }
    HNP_TRY(hnp_tag_grow((void **)&t->rejected, &t->cap_rejected, t->n_rejected + 1,
                         sizeof *t->rejected));
    t->rejected[t->n_rejected++] = id;
    return HNP_OK;
}

int hnp_tag_rejected_now_seen(const hnp_tagger *t)
{
    for (size_t k = 0; k < t->n_rejected; k++) {
        if (hnp_tag_seen(t, t->rejected[k])) {
            return 1;
        }
    }
    return 0;
}

/* lexicon.c -- loading and validating compiled lexicon blobs, and key lookup.
 *
 * A blob is used in place (the embedded one lives in .rodata). Nothing in it is trusted:
 * every count and offset is checked against the blob's size, with overflow-checked
 * arithmetic, before the first lookup, so a corrupt or truncated file is rejected with
 * HNP_ERR_FORMAT (HNP_ERR_VERSION for a format from another release) instead of being
 * read out of bounds. */
#include "base/crc32.h"
#include "lexicon_format.h"
#include "lexicon_key.h"

#include <stdlib.h>
#include <string.h>

const char *hnp_label_name(hnp_entity_label label)
{
    switch (label) {
    case HNP_LABEL_DRUG:
        return "DRUG";
    case HNP_LABEL_CONDITION:
        return "CONDITION";
    case HNP_LABEL_TRIAL:
        return "TRIAL";
    case HNP_LABEL_PROCEDURE:
        return "PROCEDURE";
    }
    return "?";
}

hnp_status hnp_label_parse(const char *name, hnp_entity_label *out)
{
    static const hnp_entity_label all[] = {HNP_LABEL_DRUG, HNP_LABEL_CONDITION, HNP_LABEL_TRIAL,
                                           HNP_LABEL_PROCEDURE};
    if (!name || !out) {
        return HNP_ERR_INVALID;
    }
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (strcmp(name, hnp_label_name(all[i])) == 0) {
            *out = all[i];
            return HNP_OK;
        }
    }
    return HNP_ERR_INVALID;
}

/* The blob is little-endian and read in place, so a big-endian host cannot use it. */
static int host_is_little_endian(void)
{
    const uint16_t one = 1;
    uint8_t b;
    memcpy(&b, &one, 1);
    return b == 1;
}

/* Section [off, off + count * size) lies inside the blob and is 8-byte aligned. */
static int section_ok(uint64_t off, uint64_t count, uint64_t size, uint64_t blob_len)
{
    if (off % 8 != 0 || off > blob_len) {
        return 0;
    }
    if (count != 0 && size > (blob_len - off) / count) {
        return 0;
    }
    return 1;
}

/* The header's fields and section bounds; the payload's CRC only when verify is set. */
static hnp_status check_header(const lex_header *h, size_t len, int verify)
{
    if (memcmp(h->magic, LEX_MAGIC, LEX_MAGIC_LEN) != 0) {
        return HNP_ERR_FORMAT;
    }
    if (h->format_version != LEX_FORMAT_VERSION) {
        return HNP_ERR_VERSION;
    }
    if (h->header_size != sizeof *h || h->file_size != len) {
        return HNP_ERR_FORMAT;
    }
    if (verify && hnp_crc32((const uint8_t *)h + sizeof *h, len - sizeof *h) != h->payload_crc) {
        return HNP_ERR_FORMAT;
    }
    if (!section_ok(h->keys_off, h->n_keys, sizeof(lex_key), len) ||
        !section_ok(h->slots_off, h->n_slots, sizeof(lex_slot), len) ||
        !section_ok(h->entries_off, h->n_entries, sizeof(lex_entry), len) ||
        !section_ok(h->patterns_off, h->n_patterns, sizeof(lex_pattern), len) ||
        !section_ok(h->strings_off, h->strings_size, 1, len) ||
        !section_ok(h->vocab_off, h->n_vocab, sizeof(lex_vocab), len) ||
        !section_ok(h->vslots_off, h->n_vslots, sizeof(lex_slot), len) ||
        !section_ok(h->kids_off, (uint64_t)h->n_keys + 1, sizeof(uint32_t), len) ||
        !section_ok(h->edges_off, h->n_edges, sizeof(lex_edge), len)) {
        return HNP_ERR_FORMAT;
    }
    if (h->filter_log2 < 6 || h->filter_log2 > 28 ||
        !section_ok(h->filter_off, (uint64_t)1 << (h->filter_log2 - 6), 8, len)) {
        return HNP_ERR_FORMAT;
    }
    /* A power of two, and room for an empty slot so that every probe terminates. */
    if (h->n_slots == 0 || (h->n_slots & (h->n_slots - 1)) != 0 || h->n_keys >= h->n_slots) {
        return HNP_ERR_FORMAT;
    }
    if (h->n_vslots == 0 || (h->n_vslots & (h->n_vslots - 1)) != 0 || h->n_vocab >= h->n_vslots) {
        return HNP_ERR_FORMAT;
    }
    if (h->strings_size == 0 || h->version_off >= h->strings_size) {
        return HNP_ERR_FORMAT;
    }
    return HNP_OK;
}

/* The vocabulary and the trie: every token inside the pool, every id and key index in
 * range, every probe ends at an empty slot, the children's ranges in order. */
static hnp_status check_trie(const hnp_lexicon *l)
{
    const lex_header *h = l->hdr;
    uint32_t empty = 0;
    for (uint32_t i = 0; i < h->n_vslots; i++) {
        if (l->vslots[i].key > h->n_vocab) {
            return HNP_ERR_FORMAT;
        }
        empty += l->vslots[i].key == 0;
    }
    if (empty == 0) {
        return HNP_ERR_FORMAT;
    }
    for (uint32_t i = 0; i < h->n_vocab; i++) {
        const lex_vocab *v = &l->vocab[i];
        if ((uint64_t)v->str_off + v->len >= h->strings_size ||
            (v->key != LEX_NONE && v->key >= h->n_keys)) {
            return HNP_ERR_FORMAT;
        }
    }
    for (uint32_t k = 0; k < h->n_keys; k++) {
        if (l->kids[k] > l->kids[k + 1]) {
            return HNP_ERR_FORMAT;
        }
    }
    if (l->kids[0] != 0 || l->kids[h->n_keys] != h->n_edges) {
        return HNP_ERR_FORMAT;
    }
    for (uint32_t i = 0; i < h->n_edges; i++) {
        if (l->edges[i].tok >= h->n_vocab || l->edges[i].key >= h->n_keys) {
            return HNP_ERR_FORMAT;
        }
    }
    return HNP_OK;
}

/* Every string offset is inside the pool; the pool ends with NUL (checked), so each of
 * them is a terminated string. Keys must be NUL-terminated exactly at their length. */
static hnp_status check_tables(const hnp_lexicon *l)
{
    const lex_header *h = l->hdr;
    uint64_t ss = h->strings_size;
    uint32_t empty = 0;
    for (uint32_t i = 0; i < h->n_slots; i++) {
        if (l->slots[i].key > h->n_keys) {
            return HNP_ERR_FORMAT;
        }
        empty += l->slots[i].key == 0;
    }
    if (empty == 0) { /* a probe for a missing key would never end */
        return HNP_ERR_FORMAT;
    }
    for (uint32_t i = 0; i < h->n_keys; i++) {
        const lex_key *k = &l->keys[i];
        uint64_t n = hnp_lex_key_entries(k);
        if ((uint64_t)k->key_off + k->key_len >= ss || l->strings[k->key_off + k->key_len] ||
            (uint64_t)k->first_entry + n > h->n_entries) {
            return HNP_ERR_FORMAT;
        }
    }
    for (uint32_t i = 0; i < h->n_entries; i++) {
        const lex_entry *e = &l->entries[i];
        if (e->id_off >= ss || e->name_off >= ss ||
            (e->surface_off != LEX_NONE && e->surface_off >= ss) || e->label >= HNP_LABEL_COUNT ||
            (e->flags & ~LEX_FLAG_MASK) != 0) {
            return HNP_ERR_FORMAT;
        }
    }
    for (uint32_t i = 0; i < h->n_patterns; i++) {
        const lex_pattern *p = &l->patterns[i];
        if (p->pattern_off >= ss || p->registry_off >= ss || p->example_off >= ss) {
            return HNP_ERR_FORMAT;
        }
    }
    return check_trie(l);
}

/* Reads the blob in place. verify: also the CRC and every record (check_tables), which
 * costs a pass over the whole blob (26M instructions for the default lexicon). */
static hnp_status load(const uint8_t *b, size_t len, hnp_lexicon *l, int verify)
{
    if (!host_is_little_endian()) {
        return HNP_ERR_VERSION;
    }
    if (len < sizeof(lex_header)) {
        return HNP_ERR_FORMAT;
    }
    /* Sections are read as structs in place: the blob must be 8-byte aligned. */
    if ((uintptr_t)b % 8 != 0) {
        return HNP_ERR_INVALID;
    }
    const lex_header *h = (const lex_header *)(const void *)b;
    HNP_TRY(check_header(h, len, verify));
    l->blob = b;
    l->blob_len = len;
    l->hdr = h;
    l->keys = (const lex_key *)(const void *)(b + h->keys_off);
    l->slots = (const lex_slot *)(const void *)(b + h->slots_off);
    l->entries = (const lex_entry *)(const void *)(b + h->entries_off);
    l->patterns = (const lex_pattern *)(const void *)(b + h->patterns_off);
    l->strings = (const char *)(b + h->strings_off);
    l->filter = (const uint64_t *)(const void *)(b + h->filter_off);
    l->vocab = (const lex_vocab *)(const void *)(b + h->vocab_off);
    l->vslots = (const lex_slot *)(const void *)(b + h->vslots_off);
    l->kids = (const uint32_t *)(const void *)(b + h->kids_off);
    l->edges = (const lex_edge *)(const void *)(b + h->edges_off);
    l->slot_mask = h->n_slots - 1;
    l->vslot_mask = h->n_vslots - 1;
    l->filter_mask = ((uint64_t)1 << h->filter_log2) - 1;
    if (l->strings[h->strings_size - 1] != '\0') {
        return HNP_ERR_FORMAT;
    }
    return verify ? check_tables(l) : HNP_OK;
}

static hnp_status open_blob(const void *blob, size_t len, int verify, hnp_lexicon **out)
{
    if (!blob || !out) {
        return HNP_ERR_INVALID;
    }
    *out = NULL;
    hnp_lexicon *l = calloc(1, sizeof *l);
    if (!l) {
        return HNP_ERR_NOMEM;
    }
    hnp_status st = load(blob, len, l, verify);
    if (st != HNP_OK) {
        free(l);
        return st;
    }
    *out = l;
    return HNP_OK;
}

hnp_status hnp_lexicon_from_memory(const void *blob, size_t len, hnp_lexicon **out)
{
    return open_blob(blob, len, 1, out);
}

hnp_status hnp_lexicon_from_built(const void *blob, size_t len, hnp_lexicon **out)
{
    return open_blob(blob, len, 0, out);
}

hnp_status hnp_lexicon_adopt(void *blob, size_t len, hnp_lexicon **out)
{
    hnp_status st = hnp_lexicon_from_memory(blob, len, out);
    if (st != HNP_OK) {
        free(blob);
        return st;
    }
    (*out)->owned = blob;
    return HNP_OK;
}

void hnp_lexicon_free(hnp_lexicon *lex)
{
    if (!lex) {
        return;
    }
    free(lex->owned);
    free(lex);
}

size_t hnp_lexicon_size(const hnp_lexicon *lex)
{
    return lex ? lex->hdr->n_entries : 0;
}

const char *hnp_lexicon_version(const hnp_lexicon *lex)
{
    return lex ? hnp_lexicon_str(lex, lex->hdr->version_off) : "";
}

const lex_key *hnp_lexicon_find(const hnp_lexicon *lex, const uint8_t *key, size_t len,
                                uint64_t hash)
{
    if (!hnp_lexicon_maybe(lex, hash)) {
        return NULL;
    }
    uint32_t hi = (uint32_t)(hash >> 32);
    for (uint32_t i = (uint32_t)hash & lex->slot_mask;; i = (i + 1) & lex->slot_mask) {
        const lex_slot *s = &lex->slots[i];
        if (s->key == 0) {
            return NULL;
        }
        if (s->hash_hi != hi) {
            continue;
        }
        const lex_key *k = &lex->keys[s->key - 1];
        if (k->key_len == len && memcmp(lex->strings + k->key_off, key, len) == 0) {
            return k;
        }
    }
}

/* Tokens are short: a loop beats a call to memcmp. */
static inline int same_bytes(const char *a, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((uint8_t)a[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}

uint32_t hnp_lexicon_token(const hnp_lexicon *lex, const uint8_t *tok, size_t len, uint64_t hash)
{
    uint32_t hi = (uint32_t)(hash >> 32);
    for (uint32_t i = (uint32_t)hash & lex->vslot_mask;; i = (i + 1) & lex->vslot_mask) {
        const lex_slot *s = &lex->vslots[i];
        if (s->key == 0) {
            return LEX_NONE;
        }
        if (s->hash_hi != hi) {
            continue;
        }
        const lex_vocab *v = &lex->vocab[s->key - 1];
        if (v->len == len && same_bytes(lex->strings + v->str_off, tok, len)) {
            return s->key - 1;
        }
    }
}

const lex_key *hnp_lexicon_child(const hnp_lexicon *lex, uint32_t parent, uint32_t tok)
{
    if (parent == LEX_NONE) {
        uint32_t k = lex->vocab[tok].key;
        return k == LEX_NONE ? NULL : &lex->keys[k];
    }
    /* Binary search of the parent's children by token id (most have a handful). */
    uint32_t lo = lex->kids[parent], hi = lex->kids[parent + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (lex->edges[mid].tok < tok) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < lex->kids[parent + 1] && lex->edges[lo].tok == tok) {
        return &lex->keys[lex->edges[lo].key];
    }
    return NULL;
}

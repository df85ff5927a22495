/* lexicon_build_internal.h -- what the TSV parser (lexicon_build.c) hands to the blob
 * writer (lexicon_write.c). Internal to libhnp. */
#ifndef HNP_LEXICON_BUILD_INTERNAL_H
#define HNP_LEXICON_BUILD_INTERNAL_H

#include "lexicon_build.h"

#include <stddef.h>
#include <stdint.h>

/* A string: bytes (not NUL-terminated) that stay valid until the blob is written. */
typedef struct bstr {
    const uint8_t *p;
    size_t len;
} bstr;

typedef struct bentry {
    bstr key;     /* hnp_lexkey_make(fold=1) */
    bstr surface; /* exact-case form, for cs entries; len 0 otherwise */
    bstr id;
    bstr name;
    uint8_t label;
    uint8_t flags;
    uint32_t order;
} bentry;

typedef struct bpattern {
    bstr pattern;
    bstr registry;
    bstr example;
    uint32_t order;
} bpattern;

/* The vocabulary and trie of token ids over the sorted, distinct keys
 * (lexicon_write_trie.c); key_off[k] is where key k's bytes are in the string pool. */
typedef struct lextrie {
    bstr *vocab;         /* distinct tokens, sorted: the index is the token id */
    uint32_t *vocab_off; /* where each token's bytes are in the string pool */
    uint32_t *vocab_key; /* its one-token key, or LEX_NONE */
    size_t n_vocab;
    uint32_t n_vslots; /* hash slots for the vocabulary: a power of two, at most half full */
    uint32_t *kids;    /* [n_keys + 1]: key k's children are edges[kids[k] .. kids[k + 1]) */
    struct lex_edge *edges;
    size_t n_edges;
} lextrie;

hnp_status hnp_lextrie_build(const bstr *keys, const uint32_t *key_off, size_t n_keys, lextrie *tr);
void hnp_lextrie_free(lextrie *tr);

/* Lays out the blob. entries must already be sorted by key then tie order and free of
 * duplicates; everything else (key set, prefixes, hash slots, string pool) is derived
 * here, deterministically. *blob is malloc'd. */
hnp_status hnp_lexwrite_blob(const bentry *entries, size_t n_entries, const bpattern *patterns,
                             size_t n_patterns, bstr version, void **blob, size_t *blob_len);

#endif /* HNP_LEXICON_BUILD_INTERNAL_H */

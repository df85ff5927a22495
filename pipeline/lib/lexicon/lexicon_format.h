/* lexicon_format.h -- the compiled lexicon blob (format version 2), and the internal
 * view of a loaded lexicon that the tagger reads.
 *
 * Layout (all integers little-endian, every section 8-byte aligned, the in-memory form
 * is the file form):
 *
 *   lex_header                       96 bytes, at offset 0
 *   keys[n_keys]      lex_key        every distinct key and every token prefix of a key,
 *                                    sorted by key bytes
 *   slots[n_slots]    lex_slot       open-addressing hash of the keys (linear probing,
 *                                    n_slots a power of two, at most half full)
 *   entries[n_entries] lex_entry     the term rows, grouped by key; within a key in tie
 *                                    order (non-"low" first, then source order)
 *   patterns[n_patterns] lex_pattern trial-id regular expressions
 *   filter[2^filter_log2 bits]       a two-probe Bloom filter of every key's hash, small
 *                                    enough for the cache: most lookups of words that
 *                                    are in no term end here, without touching the slots
 *   vocab[n_vocab]    lex_vocab      every distinct token of the keys, sorted by bytes;
 *                                    a token's id is its index
 *   vslots[n_vslots]  lex_slot       open-addressing hash of the tokens (as slots, the
 *                                    value is token id + 1)
 *   kids[n_keys + 1]  uint32_t       the trie of token ids: the children of key k (the
 *                                    keys one token longer that start with it) are
 *                                    edges[kids[k] .. kids[k + 1])
 *   edges[n_edges]    lex_edge       (token id, child key), grouped by parent key, sorted
 *                                    by token id within a parent
 *   strings[strings_size]            NUL-terminated UTF-8; the last byte is NUL, so any
 *                                    in-range offset is a terminated string
 *
 * Two ways to find a key: by its bytes (slots, one hash of the whole key: the reference
 * matcher), or token by token (each token of the text folded and looked up once in the
 * vocabulary, then one step down the trie per token: the tagger's matcher).
 *
 * The CRC-32 covers bytes [header_size, file_size). */
#ifndef HNP_LEXICON_FORMAT_H
#define HNP_LEXICON_FORMAT_H

#include "hnp/lexicon.h"

#include <stdint.h>

#define LEX_MAGIC          "HNPLEX\0\n"
#define LEX_MAGIC_LEN      8
#define LEX_FORMAT_VERSION 2u

/* Entry flags. */
#define LEX_FLAG_CS    1u  /* match only this exact case */
#define LEX_FLAG_CTX   2u  /* ambiguous: needs support from the context */
#define LEX_FLAG_LOW   4u  /* loses ties */
#define LEX_FLAG_EXACT 8u  /* no inflection: brand names ("Advance" is not "advances") */
#define LEX_FLAG_KEEP  16u /* always a mention: the tagger's model may not drop it */
#define LEX_FLAG_MASK  31u

/* Key flag (high bit of lex_key.n_entries): a longer key starts with this key + " ". */
#define LEX_KEY_PREFIX 0x80000000u

#define LEX_NONE 0xFFFFFFFFu /* absent string offset */

typedef struct lex_header {
    uint8_t magic[LEX_MAGIC_LEN];
    uint32_t format_version;
    uint32_t header_size;
    uint64_t file_size;
    uint32_t payload_crc;
    uint32_t n_entries;
    uint32_t n_keys;
    uint32_t n_slots;
    uint32_t n_patterns;
    uint32_t version_off; /* into strings */
    uint64_t keys_off;
    uint64_t slots_off;
    uint64_t entries_off;
    uint64_t patterns_off;
    uint64_t strings_off;
    uint64_t strings_size;
    uint64_t filter_off;
    uint32_t filter_log2; /* 6..28 */
    uint32_t n_vocab;
    uint32_t n_vslots;
    uint32_t n_edges;
    uint64_t vocab_off;
    uint64_t vslots_off;
    uint64_t kids_off;
    uint64_t edges_off;
} lex_header;

typedef struct lex_key {
    uint32_t key_off; /* into strings */
    uint32_t key_len;
    uint32_t first_entry;
    uint32_t n_entries; /* | LEX_KEY_PREFIX */
} lex_key;

/* Readers go through these rather than decoding n_entries themselves. */
/* How many term rows the key has (0 for a key that is only a prefix of longer keys). */
static inline uint32_t hnp_lex_key_entries(const lex_key *k)
{
    return k->n_entries & ~LEX_KEY_PREFIX;
}

/* Whether a longer key starts with this key and a space: a match may go on. */
static inline int hnp_lex_key_continues(const lex_key *k)
{
    return (k->n_entries & LEX_KEY_PREFIX) != 0;
}

typedef struct lex_slot {
    uint32_t hash_hi; /* upper 32 bits of the key's hash: most misses end here */
    uint32_t key;     /* key index + 1; 0 = empty */
} lex_slot;

typedef struct lex_entry {
    uint32_t id_off; /* "-" when the source had none */
    uint32_t name_off;
    uint32_t surface_off; /* exact-case form for LEX_FLAG_CS entries, else LEX_NONE */
    uint32_t order;       /* source order over all files (file, then line) */
    uint8_t label;        /* hnp_entity_label */
    uint8_t flags;
    uint16_t reserved;
} lex_entry;

typedef struct lex_vocab {
    uint32_t str_off; /* into strings: the token's bytes (inside a key, not NUL-terminated) */
    uint32_t len;
    uint32_t key; /* the one-token key of this token, or LEX_NONE */
} lex_vocab;

typedef struct lex_edge {
    uint32_t tok; /* token id */
    uint32_t key; /* the child key */
} lex_edge;

typedef struct lex_pattern {
    uint32_t pattern_off;
    uint32_t registry_off;
    uint32_t example_off;
    uint32_t order;
} lex_pattern;

/* The loaded, validated view. Pointers point into the blob. */
struct hnp_lexicon {
    const uint8_t *blob;
    size_t blob_len;
    void *owned; /* the blob when the lexicon owns it (from TSV), else NULL */
    const lex_header *hdr;
    const lex_key *keys;
    const lex_slot *slots;
    const lex_entry *entries;
    const lex_pattern *patterns;
    const char *strings;
    const uint64_t *filter;
    const lex_vocab *vocab;
    const lex_slot *vslots;
    const uint32_t *kids;
    const lex_edge *edges;
    uint32_t slot_mask;
    uint32_t vslot_mask;
    uint64_t filter_mask;
};

/* The filter's two bit positions for a key hash (disjoint bit ranges of the hash). */
static inline int hnp_lexicon_maybe(const hnp_lexicon *lex, uint64_t hash)
{
    uint64_t a = (hash >> 8) & lex->filter_mask, b = (hash >> 36) & lex->filter_mask;
    return (int)((lex->filter[a >> 6] >> (a & 63)) & (lex->filter[b >> 6] >> (b & 63)) & 1u);
}

/* Finds a key (bytes, and its lexkey_hash from LEXKEY_HASH_INIT); NULL when absent. */
const lex_key *hnp_lexicon_find(const hnp_lexicon *lex, const uint8_t *key, size_t len,
                                uint64_t hash);

/* The id of a token (its folded bytes and their lexkey_hash from LEXKEY_HASH_INIT), or
 * LEX_NONE when no key has it. */
uint32_t hnp_lexicon_token(const hnp_lexicon *lex, const uint8_t *tok, size_t len, uint64_t hash);

/* The key one token longer than key `parent` (LEX_NONE: the empty key, the trie's root)
 * whose last token is `tok`, or NULL. */
const lex_key *hnp_lexicon_child(const hnp_lexicon *lex, uint32_t parent, uint32_t tok);

/* The index of key k in the keys array (a trie node). */
static inline uint32_t hnp_lexicon_key_index(const hnp_lexicon *lex, const lex_key *k)
{
    return (uint32_t)(k - lex->keys);
}

static inline const char *hnp_lexicon_str(const hnp_lexicon *lex, uint32_t off)
{
    return lex->strings + off;
}

/* Adopts a blob that was malloc'd: the lexicon frees it (even on failure). */
hnp_status hnp_lexicon_adopt(void *blob, size_t len, hnp_lexicon **out);

/* As hnp_lexicon_from_memory, for a blob that was verified when it was built: the
 * default lexicon embedded in the program, which hnp-lexc loads with every check
 * (CRC and every record) before it writes it. Checks only the header and the section
 * bounds, not the CRC or the records, so that a process does not pay a pass over the
 * whole blob at every start. Never for a blob read at run time. */
hnp_status hnp_lexicon_from_built(const void *blob, size_t len, hnp_lexicon **out);

#endif /* HNP_LEXICON_FORMAT_H */

/* lexicon_write.c -- lays out the compiled lexicon blob (lexicon_format.h).
 *
 * Every integer is written byte by byte in little-endian order, and every choice
 * (key order, slot probing, string order) depends only on the input, so hnp-lexc output
 * is byte-reproducible on any host. */
#include "base/crc32.h"
#include "base/vec.h"
#include "lexicon_build_internal.h"
#include "lexicon_format.h"
#include "lexicon_key.h"

#include <stdlib.h>
#include <string.h>

typedef struct cand {
    bstr key;
    uint32_t first, n; /* entries, for a full key */
    uint32_t prefix;
} cand;

/* Interned strings: each distinct string is stored once (names repeat per synonym). */
typedef struct pool {
    lexbuf b;
    uint32_t *slot; /* offset + 1; 0 = empty */
    size_t n_slots, n_used;
} pool;

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static void put64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int cand_cmp(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    size_t n = a->key.len < b->key.len ? a->key.len : b->key.len;
    int c = memcmp(a->key.p, b->key.p, n);
    if (c) {
        return c;
    }
    if (a->key.len != b->key.len) {
        return a->key.len < b->key.len ? -1 : 1;
    }
    return (a->prefix > b->prefix) - (a->prefix < b->prefix);
}

static hnp_status pool_grow(pool *pl)
{
    size_t n = pl->n_slots ? pl->n_slots * 2 : 1024;
    uint32_t *s = calloc(n, sizeof *s);
    if (!s) {
        return HNP_ERR_NOMEM;
    }
    for (size_t i = 0; i < pl->n_slots; i++) {
        if (!pl->slot[i]) {
            continue;
        }
        const uint8_t *str = pl->b.data + pl->slot[i] - 1;
        size_t j = (size_t)lexkey_hash(LEXKEY_HASH_INIT, str, strlen((const char *)str));
        while (s[j & (n - 1)]) {
            j++;
        }
        s[j & (n - 1)] = pl->slot[i];
    }
    free(pl->slot);
    pl->slot = s;
    pl->n_slots = n;
    return HNP_OK;
}

static hnp_status pool_add(pool *pl, bstr s, uint32_t *off)
{
    if (pl->n_used * 2 >= pl->n_slots) {
        HNP_TRY(pool_grow(pl));
    }
    size_t j = (size_t)lexkey_hash(LEXKEY_HASH_INIT, s.p, s.len);
    for (;; j++) {
        uint32_t v = pl->slot[j & (pl->n_slots - 1)];
        if (!v) {
            break;
        }
        const uint8_t *p = pl->b.data + v - 1;
        if ((s.len == 0 || memcmp(p, s.p, s.len) == 0) && p[s.len] == 0) {
            *off = v - 1;
            return HNP_OK;
        }
    }
    if (pl->b.len > UINT32_MAX - s.len - 2) {
        return HNP_ERR_NOMEM;
    }
    *off = (uint32_t)pl->b.len;
    HNP_TRY(hnp_buf_put(&pl->b, s.p, s.len));
    HNP_TRY(hnp_buf_put(&pl->b, "", 1));
    pl->slot[j & (pl->n_slots - 1)] = *off + 1;
    pl->n_used++;
    return HNP_OK;
}

/* Every full key (one per run of entries) and every token prefix of one. */
static hnp_status collect_keys(const bentry *e, size_t n_e, cand **out, size_t *n_out)
{
    size_t n = 0, cap = 0;
    cand *c = NULL;
    for (size_t i = 0; i < n_e;) {
        size_t j = i + 1;
        while (j < n_e && e[j].key.len == e[i].key.len &&
               memcmp(e[j].key.p, e[i].key.p, e[i].key.len) == 0) {
            j++;
        }
        for (size_t k = 0; k <= e[i].key.len; k++) {
            if (k < e[i].key.len && e[i].key.p[k] != ' ') {
                continue;
            }
            if (hnp_vec_reserve((void **)&c, &cap, n + 1, sizeof *c, 1024) != HNP_OK) {
                free(c);
                return HNP_ERR_NOMEM;
            }
            int full = k == e[i].key.len;
            c[n++] = (cand){{e[i].key.p, k},
                            full ? (uint32_t)i : 0,
                            full ? (uint32_t)(j - i) : 0,
                            full ? 0u : 1u};
        }
        i = j;
    }
    if (n > 1) {
        qsort(c, n, sizeof *c, cand_cmp);
    }
    /* Merge equal strings: the full key (sorted first) takes the prefix flag. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && c[m - 1].key.len == c[i].key.len &&
            memcmp(c[m - 1].key.p, c[i].key.p, c[i].key.len) == 0) {
            c[m - 1].prefix |= c[i].prefix;
            continue;
        }
        c[m++] = c[i];
    }
    *out = c;
    *n_out = m;
    return HNP_OK;
}

typedef struct layout {
    uint64_t keys, slots, entries, patterns, filter, vocab, vslots, kids, edges, strings, total;
    uint32_t n_slots;
    uint32_t filter_log2;
} layout;

static uint64_t align8(uint64_t v)
{
    return (v + 7) & ~(uint64_t)7;
}

static hnp_status plan(size_t n_keys, size_t n_e, size_t n_p, size_t pool_len, const lextrie *tr,
                       layout *L)
{
    if (n_keys >= UINT32_MAX / 4 || n_e >= UINT32_MAX || n_p >= UINT32_MAX ||
        tr->n_vocab >= UINT32_MAX / 4) {
        return HNP_ERR_NOMEM;
    }
    uint32_t ns = 8;
    while (ns < 2 * n_keys + 1) {
        ns *= 2;
    }
    L->n_slots = ns;
    /* About 8 bits per key: two probes then pass a missing key about 5% of the time. */
    uint32_t fl = 6;
    while (fl < 28 && ((uint64_t)1 << fl) < 8 * (uint64_t)n_keys) {
        fl++;
    }
    L->filter_log2 = fl;
    L->keys = sizeof(lex_header);
    L->slots = align8(L->keys + n_keys * sizeof(lex_key));
    L->entries = align8(L->slots + (uint64_t)ns * sizeof(lex_slot));
    L->patterns = align8(L->entries + n_e * sizeof(lex_entry));
    L->filter = align8(L->patterns + n_p * sizeof(lex_pattern));
    L->vocab = align8(L->filter + ((uint64_t)1 << fl) / 8);
    L->vslots = align8(L->vocab + tr->n_vocab * sizeof(lex_vocab));
    L->kids = align8(L->vslots + (uint64_t)tr->n_vslots * sizeof(lex_slot));
    L->edges = align8(L->kids + ((uint64_t)n_keys + 1) * sizeof(uint32_t));
    L->strings = align8(L->edges + tr->n_edges * sizeof(lex_edge));
    L->total = L->strings + pool_len;
    return L->total > SIZE_MAX ? HNP_ERR_NOMEM : HNP_OK;
}

static void write_header(uint8_t *b, const layout *L, size_t n_e, size_t n_keys, size_t n_p,
                         const lextrie *tr, uint32_t version_off, uint64_t pool_len)
{
    put32(b + offsetof(lex_header, n_vocab), (uint32_t)tr->n_vocab);
    put32(b + offsetof(lex_header, n_vslots), tr->n_vslots);
    put32(b + offsetof(lex_header, n_edges), (uint32_t)tr->n_edges);
    put64(b + offsetof(lex_header, vocab_off), L->vocab);
    put64(b + offsetof(lex_header, vslots_off), L->vslots);
    put64(b + offsetof(lex_header, kids_off), L->kids);
    put64(b + offsetof(lex_header, edges_off), L->edges);
    memcpy(b, LEX_MAGIC, LEX_MAGIC_LEN);
    put32(b + offsetof(lex_header, format_version), LEX_FORMAT_VERSION);
    put32(b + offsetof(lex_header, header_size), (uint32_t)sizeof(lex_header));
    put64(b + offsetof(lex_header, file_size), L->total);
    put32(b + offsetof(lex_header, n_entries), (uint32_t)n_e);
    put32(b + offsetof(lex_header, n_keys), (uint32_t)n_keys);
    put32(b + offsetof(lex_header, n_slots), L->n_slots);
    put32(b + offsetof(lex_header, n_patterns), (uint32_t)n_p);
    put32(b + offsetof(lex_header, version_off), version_off);
    put64(b + offsetof(lex_header, keys_off), L->keys);
    put64(b + offsetof(lex_header, slots_off), L->slots);
    put64(b + offsetof(lex_header, entries_off), L->entries);
    put64(b + offsetof(lex_header, patterns_off), L->patterns);
    put64(b + offsetof(lex_header, strings_off), L->strings);
    put64(b + offsetof(lex_header, strings_size), pool_len);
    put64(b + offsetof(lex_header, filter_off), L->filter);
    put32(b + offsetof(lex_header, filter_log2), L->filter_log2);
}

/* Keys and their hash slots (linear probing, inserted in key order). */
static void write_keys(uint8_t *b, const layout *L, const cand *c, size_t n,
                       const uint32_t *key_off)
{
    uint32_t mask = L->n_slots - 1;
    for (size_t i = 0; i < n; i++) {
        uint8_t *k = b + L->keys + i * sizeof(lex_key);
        put32(k + offsetof(lex_key, key_off), key_off[i]);
        put32(k + offsetof(lex_key, key_len), (uint32_t)c[i].key.len);
        put32(k + offsetof(lex_key, first_entry), c[i].first);
        put32(k + offsetof(lex_key, n_entries), c[i].n | (c[i].prefix ? LEX_KEY_PREFIX : 0));
        uint64_t h = lexkey_hash(LEXKEY_HASH_INIT, c[i].key.p, c[i].key.len);
        uint32_t j = (uint32_t)h & mask;
        while (get32(b + L->slots + j * sizeof(lex_slot) + offsetof(lex_slot, key)) != 0) {
            j = (j + 1) & mask;
        }
        uint64_t fmask = ((uint64_t)1 << L->filter_log2) - 1, fa = (h >> 8) & fmask,
                 fb = (h >> 36) & fmask;
        b[L->filter + fa / 8] |= (uint8_t)(1u << (fa % 8));
        b[L->filter + fb / 8] |= (uint8_t)(1u << (fb % 8));
        uint8_t *s = b + L->slots + j * sizeof(lex_slot);
        put32(s + offsetof(lex_slot, hash_hi), (uint32_t)(h >> 32));
        put32(s + offsetof(lex_slot, key), (uint32_t)i + 1);
    }
}

/* The vocabulary, its hash slots (linear probing, inserted in token-id order), and the
 * trie's children ranges and edges. */
static void write_trie(uint8_t *b, const layout *L, const lextrie *tr, size_t n_keys)
{
    uint32_t mask = tr->n_vslots - 1;
    for (size_t i = 0; i < tr->n_vocab; i++) {
        uint8_t *v = b + L->vocab + i * sizeof(lex_vocab);
        put32(v + offsetof(lex_vocab, str_off), tr->vocab_off[i]);
        put32(v + offsetof(lex_vocab, len), (uint32_t)tr->vocab[i].len);
        put32(v + offsetof(lex_vocab, key), tr->vocab_key[i]);
        uint64_t h = lexkey_hash(LEXKEY_HASH_INIT, tr->vocab[i].p, tr->vocab[i].len);
        uint32_t j = (uint32_t)h & mask;
        while (get32(b + L->vslots + j * sizeof(lex_slot) + offsetof(lex_slot, key)) != 0) {
            j = (j + 1) & mask;
        }
        uint8_t *s = b + L->vslots + j * sizeof(lex_slot);
        put32(s + offsetof(lex_slot, hash_hi), (uint32_t)(h >> 32));
        put32(s + offsetof(lex_slot, key), (uint32_t)i + 1);
    }
    for (size_t k = 0; k <= n_keys; k++) {
        put32(b + L->kids + k * sizeof(uint32_t), tr->kids[k]);
    }
    for (size_t i = 0; i < tr->n_edges; i++) {
        uint8_t *e = b + L->edges + i * sizeof(lex_edge);
        put32(e + offsetof(lex_edge, tok), tr->edges[i].tok);
        put32(e + offsetof(lex_edge, key), tr->edges[i].key);
    }
}

static void write_entries(uint8_t *b, const layout *L, const bentry *e, size_t n,
                          const uint32_t *str_off)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t *p = b + L->entries + i * sizeof(lex_entry);
        put32(p + offsetof(lex_entry, id_off), str_off[3 * i]);
        put32(p + offsetof(lex_entry, name_off), str_off[3 * i + 1]);
        put32(p + offsetof(lex_entry, surface_off), str_off[3 * i + 2]);
        put32(p + offsetof(lex_entry, order), e[i].order);
        p[offsetof(lex_entry, label)] = e[i].label;
        p[offsetof(lex_entry, flags)] = e[i].flags;
    }
}

static void write_patterns(uint8_t *b, const layout *L, const bpattern *p, size_t n,
                           const uint32_t *str_off)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t *q = b + L->patterns + i * sizeof(lex_pattern);
        put32(q + offsetof(lex_pattern, pattern_off), str_off[3 * i]);
        put32(q + offsetof(lex_pattern, registry_off), str_off[3 * i + 1]);
        put32(q + offsetof(lex_pattern, example_off), str_off[3 * i + 2]);
        put32(q + offsetof(lex_pattern, order), p[i].order);
    }
}

/* Interns every string in a fixed order; offsets go to key_off[n_keys] and
 * str_off[3 * n_e + 3 * n_p] (id, name, surface per entry; pattern, registry, example). */
static hnp_status intern_all(pool *pl, bstr version, const cand *c, size_t n_keys, const bentry *e,
                             size_t n_e, const bpattern *p, size_t n_p, uint32_t *version_off,
                             uint32_t *key_off, uint32_t *str_off)
{
    uint32_t empty;
    HNP_TRY(pool_add(pl, (bstr){(const uint8_t *)"", 0}, &empty));
    HNP_TRY(pool_add(pl, version, version_off));
    for (size_t i = 0; i < n_keys; i++) {
        HNP_TRY(pool_add(pl, c[i].key, &key_off[i]));
    }
    for (size_t i = 0; i < n_e; i++) {
        HNP_TRY(pool_add(pl, e[i].id, &str_off[3 * i]));
        HNP_TRY(pool_add(pl, e[i].name, &str_off[3 * i + 1]));
        str_off[3 * i + 2] = LEX_NONE;
        if (e[i].flags & LEX_FLAG_CS) {
            HNP_TRY(pool_add(pl, e[i].surface, &str_off[3 * i + 2]));
        }
    }
    uint32_t *q = str_off + 3 * n_e;
    for (size_t i = 0; i < n_p; i++) {
        HNP_TRY(pool_add(pl, p[i].pattern, &q[3 * i]));
        HNP_TRY(pool_add(pl, p[i].registry, &q[3 * i + 1]));
        HNP_TRY(pool_add(pl, p[i].example, &q[3 * i + 2]));
    }
    return HNP_OK;
}

hnp_status hnp_lexwrite_blob(const bentry *entries, size_t n_entries, const bpattern *patterns,
                             size_t n_patterns, bstr version, void **blob, size_t *blob_len)
{
    cand *c = NULL;
    size_t n_keys = 0;
    pool pl = {0};
    uint32_t *key_off = NULL, *str_off = NULL, version_off = 0;
    uint8_t *b = NULL;
    bstr *keys = NULL;
    lextrie tr = {0};
    layout L;
    hnp_status st = collect_keys(entries, n_entries, &c, &n_keys);
    if (st != HNP_OK) {
        goto done;
    }
    key_off = calloc(n_keys + 1, sizeof *key_off);
    str_off = calloc(3 * (n_entries + n_patterns) + 1, sizeof *str_off);
    st = key_off && str_off ? HNP_OK : HNP_ERR_NOMEM;
    if (st == HNP_OK) {
        st = intern_all(&pl, version, c, n_keys, entries, n_entries, patterns, n_patterns,
                        &version_off, key_off, str_off);
    }
    if (st == HNP_OK) {
        st = (keys = calloc(n_keys + 1, sizeof *keys)) ? HNP_OK : HNP_ERR_NOMEM;
    }
    for (size_t i = 0; st == HNP_OK && i < n_keys; i++) {
        keys[i] = c[i].key;
    }
    if (st == HNP_OK) {
        st = hnp_lextrie_build(keys, key_off, n_keys, &tr);
    }
    if (st == HNP_OK) {
        st = plan(n_keys, n_entries, n_patterns, pl.b.len, &tr, &L);
    }
    if (st == HNP_OK && !(b = calloc(1, (size_t)L.total))) {
        st = HNP_ERR_NOMEM;
    }
    if (st != HNP_OK) {
        goto done;
    }
    write_header(b, &L, n_entries, n_keys, n_patterns, &tr, version_off, pl.b.len);
    write_keys(b, &L, c, n_keys, key_off);
    write_trie(b, &L, &tr, n_keys);
    write_entries(b, &L, entries, n_entries, str_off);
    write_patterns(b, &L, patterns, n_patterns, str_off + 3 * n_entries);
    memcpy(b + L.strings, pl.b.data, pl.b.len);
    put32(b + offsetof(lex_header, payload_crc),
          hnp_crc32(b + sizeof(lex_header), (size_t)L.total - sizeof(lex_header)));
    *blob = b;
    *blob_len = (size_t)L.total;
    b = NULL;
done:
    free(b);
    free(keys);
    hnp_lextrie_free(&tr);
    free(c);
    free(key_off);
    free(str_off);
    free(pl.slot);
    hnp_membuf_free(&pl.b);
    return st;
}

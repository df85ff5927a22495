/* tag_model.c -- the trained decision over the dictionary's matches.
 *
 * The dictionary pass (tag.c) proposes mentions; this file decides, per sentence, which
 * tokens are DRUG or CONDITION mentions and where they start and end: a first-order
 * linear-chain model over BIO labels (averaged structured perceptron, trained offline by
 * scripts/train_tagger.py on the NCBI Disease and BC5CDR training splits), decoded by
 * Viterbi. Token features are the word and its neighbours, affixes, shape, and the
 * dictionary's match at and around the token (label, position, id source). Features are
 * hashed into a fixed table, so the model needs no vocabulary. A mention keeps the
 * lexicon's id when the dictionary (or a lookup of the span) has the same span and label;
 * otherwise its id is "-". PROCEDURE mentions stay the dictionary's unless a model mention
 * overlaps them; TRIAL mentions always stay, and model mentions overlapping one are dropped
 * (a trial's name and its parts are never conditions).
 *
 * Layering: called by tag.c only; calls tag_match.c (id lookup), tag_abbrev.c (short forms
 * the model defines), tag_deficient.c (a deficiency's object) and tag_mentions.c. */
#include "tag_model.h"
#include "tag_internal.h"

#include "base/ascii.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { POS_U, POS_B, POS_I, POS_L };

/* A feature's 32-bit hash: template and value, multiplied and the high half taken (a
 * multiply-shift hash; the table uses its low bits, which depend on the value's low 49
 * bits: enough for 64-bit word hashes and affixes of at most five bytes). */
static inline uint32_t mix(uint64_t tmpl, uint64_t v)
{
    uint64_t x = (v ^ ((tmpl + 1) * 0x9E3779B97F4A7C15ull)) * 0xff51afd7ed558ccdull;
    return (uint32_t)(x >> 32);
}

static inline uint64_t pair(uint64_t a, uint64_t b)
{
    return (a * 0x100000001b3ull) ^ (b + 0x7f4a7c15ull);
}

/* Up to 8 bytes as one little-endian number, zero-padded. */
static inline uint64_t load_upto8(const uint8_t *s, size_t n)
{
    uint8_t b[8] = {0};
    memcpy(b, s, n < 8 ? n : 8);
    return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24 |
           (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 | (uint64_t)b[6] << 48 |
           (uint64_t)b[7] << 56;
}

/* A word's bytes hashed eight at a time (multiply and rotate), length included: cheaper
 * than a byte-wise hash for the few words per token the features need. */
static uint64_t bytes_hash(const uint8_t *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (size_t i = 0; i < n; i += 8) {
        h = (h ^ load_upto8(s + i, n - i)) * 0xff51afd7ed558ccdull;
        h ^= h >> 29;
    }
    return h;
}

/* The word's shape: A a 0 for upper, lower, digit, u for other non-ASCII bytes, other
 * ASCII as itself; runs collapsed, at most 6 symbols, packed into one number. */
#define SHAPE_ROW(c)                                                                               \
    ((c) >= 'A' && (c) <= 'Z'   ? 'A'                                                              \
     : (c) >= 'a' && (c) <= 'z' ? 'a'                                                              \
     : (c) >= '0' && (c) <= '9' ? '0'                                                              \
     : (c) >= 0x80              ? 'u'                                                              \
                                : (c))
#define SHAPE4(c)  SHAPE_ROW(c), SHAPE_ROW((c) + 1), SHAPE_ROW((c) + 2), SHAPE_ROW((c) + 3)
#define SHAPE16(c) SHAPE4(c), SHAPE4((c) + 4), SHAPE4((c) + 8), SHAPE4((c) + 12)
#define SHAPE64(c) SHAPE16(c), SHAPE16((c) + 16), SHAPE16((c) + 32), SHAPE16((c) + 48)
static const uint8_t shape_of[256] = {SHAPE64(0), SHAPE64(64), SHAPE64(128), SHAPE64(192)};
#undef SHAPE64
#undef SHAPE16
#undef SHAPE4
#undef SHAPE_ROW

static uint64_t shape_hash(const uint8_t *s, size_t n)
{
    uint64_t h = 0;
    uint8_t last = 0;
    size_t k = 0;
    for (size_t i = 0; i < n && k < 6; i++) {
        uint8_t y = shape_of[s[i]];
        if (y != last) {
            h = h << 8 | y;
            last = y;
            k++;
        }
    }
    return h;
}

/* Where the id comes from: its prefix up to ':' ("DOID", "MESH"), or its first two
 * characters ("DB" for DrugBank's DB00001). */
static uint64_t source_hash(const char *id)
{
    size_t n = 0;
    while (id[n] && id[n] != ':' && n < 8) {
        n++;
    }
    if (id[n] != ':') {
        n = id[0] && id[1] ? 2 : strlen(id);
    }
    return bytes_hash((const uint8_t *)id, n);
}

static int is_punct_tok(const tag_token *k, const uint8_t *text, uint8_t c)
{
    return k->kind == LEXTOK_PUNCT && text[k->start] == c;
}

/* The dictionary's match at each token: label and position, id source, length. */
static void dict_values(hnp_tagger *t, size_t m0)
{
    for (size_t i = 0; i < t->n_tok; i++) {
        t->mt[i].dc = 0;
        t->mt[i].src = 0;
        t->mt[i].dn = 0;
        t->mt[i].have = 0;
        t->mt[i].have_suf4 = 0;
    }
    size_t i = 0;
    for (size_t x = m0; x < t->n_m; x++) {
        const hnp_mention *m = &t->m[x];
        while (i < t->n_tok && t->tok[i].start < m->span.start) {
            i++;
        }
        size_t a = i;
        while (i < t->n_tok && t->tok[i].end <= m->span.end) {
            i++;
        }
        size_t n = i - a;
        uint64_t src = source_hash(m->id ? m->id : "");
        for (size_t j = a; j < i; j++) {
            int pos = n == 1 ? POS_U : j == a ? POS_B : j + 1 == i ? POS_L : POS_I;
            t->mt[j].dc = 1 + (unsigned)m->label * 4 + (unsigned)pos;
            t->mt[j].src = src;
            t->mt[j].dn = n < 4 ? (unsigned)n : 4;
        }
    }
}

/* Prefix (k > 0) or suffix (k < 0) of at most 7 bytes of the folded word, as a number:
 * its bytes little-endian, zero-padded, with k in the top byte. One unaligned load: the
 * fold buffer keeps 8 bytes of slack after its end (tag.c) and holds the sentence's words
 * from offset 0, so the 8 bytes before a word's end exist when it ends at 8 or later. */
static uint64_t affix(const hnp_tagger *t, size_t i, int k)
{
    const tag_token *tk = &t->tok[i];
    const uint8_t *w = t->fold.data + tk->fold_off;
    size_t n = (size_t)(k > 0 ? k : -k), end = tk->fold_off + tk->fold_len;
    if (n > tk->fold_len) {
        n = tk->fold_len;
    }
    uint64_t v;
    if (k > 0) {
        memcpy(&v, w, 8);
        v &= (UINT64_C(1) << (8 * n)) - 1;
    } else if (end >= 8) {
        memcpy(&v, t->fold.data + end - 8, 8);
        v = n ? v >> (8 * (8 - n)) : 0;
    } else {
        v = load_upto8(w + tk->fold_len - n, n);
    }
    return v | (uint64_t)(k & 0xff) << 56;
}

/* The folded word's last eight bytes as one number, the last byte in the top byte (bytes
 * before the word, or zeros, below it when the word is shorter): every suffix feature is a
 * shift of it (suffix), so the word is loaded once for all of them. */
static uint64_t tail8(const hnp_tagger *t, size_t i)
{
    const tag_token *tk = &t->tok[i];
    size_t end = tk->fold_off + tk->fold_len;
    uint64_t v;
    if (end >= 8) {
        memcpy(&v, t->fold.data + end - 8, 8);
        return v;
    }
    return end ? load_upto8(t->fold.data, end) << (8 * (8 - end)) : 0;
}

/* The value affix(t, i, -k) from the token's tail8 and folded length. */
static inline uint64_t suffix(uint64_t tail, size_t len, int k)
{
    size_t n = (size_t)k < len ? (size_t)k : len;
    return (n ? tail >> (8 * (8 - n)) : 0) | (uint64_t)(-k & 0xff) << 56;
}

/* The templates that look at the token's own bytes alone (0: the bias): the same features
 * wherever the word occurs. c->shape must be set. */
static void word_feats(const hnp_tagger *t, size_t i, uint32_t *f)
{
    const tag_mtok *c = &t->mt[i];
    uint64_t tail = tail8(t, i);
    size_t flen = t->tok[i].fold_len;
    f[0] = mix(0, 0);
    f[1] = mix(1, c->w);
    f[6] = mix(6, affix(t, i, 3));
    f[7] = mix(7, suffix(tail, flen, 2));
    f[8] = mix(8, suffix(tail, flen, 3));
    f[9] = c->have_suf4 ? c->suf4 : mix(9, suffix(tail, flen, 4));
    f[10] = mix(10, c->shape);
    f[20] = mix(20, suffix(tail, flen, 5));
}

/* The templates of the token's dictionary match (its dc, src, dn) with the word: of the word
 * alone when the dictionary did not match it (dc, src, dn 0). */
static void match_feats(const hnp_tagger *t, size_t i, const tag_mtok *c, uint32_t *f)
{
    uint64_t suf3 = suffix(tail8(t, i), t->tok[i].fold_len, 3);
    f[12] = mix(12, c->dc);
    f[15] = mix(15, pair(c->dc, c->src));
    f[16] = mix(16, pair(c->dc, c->dn));
    f[17] = mix(17, pair(c->dc, c->w));
    f[21] = mix(21, pair(c->dc, suf3));
}

/* The templates that look at the neighbours (their words, shapes, matches) or at the
 * token's place among them (glued, in brackets). */
static void context_feats(const hnp_tagger *t, const uint8_t *text, size_t i, uint32_t *f)
{
    static const tag_mtok edge[2] = {{.w = 1, .raw = 1, .shape = 1, .have = 1},
                                     {.w = 2, .raw = 2, .shape = 2, .have = 1}};
    const tag_mtok *c = &t->mt[i];
    const tag_mtok *p1 = i > 0 ? &t->mt[i - 1] : &edge[0];
    const tag_mtok *n1 = i + 1 < t->n_tok ? &t->mt[i + 1] : &edge[1];
    const tag_token *k = &t->tok[i];
    size_t len = k->end - k->start;
    uint64_t paren = i > 0 && i + 1 < t->n_tok && is_punct_tok(&t->tok[i - 1], text, '(') &&
                     is_punct_tok(&t->tok[i + 1], text, ')');
    uint64_t glued_next = i + 1 < t->n_tok && t->tok[i + 1].glued;
    uint64_t form = (len < 3    ? len
                     : len < 6  ? 3
                     : len < 10 ? 4
                                : 5) *
                        8 +
                    (uint64_t)k->glued * 4 + glued_next * 2 + paren;
    f[2] = mix(2, p1->w);
    f[3] = mix(3, n1->w);
    f[4] = mix(4, pair(p1->w, c->w));
    f[5] = mix(5, pair(c->w, n1->w));
    f[11] = mix(11, pair(pair(p1->shape, c->shape), n1->shape));
    f[18] = mix(18, pair(form, c->shape));
}

/* The dictionary's matches (dc) at the tokens before and after token i (0 at the edges). */
static void near_dc(const hnp_tagger *t, size_t i, unsigned *p, unsigned *n)
{
    *p = i > 0 ? t->mt[i - 1].dc : 0;
    *n = i + 1 < t->n_tok ? t->mt[i + 1].dc : 0;
}

/* The templates of the dictionary's matches at a token (c) and its neighbours (p, n): the
 * same features wherever the three have none (hnp_tagger.near0). */
static void near_match_feats(unsigned p, unsigned c, unsigned n, uint32_t *f)
{
    f[13] = mix(13, p);
    f[14] = mix(14, n);
    f[19] = mix(19, pair(pair(p, c), n));
}

/* Every template of token i, in template order (the trace's and the trainer's). */
static void feature_row(const hnp_tagger *t, const uint8_t *text, size_t i, uint32_t *f)
{
    word_feats(t, i, f);
    match_feats(t, i, &t->mt[i], f);
    context_feats(t, text, i, f);
    unsigned p, n;
    near_dc(t, i, &p, &n);
    near_match_feats(p, t->mt[i].dc, n, f);
}

/* Eight 16-bit lanes: one row of the table (TAG_MODEL_LABELS used) is added with one
 * vector add; the table is padded so the last row can be read as eight. Unsigned, so that
 * sums in any order wrap alike: the word's share of a token's scores is summed apart from
 * the rest (word_sums) and must give the reference's total to the bit. */
typedef uint16_t v8u16 __attribute__((vector_size(16)));

static inline v8u16 row(uint32_t f)
{
    const tag_model_table *mt = &hnp_tag_model_table;
    v8u16 r;
    memcpy(&r, mt->w + (size_t)(f & ((1u << mt->bits) - 1)) * TAG_MODEL_LABELS, sizeof r);
    return r;
}

static void scores_out(v8u16 acc, int32_t *em)
{
    for (int y = 0; y < TAG_MODEL_LABELS; y++) {
        em[y] = (int16_t)acc[y]; /* the trainer bounds the weights so that the sum fits */
    }
}

/* The templates each group of feature_row fills: the word's own bytes (word_feats), its
 * dictionary match (match_feats), its neighbours (context_feats) and their matches
 * (near_match_feats). The cache's sums (word_sums, emissions_cached) add a group's rows. */
static const uint8_t word_templates[] = {0, 1, 6, 7, 8, 9, 10, 20};
static const uint8_t match_templates[] = {12, 15, 16, 17, 21};
static const uint8_t context_templates[] = {2, 3, 4, 5, 11, 18};
static const uint8_t near_templates[] = {13, 14, 19};
_Static_assert(sizeof word_templates + sizeof match_templates + sizeof context_templates +
                       sizeof near_templates ==
                   TAG_MODEL_FEATURES,
               "the groups hold as many templates as feature_row fills");

/* The sum of the rows of the templates which[0..n-1] of f. */
static inline v8u16 group_rows(const uint32_t *f, const uint8_t *which, size_t n)
{
    v8u16 acc = {0};
#pragma GCC unroll 8
    for (size_t x = 0; x < n; x++) {
        acc += row(f[which[x]]);
    }
    return acc;
}

#define GROUP_ROWS(f, which) group_rows((f), (which), sizeof(which))

/* The emission scores of one token's features, into em[TAG_MODEL_LABELS]: the reference. */
static void emissions(const uint32_t *f, int32_t *em)
{
    v8u16 acc = {0};
#pragma GCC unroll 22
    for (size_t x = 0; x < TAG_MODEL_FEATURES; x++) {
        acc += row(f[x]);
    }
    scores_out(acc, em);
}

/* The rows of near_match_feats. */
static v8u16 near_match_rows(unsigned p, unsigned c, unsigned n)
{
    uint32_t f[TAG_MODEL_FEATURES];
    near_match_feats(p, c, n, f);
    return GROUP_ROWS(f, near_templates);
}

/* The word's share of the scores of token i (shape set): the rows of word_feats into ws,
 * and with them those of match_feats for no dictionary match into ws0. */
static void word_sums(const hnp_tagger *t, size_t i, uint16_t *ws, uint16_t *ws0)
{
    uint32_t f[TAG_MODEL_FEATURES];
    tag_mtok none = t->mt[i];
    none.dc = 0;
    none.src = 0;
    none.dn = 0;
    word_feats(t, i, f);
    match_feats(t, i, &none, f);
    v8u16 w = GROUP_ROWS(f, word_templates);
    v8u16 w0 = w + GROUP_ROWS(f, match_templates);
    memcpy(ws, &w, sizeof w);
    memcpy(ws0, &w0, sizeof w0);
}

/* Token i's emission scores from its word's share (word_values) and the rest of its
 * templates: the same as emissions() over feature_row. */
static void emissions_cached(const hnp_tagger *t, const uint8_t *text, size_t i, int32_t *em)
{
    const tag_mtok *c = &t->mt[i];
    uint32_t f[TAG_MODEL_FEATURES];
    v8u16 acc;
    context_feats(t, text, i, f);
    if (c->dc == 0) {
        memcpy(&acc, c->ws0, sizeof acc);
    } else {
        match_feats(t, i, c, f);
        memcpy(&acc, c->ws, sizeof acc);
        acc += GROUP_ROWS(f, match_templates);
    }
    acc += GROUP_ROWS(f, context_templates);
    unsigned p, n;
    near_dc(t, i, &p, &n);
    if ((p | c->dc | n) == 0) {
        v8u16 near0;
        memcpy(&near0, t->near0, sizeof near0);
        acc += near0;
    } else {
        acc += near_match_rows(p, c->dc, n);
    }
    scores_out(acc, em);
}

/* The cache's key of a word of 1..16 bytes: two loads that together cover every byte (they
 * overlap when n < 16), so with n the key is the word. */
static void word_key(const uint8_t *s, size_t n, uint64_t *key)
{
    if (n >= 8) {
        memcpy(&key[0], s, 8);
        memcpy(&key[1], s + n - 8, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        key[0] = a;
        key[1] = b;
    } else {
        key[0] = (uint64_t)s[0] | (uint64_t)s[n / 2] << 8 | (uint64_t)s[n - 1] << 16;
        key[1] = 0;
    }
}

/* Token i's shape and word sums (word_sums) from the cache, computed into it on a miss.
 * A token's shape and sums depend on its bytes alone (its folded form and hash are made
 * from them: lexicon_key.h), and most tokens repeat a word met before. Words longer than
 * 16 bytes are rare: computed. */
static void cached_word(hnp_tagger *t, const uint8_t *text, size_t i)
{
    tag_mtok *v = &t->mt[i];
    const tag_token *k = &t->tok[i];
    const uint8_t *s = text + k->start;
    size_t n = k->end - k->start;
    if (n > 16) {
        v->shape = shape_hash(s, n);
        word_sums(t, i, v->ws, v->ws0);
        return;
    }
    uint64_t key[2];
    word_key(s, n, key);
    uint64_t h = (key[0] * 0x9E3779B97F4A7C15ull) ^ ((key[1] + n) * 0xff51afd7ed558ccdull);
    tag_wslot *e = &t->wcache[(h >> 32) & (TAG_WCACHE_SLOTS - 1)];
    if (e->n != n || e->key[0] != key[0] || e->key[1] != key[1]) {
        v->shape = shape_hash(s, n);
        word_sums(t, i, v->ws, v->ws0);
        e->key[0] = key[0];
        e->key[1] = key[1];
        e->n = (uint32_t)n;
        e->shape = v->shape;
        memcpy(e->ws, v->ws, sizeof e->ws);
        memcpy(e->ws0, v->ws0, sizeof e->ws0);
        return;
    }
    v->shape = e->shape;
    memcpy(v->ws, e->ws, sizeof v->ws);
    memcpy(v->ws0, e->ws0, sizeof v->ws0);
}

/* The word's values, computed once per token and only where a feature needs them: with
 * its share of the scores (sums: the cache's path) or without (the reference's). */
static void word_values(hnp_tagger *t, const uint8_t *text, size_t i, int sums)
{
    tag_mtok *v = &t->mt[i];
    if (v->have) {
        return;
    }
    v->w = t->tok[i].hash;
    if (sums) {
        cached_word(t, text, i);
    } else {
        v->shape = shape_hash(text + t->tok[i].start, t->tok[i].end - t->tok[i].start);
    }
    v->have = 1;
}

_Static_assert(TAG_MODEL_LABELS == 5, "decode's step is written out for five labels");

/* Four int32 lanes: labels 0..3 of one Viterbi step at once (label 4 alone). */
typedef int32_t v4i32 __attribute__((vector_size(16)));

static inline v4i32 load4(const int32_t *p)
{
    v4i32 v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* One Viterbi step: for each label y the best previous label, the first p of the highest
 * prev[p] + tr[p][y], into bp[y], and its score plus em[y] into cur[y]. */
static inline void step(const int32_t *prev, const int32_t *tr, const int32_t *em, int32_t *cur,
                        uint8_t *bp)
{
    v4i32 best = prev[0] + load4(tr), arg = {0, 0, 0, 0};
    int32_t best4 = prev[0] + tr[4];
    uint8_t arg4 = 0;
#pragma GCC unroll 4
    for (int p = 1; p < TAG_MODEL_LABELS; p++) {
        v4i32 sc = prev[p] + load4(tr + p * TAG_MODEL_LABELS);
        v4i32 up = sc > best; /* all ones where p is strictly better: the first p wins ties */
        best = (sc & up) | (best & ~up);
        arg = (up & p) | (arg & ~up);
        int32_t s4 = prev[p] + tr[p * TAG_MODEL_LABELS + 4];
        if (s4 > best4) {
            best4 = s4;
            arg4 = (uint8_t)p;
        }
    }
    best += load4(em);
    memcpy(cur, &best, sizeof best);
    cur[4] = best4 + em[4];
    for (int y = 0; y < 4; y++) {
        bp[y] = (uint8_t)arg[y];
    }
    bp[4] = arg4;
}

/* Viterbi over tokens a..b-1 (a region; the token before it, if any, is O); writes the
 * labels into t->my. Forbidden transitions (O -> I-X) carry a large penalty in trans. */
static void decode(hnp_tagger *t, size_t a, size_t b)
{
    const int32_t *tr = hnp_tag_model_table.trans;
    int32_t prev[TAG_MODEL_LABELS], cur[TAG_MODEL_LABELS];
    const int32_t *first = tr + (a == 0 ? TAG_MODEL_LABELS : TAG_Y_O) * TAG_MODEL_LABELS;
    const int32_t *em = t->mem + a * TAG_MODEL_LABELS;
    for (int y = 0; y < TAG_MODEL_LABELS; y++) {
        prev[y] = first[y] + em[y];
    }
    for (size_t i = a + 1; i < b; i++) {
        em = t->mem + i * TAG_MODEL_LABELS;
        uint8_t *bp = t->mbp + i * TAG_MODEL_LABELS;
        step(prev, tr, em, cur, bp);
        for (int y = 0; y < TAG_MODEL_LABELS; y++) {
            prev[y] = cur[y] - cur[TAG_Y_O]; /* bounded, whatever the sentence's length */
        }
    }
    int y = 0;
    for (int p = 1; p < TAG_MODEL_LABELS; p++) {
        if (prev[p] > prev[y]) {
            y = p;
        }
    }
    for (size_t i = b; i-- > a;) {
        t->my[i] = (uint8_t)y;
        y = t->mbp[i * TAG_MODEL_LABELS + (size_t)y];
    }
}

static hnp_status reserve(hnp_tagger *t)
{
    size_t n = t->n_tok;
    HNP_TRY(hnp_tag_grow((void **)&t->mt, &t->cap_mt, n, sizeof *t->mt));
    HNP_TRY(hnp_tag_grow((void **)&t->my, &t->cap_my, n, 1));
    HNP_TRY(hnp_tag_grow((void **)&t->mbp, &t->cap_mbp, n * TAG_MODEL_LABELS, 1));
    HNP_TRY(hnp_tag_grow((void **)&t->mem, &t->cap_mem, n * TAG_MODEL_LABELS, sizeof *t->mem));
    if (t->trace) {
        HNP_TRY(hnp_tag_grow((void **)&t->mf, &t->cap_mf, n * TAG_MODEL_FEATURES, sizeof *t->mf));
    }
    return HNP_OK;
}

/* The id and name of a model mention over tokens a..b with label: the dictionary's when it
 * found the same span, else the lexicon's term for exactly this span, else "-". */
static hnp_status span_id(hnp_tagger *t, const uint8_t *text, size_t m0, size_t m1, size_t a,
                          size_t b, hnp_entity_label label, const char **id, const char **name)
{
    for (size_t x = m0; x < m1; x++) {
        const hnp_mention *m = &t->m[x];
        if (m->span.start == t->tok[a].start && m->span.end == t->tok[b].end && m->label == label) {
            *id = m->id;
            *name = m->name;
            return HNP_OK;
        }
    }
    tag_match m;
    HNP_TRY(hnp_tag_match_at(t, text, a, t->tok[b].end, 0, &m));
    if (m.ntok == b - a + 1 && m.label == label) {
        *id = m.id;
        *name = m.name;
    } else {
        *id = "-";
        *name = "-";
    }
    return HNP_OK;
}

/* Whether tokens a..b are written with a capital and small letters ("Fever", "Flu"), not
 * as an acronym ("PDTC", "H5N1"), whose label the corpora disagree on. */
static int capitalised(const hnp_tagger *t, const uint8_t *text, size_t a, size_t b)
{
    int upper = 0, lower = 0;
    for (size_t i = t->tok[a].start; i < t->tok[b].end; i++) {
        upper |= hnp_ascii_is(text[i], HNP_ASCII_UPPER);
        lower |= hnp_ascii_is(text[i], HNP_ASCII_LOWER);
    }
    return upper && lower;
}

/* Whether a capital at token a says nothing: a opens its sentence (no word before it), or
 * the sentence is a headline in title case ("Doctors Warn Of Measles Outbreak As Fever
 * Cases Rise"): it has three words of four letters or more and each starts with a capital
 * (on the training splits 25 sentences of about 12,600 are so: names of study groups,
 * references; a list of names, "the likes of Kanu, Lauren, Papa Bouba Diop", is not). */
static int capital_says_nothing(const hnp_tagger *t, const uint8_t *text, size_t a)
{
    size_t i = 0, words = 0, caps = 0;
    while (i < a && t->tok[i].kind != LEXTOK_WORD) {
        i++;
    }
    if (i == a) {
        return 1;
    }
    for (i = 0; i < t->n_tok; i++) {
        const tag_token *k = &t->tok[i];
        if (k->kind == LEXTOK_WORD && k->end - k->start >= 4 &&
            hnp_ascii_is(text[k->start], HNP_ASCII_UPPER | HNP_ASCII_LOWER)) {
            words++;
            caps += (size_t)hnp_ascii_is(text[k->start], HNP_ASCII_UPPER);
        }
    }
    return words >= 3 && caps == words;
}

/* A condition word opening a sentence or inside a headline that the model calls a drug
 * ("Fever rose in the camp", "Acne Drug Linked To ...", "Doctors Warn Of Measles Outbreak"):
 * PubMed's capitalised words are often brand and chemical names, so the model leans to DRUG
 * for a capitalised word it met rarely so. A span that is no drug term and exactly a
 * condition term is the condition. Only where the capital says nothing (capital_says_nothing):
 * inside a sentence of prose a capitalised condition term is as often a gene ("Dmd") or an
 * organism ("Salmonella"), which NCBI does not mark (on its training split the rule anywhere
 * added 10 such mentions, at the start 2; BC5CDR none). Sets *label, *id, *name when so. */
static hnp_status condition_not_drug(hnp_tagger *t, const uint8_t *text, size_t a, size_t b,
                                     hnp_entity_label *label, const char **id, const char **name)
{
    if (*label != HNP_LABEL_DRUG || strcmp(*id, "-") != 0 || !capitalised(t, text, a, b) ||
        !capital_says_nothing(t, text, a)) {
        return HNP_OK;
    }
    tag_match m;
    HNP_TRY(hnp_tag_match_at(t, text, a, t->tok[b].end, 0, &m));
    if (m.ntok == b - a + 1 && m.label == HNP_LABEL_CONDITION && !m.ctx) {
        *label = HNP_LABEL_CONDITION;
        *id = m.id;
        *name = m.name;
    }
    return HNP_OK;
}

/* How sure the model is of the span at tokens a..b: the least margin, over its tokens, of
 * the token's label over O in the emission scores. */
static int32_t span_margin(const hnp_tagger *t, size_t a, size_t b)
{
    int32_t least = INT32_MAX;
    for (size_t i = a; i <= b; i++) {
        const int32_t *em = t->mem + i * TAG_MODEL_LABELS;
        int32_t d = em[t->my[i]] - em[TAG_Y_O];
        least = d < least ? d : least;
    }
    return least;
}

/* Whether tokens a..b hold half a bracket pair, counted over their bytes (chemical names
 * hold brackets inside words: "2(5H)-furanone"). *open gets the token of the first "(" or
 * "[" left open, SIZE_MAX when a ")" or "]" closes one opened before token a. No gold
 * mention of either training split holds an unpaired bracket; the model's span sometimes
 * runs over one ("human immunodeficiency virus (HIV", "DPD) deficiency"). */
static int unbalanced_bracket(const hnp_tagger *t, const uint8_t *text, size_t a, size_t b,
                              size_t *open)
{
    size_t depth = 0;
    *open = SIZE_MAX;
    for (size_t i = a; i <= b; i++) {
        for (size_t x = t->tok[i].start; x < t->tok[i].end; x++) {
            if (text[x] == '(' || text[x] == '[') {
                *open = depth++ == 0 ? i : *open;
            } else if (text[x] == ')' || text[x] == ']') {
                if (depth == 0) {
                    *open = SIZE_MAX;
                    return 1;
                }
                depth--;
            }
        }
    }
    return depth > 0;
}

/* The model's spans as mentions, after the dictionary's mentions m0..m1-1 of this
 * sentence (which tag_model_merge then replaces). */
static hnp_status emit_spans(hnp_tagger *t, const uint8_t *text, size_t m0, size_t m1)
{
    for (size_t i = 0; i < t->n_tok;) {
        int y = t->my[i];
        if (y == TAG_Y_O) {
            i++;
            continue;
        }
        int in = y == TAG_Y_BD || y == TAG_Y_ID ? TAG_Y_ID : TAG_Y_IC;
        size_t b = i;
        while (b + 1 < t->n_tok && t->my[b + 1] == in) {
            b++;
        }
        size_t open;
        if (in == TAG_Y_IC && unbalanced_bracket(t, text, i, b, &open) &&
            (open == SIZE_MAX || t->tok[open].kind == LEXTOK_PUNCT)) {
            /* A condition over "virus (HIV": two spans, the bracket in neither; over
             * "cytolytic) hepatitis", which starts inside a bracket it runs out of: none (on
             * the training part its rest was a mention 1 time in 11, "49) deficiency"). Not
             * drugs: their spans grow after the model (tag_chem.c), "(R)-alpha-..." from
             * "R)-alpha-...". */
            size_t from = open == SIZE_MAX ? i : open, to = open == SIZE_MAX ? b : open;
            memset(t->my + from, TAG_Y_O, to + 1 - from);
            if (to < b) {
                t->my[to + 1] = TAG_Y_BC; /* in is TAG_Y_IC here */
            }
            continue; /* the tokens from i on again, as now labelled */
        }
        hnp_entity_label label = in == TAG_Y_ID ? HNP_LABEL_DRUG : HNP_LABEL_CONDITION;
        if (label == HNP_LABEL_CONDITION && hnp_tag_two_conditions(t, i, b)) {
            t->my[i + 1] = TAG_Y_O; /* "nausea and vomiting": two mentions */
            t->my[b] = TAG_Y_BC;
            b = i;
        }
        int sure = span_margin(t, i, b) >= TAG_SURE_MARGIN;
        if (label == HNP_LABEL_CONDITION) {
            b = hnp_tag_deficiency_end(t, text, i, b); /* tokens past b may hold no scores */
        }
        size_t a = i;
        if (label == HNP_LABEL_CONDITION && i > 0 && t->my[i - 1] == TAG_Y_O) {
            a = hnp_tag_organ_start(t, i); /* "renal papillary necrosis" */
        }
        const char *id, *name;
        HNP_TRY(span_id(t, text, m0, m1, a, b, label, &id, &name));
        HNP_TRY(condition_not_drug(t, text, a, b, &label, &id, &name));
        HNP_TRY(hnp_tag_emit(t, t->tok[a].start, t->tok[b].end, label, id, name, SIZE_MAX));
        t->m_keep[t->n_m - 1] =
            (unsigned char)((sure ? TAG_M_SURE : 0) | (a < i ? TAG_M_ORGAN : 0));
        /* "nephrotoxicity (NT)": later uses of NT are candidates too. */
        HNP_TRY(hnp_tag_abbrev_learn(t, text, &t->m[t->n_m - 1], b + 1));
        i = b + 1;
    }
    return HNP_OK;
}

static int overlaps_any(const hnp_mention *m, const hnp_mention *set, size_t n)
{
    for (size_t x = 0; x < n; x++) {
        if (m->span.start < set[x].span.end && set[x].span.start < m->span.end) {
            return 1;
        }
    }
    return 0;
}

/* Whether m overlaps one of the n mentions of set that is a TRIAL. */
static int overlaps_trial(const hnp_mention *m, const hnp_mention *set, size_t n)
{
    for (size_t x = 0; x < n; x++) {
        if (set[x].label == HNP_LABEL_TRIAL && m->span.start < set[x].span.end &&
            set[x].span.start < m->span.end) {
            return 1;
        }
    }
    return 0;
}

/* Replaces the dictionary's mentions m0..m1-1 by the model's (m1..n_m-1) plus the
 * dictionary's TRIAL and PROCEDURE mentions, and its "keep" terms (curated news terms such
 * as drug classes, which the training corpora rarely annotate), that no model mention
 * overlaps, in order. A TRIAL mention wins over the model's mentions that overlap it. */
static hnp_status merge(hnp_tagger *t, size_t m0, size_t m1)
{
    size_t n_model = t->n_m - m1, n = 0;
    HNP_TRY(hnp_tag_grow((void **)&t->mm, &t->cap_mm, t->n_m - m0, sizeof *t->mm));
    HNP_TRY(hnp_tag_grow((void **)&t->mm_id, &t->cap_mm_id, t->n_m - m0, sizeof *t->mm_id));
    HNP_TRY(hnp_tag_grow((void **)&t->mm_keep, &t->cap_mm_keep, t->n_m - m0, 1));
    size_t d = m0, e = m1;
    while (d < m1 || e < t->n_m) {
        int take_dict = d < m1 && (e == t->n_m || t->m[d].span.start < t->m[e].span.start);
        size_t x = take_dict ? d++ : e++;
        int decided = (t->m[x].label == HNP_LABEL_DRUG || t->m[x].label == HNP_LABEL_CONDITION) &&
                      !(t->m_keep[x] & TAG_M_KEEP);
        int trial = take_dict && t->m[x].label == HNP_LABEL_TRIAL;
        if (take_dict && !trial && (decided || overlaps_any(&t->m[x], t->m + m1, n_model))) {
            continue;
        }
        if (!take_dict && overlaps_trial(&t->m[x], t->m + m0, m1 - m0)) {
            continue; /* a trial's name, or a part of it, is never a drug or condition */
        }
        t->mm[n] = t->m[x];
        t->mm_keep[n] = t->m_keep[x];
        t->mm_id[n++] = t->m_id[x];
    }
    if (n > 0) { /* with no mentions the arrays may still be NULL: memcpy(NULL, ...) is UB */
        memcpy(t->m + m0, t->mm, n * sizeof *t->mm);
        memcpy(t->m_id + m0, t->mm_id, n * sizeof *t->mm_id);
        memcpy(t->m_keep + m0, t->mm_keep, n);
    }
    t->n_m = m0 + n;
    return HNP_OK;
}

/* Whether h is one of the trigger hashes (sorted): among those with its top byte
 * (trig_at, index_triggers: two or three of them) or, for the reference, by bisection. */
static int trigger_hash(const hnp_tagger *t, uint32_t h)
{
    const tag_model_table *mt = &hnp_tag_model_table;
    size_t lo = 0, hi = mt->n_trig;
    if (t->have_trig_at && !t->ref_model) {
        for (size_t x = t->trig_at[h >> 24]; x < t->trig_at[(h >> 24) + 1]; x++) {
            if (mt->trig[x] == h) {
                return 1;
            }
        }
        return 0;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mt->trig[mid] < h) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < mt->n_trig && mt->trig[lo] == h;
}

/* trig_at[b]: the first trigger hash whose top byte is b or more. */
static void index_triggers(hnp_tagger *t)
{
    const tag_model_table *mt = &hnp_tag_model_table;
    size_t x = 0;
    for (unsigned b = 0; b <= 256; b++) {
        while (x < mt->n_trig && mt->trig[x] >> 24 < b) {
            x++;
        }
        t->trig_at[b] = (uint32_t)x;
    }
    t->have_trig_at = 1;
}

/* A token the model must look at although the dictionary matched nothing near it: its
 * last four letters are among the trainer's trigger suffixes ("-city", "-emia"). */
static int is_trigger(hnp_tagger *t, size_t i)
{
    const tag_model_table *mt = &hnp_tag_model_table;
    if (t->tok[i].kind != LEXTOK_WORD || t->tok[i].fold_len < 4) {
        return 0;
    }
    uint32_t h = mix(9, affix(t, i, -4));
    t->mt[i].suf4 = h; /* the token's feature 9, if it is looked at */
    t->mt[i].have_suf4 = 1;
    if (!((mt->trig_bits[(h >> 20) & 127] >> ((h >> 27) & 31)) & 1)) {
        return 0; /* a bitmap of the triggers' hashes turns most words away */
    }
    return trigger_hash(t, h);
}

/* Marks in t->my (1 = look) the tokens the model decides on: those within
 * TAG_MODEL_LEFT before and TAG_MODEL_RIGHT after a dictionary match, or
 * TAG_MODEL_TRIG_RIGHT after a trigger token. Every other token is O without computing its
 * features: most of a text is far from any candidate, and this is where the model's cost goes. */
static size_t mark_regions(hnp_tagger *t)
{
    size_t n = t->n_tok, reach = 0, marked = 0;
    memset(t->my, 0, n);
    for (size_t i = 0; i < n; i++) {
        size_t right = 0;
        if (t->trace || t->mt[i].dc) {
            right = TAG_MODEL_RIGHT + 1;
        } else if (is_trigger(t, i)) {
            right = TAG_MODEL_TRIG_RIGHT + 1;
        }
        if (right) {
            size_t a = i >= TAG_MODEL_LEFT ? i - TAG_MODEL_LEFT : 0;
            for (size_t j = a; j <= i; j++) {
                marked += !t->my[j];
                t->my[j] = 1;
            }
            reach = i + right > reach ? i + right : reach;
        } else if (i < reach) {
            marked += !t->my[i];
            t->my[i] = 1;
        }
    }
    return marked;
}
/* Token i's features (kept for the trace) and, when the model is usable, its emission
 * scores: with the cache of words (cached: the word's share of the scores taken whole),
 * else every template computed. */
static void features(hnp_tagger *t, const uint8_t *text, size_t i, int usable, int cached)
{
    size_t a = i >= 1 ? i - 1 : 0, b = i + 2 < t->n_tok ? i + 2 : t->n_tok;
    for (size_t j = a; j < b; j++) {
        word_values(t, text, j, cached);
    }
    if (cached) {
        emissions_cached(t, text, i, t->mem + i * TAG_MODEL_LABELS);
        return;
    }
    uint32_t f[TAG_MODEL_FEATURES];
    feature_row(t, text, i, f);
    if (t->trace) {
        memcpy(t->mf + i * TAG_MODEL_FEATURES, f, sizeof f);
    }
    if (usable) {
        emissions(f, t->mem + i * TAG_MODEL_LABELS);
    }
}

static hnp_status trace_sentence(hnp_tagger *t)
{
    HNP_TRY(
        hnp_tag_grow((void **)&t->trace_tok, &t->cap_trace_tok, t->n_tok, sizeof *t->trace_tok));
    for (size_t i = 0; i < t->n_tok; i++) {
        t->trace_tok[i] = (hnp_span){t->tok[i].start, t->tok[i].end};
    }
    t->trace(t->trace_ctx, t->trace_tok, t->n_tok, t->mf, TAG_MODEL_FEATURES);
    return HNP_OK;
}

hnp_status hnp_tag_model_sentence(hnp_tagger *t, const uint8_t *text, size_t m0)
{
    const int usable = t->model && hnp_tag_model_table.version == TAG_MODEL_VERSION;
    if (t->n_tok == 0 || (!usable && !t->trace)) {
        return HNP_OK;
    }
    HNP_TRY(reserve(t));
    dict_values(t, m0);
    if (!t->have_trig_at) {
        index_triggers(t);
    }
    if (!mark_regions(t)) {
        return HNP_OK; /* no match and no trigger: nothing to decide */
    }
    /* The trace needs every feature, not their sums. */
    const int cached = usable && !t->trace && !t->ref_model;
    if (cached && !t->wcache) {
        t->wcache = calloc(TAG_WCACHE_SLOTS, sizeof *t->wcache);
        if (!t->wcache) {
            return HNP_ERR_NOMEM;
        }
        v8u16 near0 = near_match_rows(0, 0, 0);
        memcpy(t->near0, &near0, sizeof near0);
    }
    for (size_t i = 0; i < t->n_tok; i++) {
        if (t->my[i]) {
            features(t, text, i, usable, cached);
        }
    }
    if (t->trace) {
        HNP_TRY(trace_sentence(t));
    }
    if (!usable) {
        return HNP_OK;
    }
    for (size_t a = 0; a < t->n_tok;) {
        if (!t->my[a]) {
            a++;
            continue;
        }
        size_t b = a;
        while (b < t->n_tok && t->my[b]) {
            b++;
        }
        decode(t, a, b); /* overwrites the marks of a..b-1 with labels */
        a = b;
    }
    size_t m1 = t->n_m;
    HNP_TRY(emit_spans(t, text, m0, m1));
    return merge(t, m0, m1);
}

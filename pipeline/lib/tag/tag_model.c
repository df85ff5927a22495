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
 * otherwise its id is "-". TRIAL and PROCEDURE mentions stay the dictionary's unless a
 * model mention overlaps them.
 *
 * Layering: called by tag.c only; calls tag_match.c (id lookup) and tag_mentions.c. */
#include "tag_model.h"
#include "tag_internal.h"

#include <stdlib.h>
#include <string.h>

enum { POS_U, POS_B, POS_I, POS_L };

static inline uint32_t mix(uint64_t tmpl, uint64_t v)
{
    uint64_t x = v ^ ((tmpl + 1) * 0x9E3779B97F4A7C15ull);
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return (uint32_t)x;
}

static inline uint64_t pair(uint64_t a, uint64_t b)
{
    return (a * 0x100000001b3ull) ^ (b + 0x7f4a7c15ull);
}

/* The word's shape: A a 0 for upper, lower, digit, u for other non-ASCII bytes, other
 * ASCII as itself; runs collapsed, at most 6 symbols. */
static uint64_t shape_hash(const uint8_t *s, size_t n)
{
    uint64_t h = LEXKEY_HASH_INIT;
    uint8_t last = 0;
    size_t k = 0;
    for (size_t i = 0; i < n && k < 6; i++) {
        uint8_t c = s[i];
        uint8_t y = (c >= 'A' && c <= 'Z')   ? 'A'
                    : (c >= 'a' && c <= 'z') ? 'a'
                    : (c >= '0' && c <= '9') ? '0'
                    : c >= 0x80              ? 'u'
                                             : c;
        if (y != last) {
            h = lexkey_hash(h, &y, 1);
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
    return lexkey_hash(LEXKEY_HASH_INIT, (const uint8_t *)id, n);
}

static int is_punct_tok(const tag_token *k, const uint8_t *text, uint8_t c)
{
    return k->kind == LEXTOK_PUNCT && text[k->start] == c;
}

/* Per-token values the templates combine: word hashes, shape and the dictionary's match. */
static void token_values(hnp_tagger *t, const uint8_t *text, size_t m0)
{
    for (size_t i = 0; i < t->n_tok; i++) {
        const tag_token *k = &t->tok[i];
        tag_mtok *v = &t->mt[i];
        const uint8_t *w = t->fold.data + k->fold_off;
        v->w = lexkey_hash(LEXKEY_HASH_INIT, w, k->fold_len);
        v->raw = lexkey_hash(LEXKEY_HASH_INIT, text + k->start, k->end - k->start);
        v->shape = shape_hash(text + k->start, k->end - k->start);
        v->dc = 0;
        v->src = 0;
        v->dn = 0;
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

/* Prefix (k > 0) or suffix (k < 0) of the folded word, hashed. */
static uint64_t affix(const hnp_tagger *t, size_t i, int k)
{
    const tag_token *tk = &t->tok[i];
    const uint8_t *w = t->fold.data + tk->fold_off;
    size_t n = (size_t)(k > 0 ? k : -k);
    if (n > tk->fold_len) {
        n = tk->fold_len;
    }
    return lexkey_hash(LEXKEY_HASH_INIT, k > 0 ? w : w + tk->fold_len - n, n);
}

static void feature_row(const hnp_tagger *t, const uint8_t *text, size_t i, uint32_t *f)
{
    static const tag_mtok edge[2] = {{1, 1, 1, 0, 0, 0}, {2, 2, 2, 0, 0, 0}};
    const tag_mtok *c = &t->mt[i];
    const tag_mtok *p1 = i > 0 ? &t->mt[i - 1] : &edge[0];
    const tag_mtok *p2 = i > 1 ? &t->mt[i - 2] : &edge[0];
    const tag_mtok *n1 = i + 1 < t->n_tok ? &t->mt[i + 1] : &edge[1];
    const tag_mtok *n2 = i + 2 < t->n_tok ? &t->mt[i + 2] : &edge[1];
    const tag_token *k = &t->tok[i];
    size_t len = k->end - k->start;
    int paren = i > 0 && i + 1 < t->n_tok && is_punct_tok(&t->tok[i - 1], text, '(') &&
                is_punct_tok(&t->tok[i + 1], text, ')');
    int glued_next = i + 1 < t->n_tok && t->tok[i + 1].glued;
    uint64_t suf3 = affix(t, i, -3);
    f[0] = mix(0, 0);
    f[1] = mix(1, c->w);
    f[2] = mix(2, p1->w);
    f[3] = mix(3, n1->w);
    f[4] = mix(4, p2->w);
    f[5] = mix(5, n2->w);
    f[6] = mix(6, pair(p1->w, c->w));
    f[7] = mix(7, pair(c->w, n1->w));
    f[8] = mix(8, affix(t, i, 3));
    f[9] = mix(9, affix(t, i, 4));
    f[10] = mix(10, affix(t, i, -2));
    f[11] = mix(11, suf3);
    f[12] = mix(12, affix(t, i, -4));
    f[13] = mix(13, affix(t, i, -5));
    f[14] = mix(14, c->shape);
    f[15] = mix(15, pair(pair(p1->shape, c->shape), n1->shape));
    f[16] = mix(16, c->dc);
    f[17] = mix(17, p1->dc);
    f[18] = mix(18, n1->dc);
    f[19] = mix(19, pair(c->dc, c->src));
    f[20] = mix(20, pair(c->dc, c->dn));
    f[21] = mix(21, pair(c->dc, c->w));
    f[22] = mix(22, pair(len < 3 ? len : len < 6 ? 3 : len < 10 ? 4 : 5, c->shape & 0xff));
    f[23] = mix(23, (uint64_t)(k->glued * 2 + glued_next));
    f[24] = mix(24, pair((uint64_t)paren, c->shape));
    f[25] = mix(25, pair(pair(p1->dc, c->dc), n1->dc));
    f[26] = mix(26, pair(c->dc, suf3));
    f[27] = mix(27, pair(c->dc, p1->w));
    f[28] = mix(28, pair(c->dc, n1->w));
    f[29] = mix(29, c->raw);
}

static int allowed(int prev, int y)
{
    if (y == TAG_Y_ID) {
        return prev == TAG_Y_BD || prev == TAG_Y_ID;
    }
    if (y == TAG_Y_IC) {
        return prev == TAG_Y_BC || prev == TAG_Y_IC;
    }
    return 1;
}

/* Viterbi over the label lattice; writes the best labels into t->my. */
static void decode(hnp_tagger *t)
{
    const tag_model_table *mt = &hnp_tag_model_table;
    const uint32_t mask = (1u << mt->bits) - 1;
    int64_t prev[TAG_MODEL_LABELS], cur[TAG_MODEL_LABELS];
    for (size_t i = 0; i < t->n_tok; i++) {
        int32_t em[TAG_MODEL_LABELS] = {0};
        const uint32_t *f = t->mf + i * TAG_MODEL_FEATURES;
        for (size_t x = 0; x < TAG_MODEL_FEATURES; x++) {
            const int16_t *w = mt->w + (size_t)(f[x] & mask) * TAG_MODEL_LABELS;
            for (int y = 0; y < TAG_MODEL_LABELS; y++) {
                em[y] += w[y];
            }
        }
        for (int y = 0; y < TAG_MODEL_LABELS; y++) {
            int64_t best = INT64_MIN;
            uint8_t arg = 0;
            if (i == 0) {
                best = y == TAG_Y_ID || y == TAG_Y_IC
                           ? INT64_MIN / 2
                           : (int64_t)mt->trans[TAG_MODEL_LABELS * TAG_MODEL_LABELS + y];
            } else {
                for (int p = 0; p < TAG_MODEL_LABELS; p++) {
                    int64_t s = allowed(p, y) ? prev[p] + mt->trans[p * TAG_MODEL_LABELS + y]
                                              : INT64_MIN / 2;
                    if (s > best) {
                        best = s;
                        arg = (uint8_t)p;
                    }
                }
            }
            cur[y] = best + em[y];
            t->mbp[i * TAG_MODEL_LABELS + (size_t)y] = arg;
        }
        memcpy(prev, cur, sizeof prev);
    }
    int y = 0;
    for (int p = 1; p < TAG_MODEL_LABELS; p++) {
        if (prev[p] > prev[y]) {
            y = p;
        }
    }
    for (size_t i = t->n_tok; i-- > 0;) {
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
    HNP_TRY(hnp_tag_grow((void **)&t->mf, &t->cap_mf, n * TAG_MODEL_FEATURES, sizeof *t->mf));
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
        hnp_entity_label label = in == TAG_Y_ID ? HNP_LABEL_DRUG : HNP_LABEL_CONDITION;
        const char *id, *name;
        HNP_TRY(span_id(t, text, m0, m1, i, b, label, &id, &name));
        HNP_TRY(hnp_tag_emit(t, t->tok[i].start, t->tok[b].end, label, id, name, SIZE_MAX));
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

/* Replaces the dictionary's mentions m0..m1-1 by the model's (m1..n_m-1) plus the
 * dictionary's TRIAL and PROCEDURE mentions that no model mention overlaps, in order. */
static hnp_status merge(hnp_tagger *t, size_t m0, size_t m1)
{
    size_t n_model = t->n_m - m1, n = 0;
    HNP_TRY(hnp_tag_grow((void **)&t->mm, &t->cap_mm, t->n_m - m0, sizeof *t->mm));
    HNP_TRY(hnp_tag_grow((void **)&t->mm_id, &t->cap_mm_id, t->n_m - m0, sizeof *t->mm_id));
    size_t d = m0, e = m1;
    while (d < m1 || e < t->n_m) {
        int take_dict = d < m1 && (e == t->n_m || t->m[d].span.start < t->m[e].span.start);
        size_t x = take_dict ? d++ : e++;
        if (take_dict && (t->m[x].label == HNP_LABEL_DRUG || t->m[x].label == HNP_LABEL_CONDITION ||
                          overlaps_any(&t->m[x], t->m + m1, n_model))) {
            continue;
        }
        t->mm[n] = t->m[x];
        t->mm_id[n++] = t->m_id[x];
    }
    memcpy(t->m + m0, t->mm, n * sizeof *t->mm);
    memcpy(t->m_id + m0, t->mm_id, n * sizeof *t->mm_id);
    t->n_m = m0 + n;
    return HNP_OK;
}

hnp_status hnp_tag_model_sentence(hnp_tagger *t, const uint8_t *text, size_t m0)
{
    if (t->n_tok == 0) {
        return HNP_OK;
    }
    HNP_TRY(reserve(t));
    token_values(t, text, m0);
    for (size_t i = 0; i < t->n_tok; i++) {
        feature_row(t, text, i, t->mf + i * TAG_MODEL_FEATURES);
    }
    if (t->trace) {
        HNP_TRY(hnp_tag_grow((void **)&t->trace_tok, &t->cap_trace_tok, t->n_tok,
                             sizeof *t->trace_tok));
        for (size_t i = 0; i < t->n_tok; i++) {
            t->trace_tok[i] = (hnp_span){t->tok[i].start, t->tok[i].end};
        }
        t->trace(t->trace_ctx, t->trace_tok, t->n_tok, t->mf, TAG_MODEL_FEATURES);
    }
    if (!t->model || hnp_tag_model_table.version != TAG_MODEL_VERSION) {
        return HNP_OK;
    }
    decode(t);
    size_t m1 = t->n_m;
    HNP_TRY(emit_spans(t, text, m0, m1));
    return merge(t, m0, m1);
}

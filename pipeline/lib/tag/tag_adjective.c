/* tag_adjective.c -- an adjective of a condition the document names: "the exencephalic
 * head" where the document speaks of exencephaly, "parkinsonian monkeys" beside
 * parkinsonism, "ototoxic" beside ototoxicity.
 *
 * BC5CDR marks such adjectives as mentions of the condition; no lexicon has them, and the
 * model leaves most it did not meet in training. A word the model left, no term itself,
 * whose ending rewritten to a noun's is a condition term that is a word of the document
 * (in any case), is a condition. The rewrites are those that found a condition term
 * for words of the training split (six letters or more) that were inside a gold condition
 * at least 80 % of the time: -ive/-ion ("convulsive", 36 of 37), -ic/-y (45 of 46),
 * -tic/-sy (12 of 12), -ic/-icity (11 of 11), -ian/-ism (6 of 6), -ic/-e (12 of 13); not
 * -ic/-ia (110 of 143, "analgesic"), -tic/-sis (125 of 169, "metastatic"), -ed/-ion (13 of
 * 23). Simulated on the held-out parts (validation, folds 1 and 2, each with its own
 * model) before it was written: BC5CDR 11 right, none wrong (without the document's noun:
 * 13 right, 2 wrong, and NCBI 1 wrong, "atrophic"); on the training part 2 right, none wrong.
 *
 * Layering: called by tag_doc.c; calls tag_mentions.c. */
#include "tag_internal.h"

#include "base/ascii.h"

#include <stdlib.h>
#include <string.h>

#define WORD_MIN 6  /* bytes of a word worth a look */
#define WORD_MAX 48 /* longer words are left: no such adjective is that long */
#define STEM_MIN 3  /* letters left once the ending is cut */

typedef struct rewrite {
    const char *end, *noun;
    size_t n_end, n_noun;
} rewrite;

static const rewrite rewrites[] = {
    {"tic", "sy", 3, 2}, {"ic", "y", 2, 1},    {"ic", "icity", 2, 5},
    {"ic", "e", 2, 1},   {"ian", "ism", 3, 3}, {"ive", "ion", 3, 3},
};

static int is_letter(uint8_t c)
{
    return hnp_ascii_is(c, HNP_ASCII_UPPER | HNP_ASCII_LOWER);
}

/* The words that would be adjectives of a condition term, with that term: each becomes a
 * mention when the document also says the term. Found in one pass, then the document's
 * words are read once more for the terms (a long document says "hypertensive" thousands
 * of times: a search of all its words for each would be quadratic). All owned here. */
typedef struct adj_cand {
    size_t k;      /* the document token */
    uint32_t noun; /* the low 32 bits of the term's key hash, as the document's words have */
} adj_cand;

typedef struct adj_work {
    adj_cand *cand;
    size_t n_cand, cap_cand;
    uint32_t *noun; /* the candidates' terms, sorted, each once */
    uint8_t *said;  /* per noun: the document has it as a word */
    size_t n_noun;
} adj_work;

/* Bits of the filter that most of the document's words fail before a search. */
#define NOUN_BITS 4096

static int cmp_hash(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return (a > b) - (a < b);
}

/* The noun's index in the sorted w->noun, or SIZE_MAX. */
static size_t noun_index(const adj_work *w, uint32_t h)
{
    const uint32_t *x = bsearch(&h, w->noun, w->n_noun, sizeof h, cmp_hash);
    return x ? (size_t)(x - w->noun) : SIZE_MAX;
}

/* The hash of the condition term that the word w (n bytes, lower case) is an adjective of,
 * when the word is no term itself (then the model judged it): 1, or 0. */
static int adjective_of_term(const hnp_tagger *t, const uint8_t *w, size_t n, uint32_t *noun)
{
    uint8_t key[WORD_MAX + 8];
    for (size_t r = 0; r < sizeof rewrites / sizeof *rewrites; r++) {
        const rewrite *x = &rewrites[r];
        if (n < x->n_end + STEM_MIN || memcmp(w + n - x->n_end, x->end, x->n_end) != 0) {
            continue;
        }
        size_t k = n - x->n_end + x->n_noun;
        memcpy(key, w, n - x->n_end);
        memcpy(key + n - x->n_end, x->noun, x->n_noun);
        if (hnp_tag_is_term(t, key, k, HNP_LABEL_CONDITION)) {
            *noun = (uint32_t)lexkey_hash(LEXKEY_HASH_INIT, key, k);
            return !hnp_tag_is_term(t, w, n, HNP_LABEL_CONDITION);
        }
    }
    return 0;
}

/* Whether document token k could be such an adjective by its bytes: six to 48 letters,
 * ending as a rewritten ending does. */
static int adjective_shape(const uint8_t *text, size_t a, size_t e)
{
    uint8_t last = (uint8_t)(text[e - 1] | 0x20);
    if (e - a < WORD_MIN || e - a > WORD_MAX || (last != 'c' && last != 'n' && last != 'e')) {
        return 0;
    }
    for (size_t q = a; q < e; q++) {
        if (!is_letter(text[q])) {
            return 0; /* letters only: "exencephalic", not "5-hydroxytryptamine" */
        }
    }
    return 1;
}

/* Pass 1: the candidates, words outside the mentions so far. */
static hnp_status find_candidates(const hnp_tagger *t, const uint8_t *text, adj_work *w)
{
    size_t p = 0, busy = 0; /* busy: end of the mentions so far */
    uint8_t low[WORD_MAX];
    for (size_t k = 0; k < t->n_dtok; k++) {
        size_t a = t->dtok[k].start, e = a + t->dtok[k].len;
        if (!adjective_shape(text, a, e)) {
            continue;
        }
        while (p < t->n_m && t->m[p].span.start < e) {
            busy = t->m[p].span.end > busy ? t->m[p].span.end : busy;
            p++;
        }
        uint32_t noun;
        for (size_t j = a; j < e; j++) {
            low[j - a] = (uint8_t)(text[j] | 0x20);
        }
        if (busy > a || !adjective_of_term(t, low, e - a, &noun)) {
            continue;
        }
        HNP_TRY(hnp_tag_grow((void **)&w->cand, &w->cap_cand, w->n_cand + 1, sizeof *w->cand));
        w->cand[w->n_cand++] = (adj_cand){k, noun};
    }
    return HNP_OK;
}

/* Pass 2: which of the candidates' terms the document says as a word. */
static hnp_status find_nouns(const hnp_tagger *t, adj_work *w)
{
    w->noun = malloc(w->n_cand * sizeof *w->noun);
    w->said = calloc(w->n_cand, 1);
    if (!w->noun || !w->said) {
        return HNP_ERR_NOMEM;
    }
    uint64_t bits[NOUN_BITS / 64] = {0};
    for (size_t c = 0; c < w->n_cand; c++) {
        w->noun[c] = w->cand[c].noun;
        bits[w->noun[c] % NOUN_BITS / 64] |= UINT64_C(1) << (w->noun[c] % 64);
    }
    qsort(w->noun, w->n_cand, sizeof *w->noun, cmp_hash);
    for (size_t c = 0; c < w->n_cand; c++) {
        w->noun[w->n_noun] = w->noun[c];
        w->n_noun += w->n_noun == 0 || w->noun[w->n_noun - 1] != w->noun[c];
    }
    for (size_t k = 0; k < t->n_dtok; k++) {
        uint32_t h = t->dtok[k].hash;
        if ((bits[h % NOUN_BITS / 64] >> (h % 64)) & 1) {
            size_t x = noun_index(w, h);
            if (x != SIZE_MAX) {
                w->said[x] = 1;
            }
        }
    }
    return HNP_OK;
}

/* Pass 3: the candidates whose term the document says, as mentions. */
static hnp_status emit_adjectives(hnp_tagger *t, const adj_work *w, const hnp_span *sents,
                                  size_t n_sents)
{
    size_t s = 0;
    for (size_t c = 0; c < w->n_cand; c++) {
        if (!w->said[noun_index(w, w->cand[c].noun)]) {
            continue;
        }
        size_t a = t->dtok[w->cand[c].k].start, e = a + t->dtok[w->cand[c].k].len;
        while (s < n_sents && sents[s].end <= a) {
            s++;
        }
        t->sent = s;
        HNP_TRY(hnp_tag_emit(t, a, e, HNP_LABEL_CONDITION, "-", "-", SIZE_MAX));
    }
    return HNP_OK;
}

hnp_status hnp_tag_adjectives(hnp_tagger *t, const uint8_t *text, const hnp_span *sents,
                              size_t n_sents)
{
    adj_work w = {0};
    hnp_status st = find_candidates(t, text, &w);
    if (st == HNP_OK && w.n_cand > 0) {
        st = find_nouns(t, &w);
        st = st == HNP_OK ? emit_adjectives(t, &w, sents, n_sents) : st;
    }
    free(w.cand);
    free(w.noun);
    free(w.said);
    return st;
}

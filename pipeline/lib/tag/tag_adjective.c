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
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* The document's word hashes, sorted once when the first candidate needs them: a long
 * document says "hypertensive" thousands of times, and a scan of all its words for each
 * would be quadratic. */
typedef struct doc_words {
    uint32_t *hash; /* NULL until needed; owned here, freed by hnp_tag_adjectives */
    size_t n;
} doc_words;

static int cmp_hash(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return (a > b) - (a < b);
}

static hnp_status sort_words(const hnp_tagger *t, doc_words *dw)
{
    dw->hash = malloc((t->n_dtok ? t->n_dtok : 1) * sizeof *dw->hash);
    if (!dw->hash) {
        return HNP_ERR_NOMEM;
    }
    for (size_t k = 0; k < t->n_dtok; k++) {
        dw->hash[k] = t->dtok[k].hash;
    }
    dw->n = t->n_dtok;
    qsort(dw->hash, dw->n, sizeof *dw->hash, cmp_hash);
    return HNP_OK;
}

/* Whether the folded word key (n bytes) is one of the document's words: its hash among
 * theirs (tag.c records each word's, as the tokenizer folds and hashes it). */
static hnp_status in_document(const hnp_tagger *t, doc_words *dw, const uint8_t *key, size_t n,
                              int *found)
{
    if (!dw->hash) {
        HNP_TRY(sort_words(t, dw));
    }
    uint32_t h = (uint32_t)lexkey_hash(LEXKEY_HASH_INIT, key, n);
    *found = bsearch(&h, dw->hash, dw->n, sizeof h, cmp_hash) != NULL;
    return HNP_OK;
}

/* Whether the word w (n bytes, lower case) is an adjective of a condition term that the
 * document names, and no term itself (then the model judged it): *yes. */
static hnp_status adjective_of_named(const hnp_tagger *t, doc_words *dw, const uint8_t *w, size_t n,
                                     int *yes)
{
    uint8_t key[WORD_MAX + 8];
    *yes = 0;
    for (size_t r = 0; r < sizeof rewrites / sizeof *rewrites; r++) {
        const rewrite *x = &rewrites[r];
        if (n < x->n_end + STEM_MIN || memcmp(w + n - x->n_end, x->end, x->n_end) != 0) {
            continue;
        }
        size_t k = n - x->n_end + x->n_noun;
        memcpy(key, w, n - x->n_end);
        memcpy(key + n - x->n_end, x->noun, x->n_noun);
        if (hnp_tag_is_term(t, key, k, HNP_LABEL_CONDITION)) {
            if (hnp_tag_is_term(t, w, n, HNP_LABEL_CONDITION)) {
                return HNP_OK;
            }
            return in_document(t, dw, key, k, yes);
        }
    }
    return HNP_OK;
}

static hnp_status tag_adjectives(hnp_tagger *t, doc_words *dw, const uint8_t *text,
                                 const hnp_span *sents, size_t n_sents)
{
    int yes;
    size_t n_old = t->n_m, p = 0, s = 0, busy = 0; /* busy: end of the mentions so far */
    uint8_t w[WORD_MAX];
    for (size_t k = 0; k < t->n_dtok; k++) {
        size_t a = t->dtok[k].start, e = a + t->dtok[k].len;
        uint8_t last = (uint8_t)(text[e - 1] | 0x20);
        if (e - a < WORD_MIN || e - a > WORD_MAX || (last != 'c' && last != 'n' && last != 'e')) {
            continue; /* every ending rewritten ends in one of these */
        }
        size_t q = a;
        while (q < e && is_letter(text[q])) {
            q++;
        }
        if (q < e) {
            continue; /* letters only: "exencephalic", not "5-hydroxytryptamine" */
        }
        while (p < n_old && t->m[p].span.start < e) {
            busy = t->m[p].span.end > busy ? t->m[p].span.end : busy;
            p++;
        }
        if (busy > a) {
            continue;
        }
        for (size_t j = a; j < e; j++) {
            w[j - a] = (uint8_t)(text[j] | 0x20);
        }
        HNP_TRY(adjective_of_named(t, dw, w, e - a, &yes));
        if (!yes) {
            continue;
        }
        while (s < n_sents && sents[s].end <= a) {
            s++;
        }
        t->sent = s;
        HNP_TRY(hnp_tag_emit(t, a, e, HNP_LABEL_CONDITION, "-", "-", SIZE_MAX));
        busy = e;
    }
    return HNP_OK;
}

hnp_status hnp_tag_adjectives(hnp_tagger *t, const uint8_t *text, const hnp_span *sents,
                              size_t n_sents)
{
    doc_words dw = {NULL, 0};
    hnp_status st = tag_adjectives(t, &dw, text, sents, n_sents);
    free(dw.hash);
    return st;
}

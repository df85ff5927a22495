/* tag_derive.c -- words derived from a condition term: adjectives, "exencephalic"
 * (exencephaly), "parkinsonian" (parkinsonism), "epileptic" (epilepsy), "convulsive"
 * (convulsion); and prefixed conditions, "pseudolithiasis", "hyperkeratosis".
 *
 * BC5CDR marks such an adjective as a disease mention when it stands for the condition
 * ("the exencephalic head", "hypertensive rats"); no lexicon lists adjectives, so without
 * a match the model saw only the word's letters and left most of the ones it had not met
 * in training. A word the dictionary did not match that is derived from a condition term
 * gets a dictionary value of its own (tag_model.c, dict_values), so the model learns from
 * the corpora when such a word is a mention (NCBI Disease marks few of them).
 *
 * The rewrites are those that found a condition term for words of the training split
 * (both corpora, words of six letters or more, not terms themselves; share of them inside
 * a gold mention): -ive/-ion ("convulsive", 36 of 37), -ic/-y (45 of 46), -tic/-sy (12 of
 * 12), -ic/-icity (11 of 11), -ian/-ism (6 of 6), -ic/-e (12 of 13), -ic/-ia (110 of 143:
 * not "analgesic"), -tic/-sis (125 of 169: not "metastatic"), -ed/-ion (13 of 23: not
 * "confused"), -ic/-ism (7 of 10: not "alcoholic"); the model weighs each word in its
 * context. Keeping only the first six (at least 80 % inside) did no better on the held-out
 * parts. -ic/-a, -ic/-, -al/-, -ous/- found almost no word.
 *
 * Layering: called by tag_model.c; calls tag_mentions.c. */
#include "tag_internal.h"

#include <string.h>

#define WORD_MAX 48 /* longer words are left: no condition adjective is that long */
#define STEM_MIN 3  /* letters left of the word once its ending is cut */

typedef struct rewrite {
    const char *end, *noun;
    size_t n_end, n_noun;
} rewrite;

/* Grouped by the ending's last byte (rewrites_for); lengths without the NUL. */
static const rewrite rewrites[] = {
    {"tic", "sis", 3, 3},  {"tic", "sy", 3, 2}, {"ic", "y", 2, 1}, {"ic", "ia", 2, 2},
    {"ic", "icity", 2, 5}, {"ic", "ism", 2, 3}, {"ic", "e", 2, 1}, {"ian", "ism", 3, 3},
    {"ive", "ion", 3, 3},  {"ed", "ion", 2, 3},
};

/* Prefixes that make a condition of a condition term ("pseudolithiasis", "pseudo-allergy",
 * "hyperkeratosis"): on the training split 21 such words of 23 were gold mentions or inside
 * one; "anti-" makes none ("antitumor", 0 of 18), nor did "micro-", "poly-", "non-"... */
static const char *const prefixes[] = {"pseudo", "hyper", "hypo"};

/* Whether the folded word w (n bytes) starts with one of PREFIXES and, after it (and a
 * hyphen), is a condition term of at least STEM_MIN + 2 letters. */
static int prefixed_term(const hnp_tagger *t, const uint8_t *w, size_t n)
{
    if (w[0] != 'p' && w[0] != 'h') {
        return 0; /* the prefixes' first letters: most words are turned away here */
    }
    for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
        size_t m = strlen(prefixes[p]);
        if (n < m + STEM_MIN + 2 || memcmp(w, prefixes[p], m) != 0) {
            continue;
        }
        size_t a = m + (w[m] == '-');
        return hnp_tag_is_term(t, w + a, n - a, HNP_LABEL_CONDITION);
    }
    return 0;
}

/* The rewrites of a word ending in byte c: rewrites[*a..*b). */
static int rewrites_for(uint8_t c, size_t *a, size_t *b)
{
    switch (c) {
    case 'c':
        *a = 0, *b = 7;
        return 1;
    case 'n':
        *a = 7, *b = 8;
        return 1;
    case 'e':
        *a = 8, *b = 9;
        return 1;
    case 'd':
        *a = 9, *b = 10;
        return 1;
    default:
        return 0; /* most words are turned away here */
    }
}

/* Whether the folded word w (n bytes), its ending rewritten to a noun's, is a condition
 * term. */
static int rewritten_term(const hnp_tagger *t, const uint8_t *w, size_t n)
{
    size_t a, b;
    if (!rewrites_for(w[n - 1], &a, &b)) {
        return 0;
    }
    uint8_t key[WORD_MAX + 8];
    for (size_t r = a; r < b; r++) {
        const rewrite *x = &rewrites[r];
        if (n < x->n_end + STEM_MIN || memcmp(w + n - x->n_end, x->end, x->n_end) != 0) {
            continue;
        }
        memcpy(key, w, n - x->n_end);
        memcpy(key + n - x->n_end, x->noun, x->n_noun);
        if (hnp_tag_is_term(t, key, n - x->n_end + x->n_noun, HNP_LABEL_CONDITION)) {
            return 1;
        }
    }
    return 0;
}

int hnp_tag_derived_condition(const hnp_tagger *t, size_t i)
{
    const tag_token *k = &t->tok[i];
    size_t n = k->fold_len;
    if (k->kind != LEXTOK_WORD || n < TAG_DERIVED_MIN || n > WORD_MAX) {
        return 0;
    }
    const uint8_t *w = t->fold.data + k->fold_off;
    return prefixed_term(t, w, n) || rewritten_term(t, w, n);
}

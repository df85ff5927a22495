/* tag_prefixed.c -- conditions named by a prefix and a condition term: "pseudolithiasis"
 * (lithiasis), "pseudoacromegaly" (acromegaly), "pseudo-allergy", "hyperkeratosis".
 *
 * No lexicon has most such words, and the model, seeing no dictionary match and a word it
 * never met, leaves them. On the training split such words (six letters or more, not terms
 * themselves, the rest a condition term of five letters or more) were a gold condition or
 * inside one 21 times of 23 ("pseudo-" 12 of 14, "hyper-" 9 of 9; "hypo-" found none);
 * "anti-" makes none ("antitumor", 0 of 18), nor did "micro-", "poly-" or "non-". Simulated
 * on the held-out parts (validation and folds 1 and 2, each with its own model) before it
 * was written: BC5CDR 10 right, 1 wrong ("biliary pseudolithiasis", where the corpus keeps
 * the organ), NCBI none.
 *
 * Layering: called by tag.c; calls tag_mentions.c. */
#include "tag_internal.h"

#include <string.h>

#define WORD_MIN 6 /* bytes of a word worth a look */
#define STEM_MIN 5 /* bytes of the term after the prefix */

static const char *const prefixes[] = {"pseudo", "hyper", "hypo"};

/* Whether the folded word w (n bytes) is one of PREFIXES, a hyphen or not, and a condition
 * term. */
static int prefixed_term(const hnp_tagger *t, const uint8_t *w, size_t n)
{
    if (w[0] != 'p' && w[0] != 'h') {
        return 0; /* the prefixes' first letters: most words are turned away here */
    }
    for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
        size_t m = strlen(prefixes[p]);
        if (n < m + STEM_MIN || memcmp(w, prefixes[p], m) != 0) {
            continue;
        }
        size_t a = m + (w[m] == '-');
        return n - a >= STEM_MIN && hnp_tag_is_term(t, w + a, n - a, HNP_LABEL_CONDITION);
    }
    return 0;
}

hnp_status hnp_tag_prefixed(hnp_tagger *t, size_t m0)
{
    for (size_t i = 0; i < t->n_tok; i++) {
        const tag_token *k = &t->tok[i];
        const uint8_t *w = t->fold.data + k->fold_off;
        if (k->kind != LEXTOK_WORD || k->fold_len < WORD_MIN || !prefixed_term(t, w, k->fold_len) ||
            hnp_tag_is_term(t, w, k->fold_len, HNP_LABEL_CONDITION) ||
            hnp_tag_overlaps(t, m0, k->start, k->end)) {
            continue; /* a term itself is the model's to judge */
        }
        HNP_TRY(hnp_tag_emit(t, k->start, k->end, HNP_LABEL_CONDITION, "-", "-", SIZE_MAX));
        hnp_tag_settle_last(t, m0);
    }
    return HNP_OK;
}

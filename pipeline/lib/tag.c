/* tag.c -- STUB: finds nothing; replaced by the real stage. */
#include "hnp/tag.h"

#include <stdlib.h>

struct hnp_tagger {
    size_t n_lex;
};

hnp_status hnp_tagger_create(const hnp_lexicon *const *lexicons, size_t n_lex, hnp_tagger **out)
{
    (void)lexicons;
    hnp_tagger *t = calloc(1, sizeof *t);
    if (!t) {
        return HNP_ERR_NOMEM;
    }
    t->n_lex = n_lex;
    *out = t;
    return HNP_OK;
}

void hnp_tagger_free(hnp_tagger *t)
{
    free(t);
}

hnp_status hnp_tag(hnp_tagger *t, const uint8_t *text, size_t len, const hnp_span *sents,
                   const unsigned char *taggable, size_t n_sents, const hnp_mention **mentions,
                   size_t *n_out)
{
    (void)t;
    (void)text;
    (void)len;
    (void)sents;
    (void)taggable;
    (void)n_sents;
    *mentions = NULL;
    *n_out = 0;
    return HNP_OK;
}

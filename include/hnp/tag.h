/* tag.h -- stage 4: find entity mentions (DRUG, CONDITION, TRIAL, PROCEDURE).
 *
 * Longest match on word boundaries against one or more lexicons, case and inflection
 * aware; trial registry ids by pattern; abbreviations defined in the text
 * ("... transplantation (AHSCT)") make later uses mentions; ambiguous short forms only
 * with support from the context.
 *
 * A tagger holds per-thread scratch space: one per thread. The lexicons it reads are
 * shared and must outlive it. */
#ifndef HNP_TAG_H
#define HNP_TAG_H

#include "common.h"
#include "lexicon.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One mention. id and name point into a lexicon or into the tagger's scratch; they stay
 * valid until the next hnp_tag call on the same tagger or until it is freed. */
typedef struct hnp_mention {
    hnp_span span; /* bytes in the document */
    size_t sent;   /* 0-based index of the sentence it is in */
    hnp_entity_label label;
    const char *id;   /* canonical id, e.g. "DOID:2377"; "-" when the lexicon has none */
    const char *name; /* canonical name, e.g. "multiple sclerosis" */
} hnp_mention;

typedef struct hnp_tagger hnp_tagger;

/* lexicons: n_lex lexicons searched in order (earlier ones win ties); they are not
 * copied. The caller owns *out: free with hnp_tagger_free. */
hnp_status hnp_tagger_create(const hnp_lexicon *const *lexicons, size_t n_lex, hnp_tagger **out);
void hnp_tagger_free(hnp_tagger *t);

/* The trained model (on by default) decides which dictionary matches are DRUG and
 * CONDITION mentions and finds ones the dictionary lacks; off (0), the dictionary's
 * longest matches are the mentions. */
void hnp_tagger_set_model(hnp_tagger *t, int on);

/* For training the model offline (scripts/train_tagger.py, through hnp-tagfeat): fn is
 * called once per tagged sentence with its tokens' byte spans and n_per_token hashed
 * features per token (features[i * n_per_token + j]), both valid during the call only.
 * fn NULL turns tracing off. */
typedef void (*hnp_tag_trace_fn)(void *ctx, const hnp_span *tokens, size_t n_tokens,
                                 const uint32_t *features, size_t n_per_token);
void hnp_tagger_set_trace(hnp_tagger *t, hnp_tag_trace_fn fn, void *ctx);

/* Tags one document. sents are the sentence spans; taggable[i] != 0 when sentence i
 * may hold mentions (body, title, meta); taggable may be NULL (every sentence). On
 * success *mentions points to *n_out mentions in document order, owned by the tagger and
 * valid until the next call. */
hnp_status hnp_tag(hnp_tagger *t, const uint8_t *text, size_t len, const hnp_span *sents,
                   const unsigned char *taggable, size_t n_sents, const hnp_mention **mentions,
                   size_t *n_out);

#ifdef __cplusplus
}
#endif
#endif /* HNP_TAG_H */

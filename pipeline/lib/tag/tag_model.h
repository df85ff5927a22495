/* tag_model.h -- the trained decision over the dictionary's matches: the shape of the
 * weight table (written by scripts/train_tagger.py into tag_model_weights.c) and the
 * feature templates both sides agree on. Internal to libhnp. */
#ifndef HNP_TAG_MODEL_H
#define HNP_TAG_MODEL_H

#include <stddef.h>
#include <stdint.h>

/* BIO labels: O, B-DRUG, I-DRUG, B-CONDITION, I-CONDITION (DRUG is BC5CDR's Chemical,
 * CONDITION its Disease). */
enum { TAG_Y_O, TAG_Y_BD, TAG_Y_ID, TAG_Y_BC, TAG_Y_IC, TAG_MODEL_LABELS };

/* Feature templates per token (tag_model.c, feature_row); each gives exactly one hashed
 * feature, so a sentence's features are an n_tok x TAG_MODEL_FEATURES matrix. Bump
 * TAG_MODEL_VERSION whenever a template changes: the table records the version it was
 * trained for and the model refuses a table of another. */
#define TAG_MODEL_FEATURES 22
#define TAG_MODEL_VERSION  6

/* The model looks only at tokens at most LEFT before and RIGHT after a dictionary match,
 * or LEFT before and TRIG_RIGHT after a trigger token (a mention mostly ends at its
 * trigger word: "-emia", "-itis"); tag_model.c, mark_regions. The rest are O. */
#define TAG_MODEL_LEFT       2
#define TAG_MODEL_RIGHT      2
#define TAG_MODEL_TRIG_RIGHT 1

typedef struct tag_model_table {
    unsigned version;
    unsigned bits;        /* 2^bits hash buckets */
    const int16_t *w;     /* [bucket][TAG_MODEL_LABELS], then 3 zeros of padding */
    const int32_t *trans; /* [previous label, or TAG_MODEL_LABELS at the start][label] */
    const uint32_t *trig; /* sorted hashes of trigger suffixes (feature template 9) */
    size_t n_trig;
    const uint32_t *trig_bits; /* [128]: bit (h >> 27) of word (h >> 20) & 127 per trigger */
} tag_model_table;

extern const tag_model_table hnp_tag_model_table;

#endif /* HNP_TAG_MODEL_H */

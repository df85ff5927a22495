/* classify.h -- stage 3: give every sentence a kind, a score and a reason, and extract the
 * document's title, date and source.
 *
 * The tail of appended material is found as a whole (where the article ends), inline
 * ads one by one. A classifier is immutable after creation and may be shared by any
 * number of threads. */
#ifndef HNP_CLASSIFY_H
#define HNP_CLASSIFY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hnp_kind {
    HNP_KIND_BODY = 0,
    HNP_KIND_TITLE = 1,
    HNP_KIND_META = 2,
    HNP_KIND_SPAM = 3,
    HNP_KIND_BOILERPLATE = 4
} hnp_kind;

/* "body", "title", "meta", "spam", "boilerplate"; "?" for an out-of-range value. */
const char *hnp_kind_name(hnp_kind kind);

/* 1 for spam and boilerplate, which are cut from clean output and never tagged. */
int hnp_kind_is_junk(hnp_kind kind);

/* The verdict on one sentence. reason is a static string: "-" or a short code such as
 * "company+url", "tail", "nav", "cjk-seo", "dateline". */
typedef struct hnp_label {
    hnp_kind kind;
    float score; /* confidence in kind, 0..1 */
    const char *reason;
} hnp_label;

/* Per-document metadata. Strings are owned (NUL-terminated UTF-8) or NULL when absent. */
typedef struct hnp_docmeta {
    char *title;
    char *date; /* ISO 8601: YYYY-MM-DD, or YYYY-MM / YYYY when that is all the text says */
    char *source;
    /* The main language as an ISO 639-1 code ("en", "fr"), by Compact Language Detector 2;
     * "" when it is not sure (very short text) or the language has no two-letter code. */
    char lang[8];
} hnp_docmeta;

/* Site-template memory: for each line (case, digits and blanks folded), the number of
 * documents it was seen in. Pages of one site share their navigation and footers, so a
 * line that recurs across many documents is boilerplate evidence (hnpipe builds it from a
 * -r batch and keeps it across runs with --templates FILE). Lines are stored as 64-bit
 * hashes; at HNP_TEMPLATES_MAX lines the ones seen only once are dropped, so memory stays
 * bounded whatever the corpus. Adding and merging need exclusive access; a memory that no
 * longer changes may be read by any number of threads (the classifier only reads it). */
typedef struct hnp_templates hnp_templates;
enum { HNP_TEMPLATES_MAX = 1 << 20 };

hnp_status hnp_templates_create(hnp_templates **out);
void hnp_templates_free(hnp_templates *t);

/* Counts each distinct line of one normalized document once, and the document. */
hnp_status hnp_templates_add(hnp_templates *t, const uint8_t *text, size_t len);

/* hnp_templates_add in two steps, so that threads can make the keys of many documents while
 * one thread adds them in order: the keys of a document's distinct lines (*keys malloc'd,
 * the caller frees it; no memory is needed or touched), then counting them and the
 * document, as hnp_templates_add does. */
hnp_status hnp_templates_keys(const uint8_t *text, size_t len, uint64_t **keys, size_t *n);
hnp_status hnp_templates_add_keys(hnp_templates *t, const uint64_t *keys, size_t n);

/* Documents counted so far (added or loaded). */
size_t hnp_templates_docs(const hnp_templates *t);

/* Documents seen with this line (the same folding as hnp_templates_add; 0: unknown). */
size_t hnp_templates_count(const hnp_templates *t, const uint8_t *line, size_t len);

/* Merges a saved memory (hnp_templates_save's text) into t. On HNP_ERR_FORMAT *bad_line
 * (when not NULL) is the 1-based line that is malformed; t then holds what was merged. */
hnp_status hnp_templates_load(hnp_templates *t, const uint8_t *data, size_t len, size_t *bad_line);

/* Writes t as text ("hnpipe-templates 1", "docs N", one "hash<TAB>count" per line, sorted)
 * into *out (newly allocated, the caller frees it) and its length into *out_len. */
hnp_status hnp_templates_save(const hnp_templates *t, uint8_t **out, size_t *out_len);

typedef struct hnp_classify_opts {
    unsigned flags;                 /* reserved, 0 */
    const hnp_templates *templates; /* NULL: none; read, never changed, while classifying */
} hnp_classify_opts;

typedef struct hnp_classifier hnp_classifier;

/* opts may be NULL. The caller owns *out: free with hnp_classifier_free. */
hnp_status hnp_classifier_create(const hnp_classify_opts *opts, hnp_classifier **out);
void hnp_classifier_free(hnp_classifier *c);

/* Classifies the n sentences of one document. text/len is the whole normalized document
 * and sents are byte spans into it (as from hnp_segment). Writes n labels and fills
 * *meta with newly allocated strings (release with hnp_docmeta_free). Thread-safe. */
hnp_status hnp_classify(const hnp_classifier *c, const uint8_t *text, size_t len,
                        const hnp_span *sents, size_t n, hnp_label *labels, hnp_docmeta *meta);

/* For training tools (pipeline/tools/hnp-clsfeat): the model's input. The number of
 * features per sentence, the name of feature j (written into buf; NULL out of range),
 * and the feature vectors of a document's n sentences (n * hnp_classify_n_features()
 * floats into x), computed by the same code the classifier runs. Thread-safe. */
size_t hnp_classify_n_features(void);
const char *hnp_classify_feature_name(size_t j, char *buf, size_t cap);
hnp_status hnp_classify_features(const hnp_classifier *c, const uint8_t *text, size_t len,
                                 const hnp_span *sents, size_t n, float *x);

/* Frees the strings in *m and sets them to NULL. NULL is a no-op. */
void hnp_docmeta_free(hnp_docmeta *m);

#ifdef __cplusplus
}
#endif
#endif /* HNP_CLASSIFY_H */

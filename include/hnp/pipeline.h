/* pipeline.h -- the document driver: runs normalize -> segment -> classify -> tag on one
 * document and holds the result.
 *
 * An hnp_pipeline holds what is shared and immutable (lexicons, classifier, options)
 * and may be used by many threads at once. Each thread makes its own hnp_worker, which
 * holds the per-thread stage state (segmenter, tagger) and the current document. */
#ifndef HNP_PIPELINE_H
#define HNP_PIPELINE_H

#include "classify.h"
#include "common.h"
#include "lexicon.h"
#include "normalize.h"
#include "segment.h"
#include "tag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One sentence of a processed document. Offsets: bytes (span) and code points. */
typedef struct hnp_sentence {
    hnp_span span;
    size_t cp_start, cp_end;
    hnp_kind kind;
    float score;
    const char *reason; /* static: "-" or a reason code */
} hnp_sentence;

/* A mention with code-point offsets added. */
typedef struct hnp_doc_mention {
    hnp_mention m;
    size_t cp_start, cp_end;
} hnp_doc_mention;

/* A processed document. Everything is owned by the worker that produced it and stays
 * valid until that worker's next hnp_worker_process call or hnp_worker_free. */
typedef struct hnp_doc {
    const char *id;       /* document id: relative path, record id, PMID, or "-" */
    const char *encoding; /* as detected or forced */
    size_t repairs;
    const hnp_repair *repair_list;
    /* hnp_normalized.before: what each repair replaced (see hnp_repair.before) */
    const uint8_t *repair_before;
    const uint8_t *text; /* normalized text, NUL-terminated */
    size_t len;          /* bytes */
    size_t cp_len;       /* code points */
    const hnp_sentence *sents;
    size_t n_sents;
    const hnp_doc_mention *mentions;
    size_t n_mentions;
    hnp_docmeta meta;
    /* PubTator input: bytes of the title part of text (text = title "\n" abstract), or
     * (size_t)-1 when the document did not come from PubTator. */
    size_t title_len;
} hnp_doc;

/* Number of spam + boilerplate sentences. */
size_t hnp_doc_junk_count(const hnp_doc *d);

/* The last stage a pipeline runs; each stage needs the ones before it (tag skips the
 * sentences that classify calls junk). A document processed without a stage has what that
 * stage fills left empty: no sentences without segment; every sentence body, score 0,
 * reason "-" and empty metadata without classify; no mentions without tag. */
typedef enum hnp_stage {
    HNP_STAGE_ALL = 0, /* the default: every stage (the same as HNP_STAGE_TAG) */
    HNP_STAGE_NORMALIZE = 1,
    HNP_STAGE_SEGMENT = 2,
    HNP_STAGE_CLASSIFY = 3,
    HNP_STAGE_TAG = 4
} hnp_stage;

typedef struct hnp_pipeline_opts {
    hnp_normalize_opts normalize;
    hnp_segment_opts segment;
    hnp_classify_opts classify;
    /* Extra user lexicons searched before the embedded default (not copied; they must
     * outlive the pipeline). */
    const hnp_lexicon *const *user_lexicons;
    size_t n_user_lexicons;
    int no_default_lexicon;             /* 1: do not use the embedded lexicon */
    const hnp_lexicon *default_lexicon; /* the embedded one, or NULL when absent */
    size_t max_doc_size;                /* bytes; 0 means no limit */
    hnp_stage last_stage;               /* stop after this stage (hnp_format_stages) */
} hnp_pipeline_opts;

typedef struct hnp_pipeline hnp_pipeline;
typedef struct hnp_worker hnp_worker;

/* opts is copied (not the lexicons). Free with hnp_pipeline_free. */
hnp_status hnp_pipeline_create(const hnp_pipeline_opts *opts, hnp_pipeline **out);
void hnp_pipeline_free(hnp_pipeline *p);

/* One per thread; p must outlive it. */
hnp_status hnp_worker_create(const hnp_pipeline *p, hnp_worker **out);
void hnp_worker_free(hnp_worker *w);

/* Runs the stages (all four, or up to opts.last_stage) on raw bytes. id is copied. On success *doc
 * is owned by w. Returns HNP_ERR_TOOBIG over max_doc_size, HNP_ERR_BINARY for binary input, ... */
hnp_status hnp_worker_process(hnp_worker *w, const char *id, const uint8_t *raw, size_t len,
                              const hnp_doc **doc);

/* The same for a PubTator document: title and abstract are normalized separately and
 * joined with "\n" (one code point, as PubTator's " "), so the corpus offsets hold. */
hnp_status hnp_worker_process_pubtator(hnp_worker *w, const char *id, const uint8_t *title,
                                       size_t title_len, const uint8_t *abstract,
                                       size_t abstract_len, const hnp_doc **doc);

#ifdef __cplusplus
}
#endif
#endif /* HNP_PIPELINE_H */

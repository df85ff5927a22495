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
    /* Windows (hnp_worker_next): a big document is processed in windows of whole sentences,
     * and then sents and mentions hold the current window's alone. A document processed
     * whole is one window, and all of these are 0 (as in a zeroed hnp_doc). */
    size_t first_sent;    /* document index of sents[0] */
    size_t first_mention; /* document index of mentions[0] */
    size_t window;        /* 0-based index of this window */
    int more;             /* 1 when more windows follow */
    size_t prev_end;      /* byte end of the sentence before sents[0], or 0 */
    size_t prev_kept_end; /* the same for the last one before it that is not junk */
    /* A windowed document's sentences, junk sentences and mentions through this window:
     * the whole document's in its last window, and in every window once hnp_worker_rewind
     * has followed a walk to the end (complete 1 then). */
    size_t doc_sents, doc_junk, doc_mentions;
    int complete;
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

/* Lets a big document's windows (hnp_worker_open / hnp_worker_next, a document of more
 * than one 1 MiB range) be classified and tagged on n threads at once: the worker starts
 * them (and n taggers) with its first such document and ends them in hnp_worker_free; the
 * calling thread still segments the windows and hands them out in order, the same windows
 * with the same rows as without threads. Up to n + 1 windows are in memory at once. n 0 or
 * 1 (the default): every stage on the calling thread. Not thread-safe on one worker. */
void hnp_worker_set_threads(hnp_worker *w, unsigned n);

/* Runs the stages (all four, or up to opts.last_stage) on raw bytes, over the whole document
 * at once (memory grows with its sentences; see hnp_worker_open for bounded memory). id is
 * copied. On success *doc is owned by w. Returns HNP_ERR_TOOBIG over max_doc_size,
 * HNP_ERR_BINARY for binary input, ... */
hnp_status hnp_worker_process(hnp_worker *w, const char *id, const uint8_t *raw, size_t len,
                              const hnp_doc **doc);

/* The same for a PubTator document: title and abstract are normalized separately and
 * joined with "\n" (one code point, as PubTator's " "), so the corpus offsets hold. */
hnp_status hnp_worker_process_pubtator(hnp_worker *w, const char *id, const uint8_t *title,
                                       size_t title_len, const uint8_t *abstract,
                                       size_t abstract_len, const hnp_doc **doc);

/* Bounded memory: hnp_worker_open normalizes the document (errors as hnp_worker_process)
 * and hnp_worker_next then runs the other stages one window at a time, setting *doc to the
 * window (NULL after the last). A document that fits one window (up to 1 MiB of text and
 * 8192 sentences, sentences up to 64 KiB) comes as one window, the same as
 * hnp_worker_process gives. A bigger one is cut into windows at blank lines where it can
 * (else at a line end, else at a space), each window classified as a document of its own
 * (the document's title, date and source are its first window's) and tagged on its own
 * (an abbreviation defined in one window is not known in the next); a sentence longer than
 * 64 KiB is cut into pieces. Only the normalized text is held whole. */
hnp_status hnp_worker_open(hnp_worker *w, const char *id, const uint8_t *raw, size_t len);
hnp_status hnp_worker_open_pubtator(hnp_worker *w, const char *id, const uint8_t *title,
                                    size_t title_len, const uint8_t *abstract, size_t abstract_len);
hnp_status hnp_worker_next(hnp_worker *w, const hnp_doc **doc);

/* Starts the walk over the open document again at its first window (for writers that need
 * the document's totals before its rows); the windows come out the same. */
void hnp_worker_rewind(hnp_worker *w);

/* Keeps the open document's windows from here on (the one handed out already included), so
 * that once a walk has reached the end, hnp_worker_rewind replays them instead of running
 * the stages again: for writers that walk a document twice. Costs memory for the rows
 * (about 48 bytes a sentence); call it before the second window (HNP_ERR_INVALID after
 * it). Short of memory (HNP_ERR_NOMEM here, or later in a walk) nothing is kept and the
 * walks after a rewind run the stages again, as without it. */
hnp_status hnp_worker_keep_windows(hnp_worker *w);

#ifdef __cplusplus
}
#endif
#endif /* HNP_PIPELINE_H */

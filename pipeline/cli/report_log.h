/* report_log.h -- what --report keeps about a run beyond the counts: a row per document
 * (its junk share, repairs, title, and where its output went) and how often each concept
 * (label + id) was mentioned. Filled per job on the worker threads, merged in input order
 * by the main thread; only built when --report is given. */
#ifndef HNP_CLI_REPORT_LOG_H
#define HNP_CLI_REPORT_LOG_H

#include "hnp/hnp.h"

#include <stddef.h>

#define REPORT_MAX_DOCS 10000 /* rows kept for the page; later documents are only counted */

typedef struct report_doc {
    char *id, *title, *out_path; /* out_path: the document's own output file, or NULL */
    size_t sents, junk, repairs, mentions;
} report_doc;

/* How often one concept was mentioned, and in how many documents. */
typedef struct report_concept {
    char *id, *name;
    hnp_entity_label label;
    size_t mentions, docs;
} report_concept;

typedef struct report_log {
    report_doc *docs;
    size_t n_docs, cap_docs, docs_seen;
    report_concept *concepts; /* unsorted appends; report_log_compact merges duplicates */
    size_t n_concepts, cap_concepts, compacted;
} report_log;

/* Collects the mentions of one window of a document into one (a log of that document alone,
 * compacted as it grows). Returns 0, or -1 when out of memory. */
int report_log_window(report_log *one, const hnp_doc *d);

/* Notes one processed document, d its last window and one what report_log_window collected
 * over its windows (moved into log). out_path may be NULL. Returns 0, or -1 when out of
 * memory (the report then lacks the document; the run goes on). */
int report_log_doc(report_log *log, report_log *one, const hnp_doc *d, const char *out_path);

/* Moves everything of from into into (from is left empty). Returns 0 or -1 (no memory). */
int report_log_merge(report_log *into, report_log *from);

/* Sorts the concepts by label, then mentions (most first), merging duplicates. */
void report_log_compact(report_log *log);

void report_log_free(report_log *log);

#endif /* HNP_CLI_REPORT_LOG_H */

/* run.h -- runs the pipeline over the input table and writes the outputs. */
#ifndef HNP_CLI_RUN_H
#define HNP_CLI_RUN_H

#include "args.h"
#include "inputs.h"
#include "output.h"
#include "progress.h"
#include "report_log.h"

#include <stdint.h>

#define RUN_MAX_ENCODINGS 16

/* What a run did; per job, then summed in input order by the main thread. */
typedef struct run_stats {
    size_t docs, failed, skipped, uptodate, sentences, junk, mentions, repairs;
    size_t write_errors; /* outputs that could not be created or written (also failed) */
    uint64_t bytes;
    size_t by_kind[5];     /* sentences per hnp_kind */
    size_t by_label[4];    /* mentions per hnp_entity_label */
    size_t junk_share[10]; /* documents by tenths of their sentences that are junk */
    struct {
        char name[32];
        size_t docs;
    } enc[RUN_MAX_ENCODINGS]; /* documents per detected encoding (the first 16 seen) */
} run_stats;

/* Counts one window of a document into st (its sentences, kinds and mentions). */
void run_count_window(run_stats *st, const hnp_doc *d);

/* Counts the document of d, its last window, into st (the document, its repairs, junk share
 * and encoding). */
void run_count_doc(run_stats *st, const hnp_doc *d);

/* Runs the stages over the document open on w (hnp_worker_open) and writes it through sink
 * window by window (hnp_write_windows), counting it into st and, when rep is not NULL, into
 * rep; *last (when last is not NULL) is its last window, or NULL. Returns the status of the
 * walk (HNP_ERR_IO: a write failed, errno says why). */
hnp_status run_write_doc(const cli_opts *o, hnp_worker *w, unsigned flags, size_t index,
                         const hnp_sink *sink, run_stats *st, report_log *rep, const char *out_path,
                         const hnp_doc **last);

/* Adds b into a. */
void run_add_stats(run_stats *a, const run_stats *b);

/* Shared by every worker; the mutable parts are touched only by the main thread. */
typedef struct runner {
    const cli_opts *o;
    const hnp_pipeline *pipe;
    const input_list *inputs;
    const char *out_dir; /* non-NULL: mirror each input into a file of its own */
    FILE *stream;        /* otherwise: all output goes here */
    hnp_sink sink;
    size_t doc_index; /* documents written to the stream so far */
    run_stats st;
    int write_failed; /* errno of a failed stream write, or 0 */
    double t0;
    hnp_membuf fail_log; /* the first messages about failed or skipped inputs, for --report */
    size_t n_fail_log;
    progress prog;            /* drawn by the main thread only */
    report_log rep;           /* --report: documents and concepts, merged in input order */
    uint64_t bytes_done;      /* input bytes of the finished line-oriented inputs (progress) */
    hnp_templates *tmpl_seen; /* --templates with line-oriented inputs: what the run saw */
    /* Text inputs, none of them stdin, without -v: the stream is flushed before a message
     * and at the end, not after every document (read whole, they keep no reader waiting). */
    int hold;
    /* The worker main.c made at start to fail early if per-thread state (ICU) cannot be
     * made: the first worker the run needs is this one (runner_worker), not a second. */
    hnp_worker *spare;
} runner;

/* A worker for r->pipe: r->spare the first time (whichever thread asks first), else a new
 * one. Free it with hnp_worker_free. */
hnp_status runner_worker(runner *r, hnp_worker **out);

/* The last stage the run needs: the format's (hnp_format_stages), or all for --report. */
hnp_stage run_stages(const cli_opts *o);

/* ", N sentences (N junk), N mentions" for the stages that ran (counts of stages not run
 * would be zeros: left out); "" when only normalize ran. */
void run_format_counts(char *buf, size_t cap, const cli_opts *o, const run_stats *s);

/* -v: one line on stderr for a processed document, from its counts (st holds it alone). */
void run_verbose_doc(runner *r, const char *id, const run_stats *st);

/* Prints a failure message to stderr and keeps the first ones for --report. */
void run_note_failure(runner *r, const char *msg);

/* The same, printf-style ("hnpipe: " is prepended, a newline appended). */
void run_failf(runner *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Processes every input. Returns the exit status (EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE). */
int run_all(runner *r);

/* Per-job result, built by a worker and consumed in input order by the main thread. */
typedef struct job_result {
    hnp_membuf out;   /* stream mode: what was rendered before the job could write directly */
    int stream_errno; /* stream mode: errno of a failed direct write to the stream, or 0 */
    char msg[768];    /* an error or skip message, or "" */
    int failed, skipped, uptodate, write_error;
    run_stats st;
    report_log rep; /* --report only */
} job_result;

/* Runs one text-mode input file through w into its own output file (mirror mode) or, in
 * stream mode, into stream (a sink that holds the output back in res->out until the earlier
 * inputs are written, then writes straight to the stream). */
void run_text_job(const runner *r, hnp_worker *w, unsigned slot, const input_file *in, size_t index,
                  const hnp_sink *stream, job_result *res);

/* Mirror mode: sets each input's out_path to OUTDIR/<id><ext>. An id that would climb out
 * of OUTDIR (absolute, or with a ".." component) keeps only its last component; two inputs
 * never share an output: the later one is refused with a message (failed), as is an id
 * that leaves no file name. Returns 0, or -1 when out of memory. */
int run_plan_mirror(runner *r, input_list *inputs);

/* 1 when out_path exists and is at least as new as in_path (--incremental). */
int run_up_to_date(const char *in_path, const char *out_path);

/* Processes all inputs in order on worker threads (text mode). */
int run_parallel(runner *r);

/* Writes a finished job (input id) to the stream and folds its stats and messages into r. */
void run_finish_job(runner *r, const char *id, job_result *res);

#endif /* HNP_CLI_RUN_H */

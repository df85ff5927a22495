/* run.h -- runs the pipeline over the input table and writes the outputs. */
#ifndef HNP_CLI_RUN_H
#define HNP_CLI_RUN_H

#include "args.h"
#include "inputs.h"
#include "output.h"

#include <stdint.h>

typedef struct run_stats {
    size_t docs, failed, skipped, uptodate, sentences, junk, mentions;
    uint64_t bytes;
} run_stats;

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
} runner;

/* Processes every input. Returns the exit status (EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE). */
int run_all(runner *r);

/* Per-job result, built by a worker and consumed in input order by the main thread. */
typedef struct job_result {
    hnp_membuf out; /* stream mode: the rendered documents */
    char msg[768];  /* an error or skip message, or "" */
    int failed, skipped, uptodate;
    run_stats st;
} job_result;

/* Reads one input fully (stdin for "-"). Returns 0, 1 when larger than max (skipped, the
 * rest is not read), or -1 with errno set. */
int run_read_input(const char *path, size_t max, uint8_t **buf, size_t *len);

/* Runs one text-mode input file through w into r's stream buffer or its own output file. */
void run_text_job(const runner *r, hnp_worker *w, unsigned slot, const input_file *in, size_t index,
                  job_result *res);

/* OUTDIR/<id><ext> for mirror mode (malloc'd); NULL when out of memory. */
char *run_output_path(const runner *r, const char *id);

/* Processes all inputs in order on worker threads (text mode). */
int run_parallel(runner *r);

/* Writes a finished job to the stream and folds its stats and messages into r. */
void run_finish_job(runner *r, job_result *res);

#endif /* HNP_CLI_RUN_H */

/* stream.h -- line-oriented inputs (records, PubTator, JSONL): a reader cuts the input
 * into documents (stream jobs), which are processed one at a time on the calling thread
 * (-j 1) or on the -j worker threads (stream_pool.c), and finished (written, counted,
 * their messages printed) in input order. */
#ifndef HNP_CLI_STREAM_H
#define HNP_CLI_STREAM_H

#include "jsonl.h"
#include "run.h"

#include <sys/types.h>

typedef struct stream_pool stream_pool;

typedef struct stream_ctx {
    runner *r;
    hnp_worker *w;
    const input_file *in;
    FILE *f;              /* the opened input */
    FILE *out;            /* where sink writes, flushed per document (see hold) */
    const hnp_sink *sink; /* the stream or this input's own output file */
    size_t *index;        /* documents written to this output so far */
    run_stats *st;
    int write_errno;
    const char *out_path; /* this input's own output file (mirror mode), or NULL */
    stream_pool *pool;    /* NULL: jobs run on the calling thread, with w */
    uint64_t consumed;    /* bytes of this input read so far (the reader's) */
    /* 1: the input is a regular file, so no reader of the output waits on a slow input:
     * the output is flushed when its buffer fills, before a message and at the input's
     * end, not after each document (a write() or two per article otherwise). 0: flushed
     * after each document, as a pipe stage must be. */
    int hold;
} stream_ctx;

typedef enum stream_job_kind {
    SJOB_NOTE,     /* a message of the reader's about the input (no document) */
    SJOB_RECORD,   /* a record or a JSONL object's text, written window by window */
    SJOB_PUBTATOR, /* a PubTator title and abstract */
    SJOB_MERGE     /* -f jsonl from JSONL: written back into its input object */
} stream_job_kind;

typedef enum stream_note {
    SNOTE_NONE,
    SNOTE_FAILED,  /* printed, kept for --report, counted failed */
    SNOTE_SKIPPED, /* the same, counted skipped */
    SNOTE_WARN     /* printed unless --quiet, not counted */
} stream_note;

/* One document (or message) of a line-oriented input: what the reader cut out, then what
 * processing made of it, applied to the run in input order by stream_job_finish. */
typedef struct stream_job {
    stream_job_kind kind;
    size_t lineno;
    char *id;
    uint8_t *text, *abstract; /* the text (a PubTator title) and a PubTator abstract */
    size_t text_len, abstract_len;
    char *line;    /* SJOB_MERGE: the input object (up to its closing brace) */
    jsonl_obj obj; /* SJOB_MERGE: where its members are */
    /* made by stream_job_run */
    size_t index;    /* the document's position in its output */
    int opened;      /* the pipeline took it: a document of the output */
    int flush;       /* processed to its end: flush the output after it */
    int write_errno; /* a write of its output failed */
    stream_note note;
    char msg[768]; /* the note, "hnpipe: ...\n" */
    run_stats st;
    report_log rep;
    uint64_t *keys; /* --templates: its lines' keys, added in input order */
    size_t n_keys;
    hnp_membuf out; /* its output while earlier documents are not written yet */
    int done;       /* the pool's: processed */
} stream_job;

typedef struct line_reader {
    FILE *f;
    char *line;
    size_t cap;
    size_t lineno;
    uint64_t consumed; /* bytes read so far, newlines included (progress) */
    char *buf;         /* read from f's descriptor, lines taken from [pos, end) */
    size_t pos, end;
    int err; /* errno of a failed read, else 0 */
} line_reader;

/* Next line without its \n (and a \r before it); -1 at EOF or on error. A line longer
 * than --max-doc-size (plus 64 KiB for an id) is read past without being kept, with a
 * message (skipped). */
ssize_t stream_next_line(stream_ctx *c, line_reader *lr);

/* Frees the reader's buffers. */
void stream_reader_free(line_reader *lr);

/* A new job of kind (zeroed), or NULL when out of memory. */
stream_job *stream_job_new(stream_job_kind kind, size_t lineno);
void stream_job_free(stream_job *j);

/* Hands the job over (always taken): processed and finished now without a pool, else
 * queued for the workers. Returns 0, or -1 once the run is stopping (a write failed). */
int stream_submit(stream_ctx *c, stream_job *j);

/* A message of the reader's, in its place among the documents' messages ("hnpipe: " is
 * prepended, a newline appended). */
void stream_note_f(stream_ctx *c, stream_note kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* 1 once a write of the output failed: the reader stops. */
int stream_stopped(stream_ctx *c);

/* Processes the job on w (any thread: reads only c's constant parts), writing through
 * sink. index_of gives the document's position in its output once the pipeline has taken
 * it or refused it (j->opened set). */
typedef size_t (*stream_index_fn)(void *ctx, stream_job *j);
void stream_job_run(const stream_ctx *c, hnp_worker *w, stream_job *j, const hnp_sink *sink,
                    stream_index_fn index_of, void *ctx);

/* Applies a processed job to the run in input order: writes what it held back, flushes,
 * counts it, prints its messages and -v line, adds its template keys and report rows. */
void stream_job_finish(stream_ctx *c, stream_job *j);

/* The pool: threads that process the jobs of line-oriented inputs, in input order.
 * NULL (with nothing started) when threads cannot be made. */
stream_pool *stream_pool_create(const runner *r, unsigned n_threads);
void stream_pool_free(stream_pool *p);

/* Runs the reader of input c on a thread of its own while the calling thread finishes the
 * jobs in order. Returns 0, or -1 when no reader thread could be made (nothing done). */
int stream_pool_run(stream_pool *p, stream_ctx *c);

/* The reader's side of the pool (stream_submit, stream_stopped): queues the job, waiting
 * while the window of jobs in flight is full; -1 (job freed) once the run stops. */
int stream_pool_submit(stream_pool *p, stream_job *j);
int stream_pool_stopped(stream_pool *p);

/* Redraws the progress line from the documents and the bytes of this input read so far. */
void stream_progress(stream_ctx *c, const line_reader *lr);

void stream_records(stream_ctx *c);
void stream_pubtator(stream_ctx *c);
void stream_jsonl(stream_ctx *c);

/* Reads the input c->in in its format, submitting its jobs (stream_read), or also
 * processes them: on c->pool's threads when there is one, else on the calling thread. */
void stream_read(stream_ctx *c);
void stream_input(stream_ctx *c);

#endif /* HNP_CLI_STREAM_H */

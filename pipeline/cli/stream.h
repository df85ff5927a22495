/* stream.h -- record and PubTator inputs, one document at a time. */
#ifndef HNP_CLI_STREAM_H
#define HNP_CLI_STREAM_H

#include "run.h"

#include <sys/types.h>

typedef struct stream_ctx {
    runner *r;
    hnp_worker *w;
    const input_file *in;
    FILE *f;              /* the opened input */
    FILE *out;            /* where sink writes, flushed per document */
    const hnp_sink *sink; /* the stream or this input's own output file */
    size_t *index;        /* documents written to this output so far */
    run_stats *st;
    int write_errno;
    const char *out_path; /* this input's own output file (mirror mode), or NULL */
} stream_ctx;

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

/* Counts a processed document into the run (stats, -v line, --report). */
void stream_count_doc(stream_ctx *c, const hnp_doc *d);

/* Runs the stages over the document open on c->w (hnp_worker_open) window by window,
 * writes it and counts it (and its -v line); record-style output flags. lineno names it in
 * a message when it fails after opening. */
void stream_emit(stream_ctx *c, const char *id, size_t lineno);

/* Reports a document the pipeline refused (binary, too big: skipped; else failed). */
void stream_doc_failed(stream_ctx *c, size_t lineno, hnp_status st);

/* Redraws the progress line from the documents and the bytes of this input read so far. */
void stream_progress(stream_ctx *c, const line_reader *lr);

void stream_records(stream_ctx *c);
void stream_pubtator(stream_ctx *c);
void stream_jsonl(stream_ctx *c);

/* Runs the input c->in in its format. */
void stream_input(stream_ctx *c);

#endif /* HNP_CLI_STREAM_H */

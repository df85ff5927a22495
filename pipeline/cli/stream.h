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
} stream_ctx;

void stream_records(stream_ctx *c);
void stream_pubtator(stream_ctx *c);

#endif /* HNP_CLI_STREAM_H */

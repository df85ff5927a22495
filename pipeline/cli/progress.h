/* progress.h -- the progress line on stderr (documents, MB, MB/s, ETA), as zstd draws it:
 * only when asked for or when stderr is a terminal, at most 6 redraws a second, and not at
 * all for runs shorter than half a second. Messages clear it first so lines never mix. */
#ifndef HNP_CLI_PROGRESS_H
#define HNP_CLI_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

typedef struct progress {
    int on;    /* draw at all */
    int drawn; /* a line is on the screen now */
    double t0, last;
    uint64_t total; /* input bytes expected; 0 when unknown (stdin, pipes) */
} progress;

/* 1 when the line should be drawn: mode > 0 forces it, mode 0 never, mode < 0 (auto) only
 * when stderr is a terminal and quiet is 0. */
int progress_wanted(int mode, int quiet);

void progress_init(progress *p, int on, uint64_t total_bytes);

/* Redraws the line if due: docs done, input bytes consumed so far. */
void progress_update(progress *p, size_t docs, uint64_t bytes);

/* Erases the line (before a message, and at the end). */
void progress_clear(progress *p);

/* Formats the line into buf (for the tests of its arithmetic and for drawing). */
void progress_format(char *buf, size_t cap, size_t docs, uint64_t bytes, uint64_t total,
                     double seconds);

#endif /* HNP_CLI_PROGRESS_H */

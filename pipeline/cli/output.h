/* output.h -- output files that are never left half-written: write to a temp file in the
 * same directory, fsync, rename, fsync the directory (as Redis does for its dumps). A
 * SIGINT/SIGTERM/SIGHUP removes the temp files in flight. Paths that are not regular files
 * (a FIFO, a device) are written through, never replaced; a symlink is followed to its
 * target, whose directory gets the temp file. */
#ifndef HNP_CLI_OUTPUT_H
#define HNP_CLI_OUTPUT_H

#include "hnp/hnp.h"

#include <stdio.h>

#define OUT_MAX_SLOTS 260 /* one per worker thread, plus the main thread */

typedef struct out_file {
    char *final_path; /* what is replaced: the path given, or the target of its symlinks */
    char *tmp_path;   /* NULL when writing through */
    FILE *f;
    unsigned slot;
} out_file;

/* Reads the umask, installs the SIGINT/SIGTERM/SIGHUP handler and ignores SIGPIPE (write
 * errors report EPIPE). Call once, before any thread starts. */
void out_install_signals(void);

/* Opens an output for final_path: a temp file beside the regular file (or where none is
 * yet; missing parent directories are created), or final_path itself when it is a FIFO, a
 * device or another non-regular file. slot is the caller's worker index (< OUT_MAX_SLOTS).
 * Returns 0, or -1 with errno set. */
int out_open(out_file *o, const char *final_path, unsigned slot);

/* Flushes, fsyncs and renames the temp file over final_path. Returns 0, or -1 with errno
 * set (the temp file is removed and final_path left as it was). */
int out_commit(out_file *o);

/* Removes the temp file; final_path is left as it was. Safe on an unopened out_file. */
void out_abort(out_file *o);

/* Removes every temp file this run still has (a safety net on the way out). */
void out_sweep(void);

/* A sink that writes to a FILE; a failed write returns HNP_ERR_IO with errno set. */
hnp_sink out_file_sink(FILE *f);

/* Creates dir and its parents (mkdir -p). Returns 0 or -1 with errno set. */
int out_mkdirs(const char *dir);

#endif /* HNP_CLI_OUTPUT_H */

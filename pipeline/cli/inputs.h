/* inputs.h -- turns the command line into a sorted, flat table of input files before any
 * work starts (as zstd's UTIL_expandFNT). */
#ifndef HNP_CLI_INPUTS_H
#define HNP_CLI_INPUTS_H

#include "args.h"

typedef struct input_file {
    char *path;     /* as opened; "-" is stdin */
    char *id;       /* document id: path relative to the root given on the command line */
    char *out_path; /* mirror mode: its own output file; NULL when it cannot be mirrored */
} input_file;

typedef struct dir_key {
    unsigned long long dev, ino;
    int used;
} dir_key;

/* The directories one walk has entered, by (device, inode): a symlink loop or a second
 * link to a directory (--follow) is walked once. An open-addressing set. */
typedef struct dir_set {
    dir_key *v;
    size_t n, cap;
} dir_set;

typedef struct input_list {
    input_file *v;
    size_t n, cap;
    dir_set seen;      /* while collecting */
    hnp_membuf errors; /* the messages printed while collecting, for --report */
} input_list;

/* Expands o->inputs into *out. Problems (missing path, directory without -r, unreadable
 * directory) are reported on stderr and counted in *n_errors; the rest is kept. Returns
 * 0, or -1 when out of memory. */
int inputs_collect(const cli_opts *o, input_list *out, size_t *n_errors);
void inputs_free(input_list *l);

#endif /* HNP_CLI_INPUTS_H */

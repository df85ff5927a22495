/* args.h -- command-line options of hnpipe, parsed into one struct (no globals). */
#ifndef HNP_CLI_ARGS_H
#define HNP_CLI_ARGS_H

#include "hnp/hnp.h"

#include <stddef.h>

enum { EXIT_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2, EXIT_LOCK = 3 };

typedef enum input_format {
    INPUT_TEXT = 0,
    INPUT_RECORDS,
    INPUT_PUBTATOR,
    INPUT_JSONL
} input_format;

#define MAX_USER_LEXICONS 8

typedef struct cli_opts {
    char **inputs; /* paths from argv (not owned); "-" is stdin */
    size_t n_inputs;
    int recursive, follow_symlinks;
    const char *output;     /* -o: a file, or a directory in batch mode */
    const char *output_dir; /* --output-dir */
    hnp_format format;
    int no_header;
    input_format input_format;
    const char *from_encoding;
    const char *text_field, *id_field; /* --input-format jsonl: member names */
    int no_repair, segmenter_icu;
    const char *lexicons[MAX_USER_LEXICONS];
    size_t n_lexicons;
    int no_default_lexicon;
    size_t max_doc_size;
    unsigned jobs;
    int incremental;
    const char *lock_path;
    const char *report_path;      /* --report FILE.html */
    const char *templates_path;   /* --templates FILE */
    int quiet, verbose, progress; /* progress: -1 auto (TTY), 0 off, 1 on */
    int show_help, show_version;
} cli_opts;

/* Parses argv into *o. On a usage error prints a message naming the option to stderr and
 * returns EXIT_USAGE; returns EXIT_OK otherwise. */
int cli_parse_args(int argc, char **argv, cli_opts *o);

void cli_print_help(void);
void cli_print_version(void);

#endif /* HNP_CLI_ARGS_H */

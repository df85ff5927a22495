/* lexicon_build.h -- the lexicon compiler: TSV sources -> one blob (lexicon_format.h).
 * Used by hnp-lexc at build time and by hnp_lexicon_from_tsv for user lexicons, so both
 * accept exactly the same input. Internal to libhnp. */
#ifndef HNP_LEXICON_BUILD_H
#define HNP_LEXICON_BUILD_H

#include "hnp/common.h"

#include <stddef.h>
#include <stdint.h>

typedef struct lexbuild_src {
    const char *name; /* for messages only */
    const uint8_t *data;
    size_t len;
} lexbuild_src;

/* Where compilation failed: source index, 1-based line (0: not line-specific), reason. */
typedef struct lexbuild_error {
    size_t src;
    size_t line;
    char msg[200];
} lexbuild_error;

/* Compiles the sources, in the given order (earlier rows win ties), into one blob.
 * Input per source: '#' comment lines ("#version: TEXT" lines are collected into the
 * version string), an optional header line ("term\t..." or "pattern\t..."), then rows:
 *   term files:    term<TAB>label<TAB>id<TAB>name[<TAB>flags]  (flags "-" or cs,ctx,low,exact,keep)
 *   pattern files: pattern<TAB>registry[<TAB>example]          (ICU regular expressions)
 * The output is byte-reproducible. On success *blob is malloc'd (free with free()). On
 * HNP_ERR_FORMAT, *err says where and why. */
hnp_status hnp_lexbuild_compile(const lexbuild_src *srcs, size_t n_srcs, void **blob,
                                size_t *blob_len, lexbuild_error *err);

#endif /* HNP_LEXICON_BUILD_H */

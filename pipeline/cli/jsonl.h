/* jsonl.h -- one JSON object a line (--input-format jsonl): a validating parser that finds
 * the text and id members and remembers where everything sits, so -f jsonl can write the
 * input object back with its other members untouched and the annotations added.
 *
 * Strict RFC 8259 on one line: every value is checked (strings, escapes, numbers, literals,
 * nesting up to JSONL_MAX_DEPTH); a line that is not one object gets a reason and the byte
 * column where parsing stopped. Bytes inside strings are passed through as they are (the
 * pipeline detects and repairs their encoding). */
#ifndef HNP_CLI_JSONL_H
#define HNP_CLI_JSONL_H

#include "hnp/hnp.h"

#include <stddef.h>

#define JSONL_MAX_DEPTH 128

/* A value's bytes in the line: [start, end). */
typedef struct jsonl_span {
    size_t start, end;
} jsonl_span;

typedef struct jsonl_obj {
    jsonl_span text, id; /* the values of the text and id members; end == 0 when absent */
    char id_type;        /* first byte of the id value: '"', a digit or '-', 'n', ... */
    size_t close;        /* offset of the object's closing brace */
    size_t n_members;
    /* The bytes to cut, in order, to drop the "hnpipe" members of an earlier run (each with
     * one comma). Owned by the object and reused by the next jsonl_parse into it; zero the
     * object before its first use and free with jsonl_obj_free. */
    jsonl_span *cuts;
    size_t n_cuts, cap_cuts;
} jsonl_obj;

void jsonl_obj_free(jsonl_obj *o);

typedef struct jsonl_err {
    size_t column; /* 1-based byte column where parsing stopped */
    const char *why;
} jsonl_err;

/* The member name -f jsonl adds the annotations under. */
#define JSONL_ANNOTATION_KEY "hnpipe"

/* Parses line[0..len) as one JSON object (surrounding whitespace allowed). The last member
 * named text_key (id_key) wins, as in most JSON readers. n_members counts the members that
 * are not cut. Returns 0, or -1 with *err set (also when out of memory). */
int jsonl_parse(const char *line, size_t len, const char *text_key, const char *id_key,
                jsonl_obj *out, jsonl_err *err);

/* Decodes the JSON string at s (quotes included, as found by jsonl_parse) into out,
 * NUL-terminated; \u escapes become UTF-8, a lone surrogate becomes U+FFFD. Returns 0, or
 * -1 when out of memory. out is reset first (its memory reused). */
int jsonl_decode_string(const char *line, jsonl_span s, hnp_membuf *out);

#endif /* HNP_CLI_JSONL_H */

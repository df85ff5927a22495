/* templates.h -- the site-template memory of a run: --templates FILE and the -r batch.
 *
 * Text inputs: a first pass normalizes every input (stdin and, with --incremental, the
 * inputs that are up to date excepted) and counts its lines, so that the batch itself is
 * the memory (with what FILE held). Line-oriented inputs (--records, jsonl, PubTator): each
 * record is classified with FILE's memory as it was read, so a record's output still
 * depends only on it; what the run saw is merged in when FILE is written back. */
#ifndef HNP_CLI_TEMPLATES_H
#define HNP_CLI_TEMPLATES_H

#include "args.h"
#include "inputs.h"

/* Builds the memory the run classifies with (*out NULL when the run uses none). Returns 0,
 * or -1 after a message (unreadable or malformed FILE, out of memory). */
int tmpl_prepare(const cli_opts *o, const input_list *in, hnp_templates **out);

/* Writes mem, with seen merged in (may be NULL), to FILE atomically (temp file, fsync,
 * rename). Returns 0, or -1 after a message. */
int tmpl_write_back(const char *path, hnp_templates *mem, const hnp_templates *seen);

#endif /* HNP_CLI_TEMPLATES_H */

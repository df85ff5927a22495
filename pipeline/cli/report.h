/* report.h -- --report FILE.html: a self-contained summary of a batch run with small
 * inline-SVG charts (sentences by kind, mentions by label, documents by junk share,
 * encodings) and the list of failed or skipped inputs. */
#ifndef HNP_CLI_REPORT_H
#define HNP_CLI_REPORT_H

#include "run.h"

/* Writes the report atomically (temp file + rename): the counts, the most frequent
 * conditions, drugs and trials with their ids, the charts, the failed inputs, and a row per
 * document (junk share, repairs, title; a link to its own output file when -o mirrors).
 * Compacts r->rep. Returns 0, or -1 with errno set. */
int report_write(const char *path, runner *r, double seconds);

#endif /* HNP_CLI_REPORT_H */

/* fuzz_lexicon.c -- a user lexicon (--lexicon FILE.tsv) from arbitrary bytes. When it loads,
 * a pipeline tags a short text with it, and the lexicon's own first term, so the compiled
 * tables are read as well as built. */
#include "fuzz.h"
#include "hnp/hnp.h"

#include <stdlib.h>
#include <string.h>

static const char sample[] = "Aspirin and metformin were tested in patients with multiple "
                             "sclerosis (MS) in trial NCT01234567.";

static void tag_with(const hnp_lexicon *lex, const uint8_t *data, size_t size)
{
    hnp_pipeline_opts o;
    memset(&o, 0, sizeof o);
    const hnp_lexicon *user[1] = {lex};
    o.user_lexicons = user;
    o.n_user_lexicons = 1;
    o.no_default_lexicon = 1;
    hnp_pipeline *p = NULL;
    hnp_worker *w = NULL;
    if (hnp_pipeline_create(&o, &p) != HNP_OK || hnp_worker_create(p, &w) != HNP_OK) {
        abort();
    }
    const hnp_doc *d;
    (void)hnp_worker_process(w, "s", (const uint8_t *)sample, sizeof sample - 1, &d);
    const uint8_t *tab = memchr(data, '\t', size); /* the first term, as a document */
    (void)hnp_worker_process(w, "t", data, tab ? (size_t)(tab - data) : size, &d);
    hnp_worker_free(w);
    hnp_pipeline_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hnp_lexicon *lex = NULL;
    size_t bad_line = 0;
    char why[256];
    hnp_status st = hnp_lexicon_from_tsv_why(data, size, &lex, &bad_line, why, sizeof why);
    if (st == HNP_OK) {
        if (!lex) {
            abort();
        }
        tag_with(lex, data, size);
        hnp_lexicon_free(lex);
    } else if (lex) {
        abort(); /* a failed load hands nothing back */
    }
    return 0;
}

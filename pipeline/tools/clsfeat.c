/* clsfeat.c -- hnp-clsfeat, the feature dump for training the classify model (offline).
 *
 *   hnp-clsfeat < records.tsv > features.tsv
 *
 * Reads records (`id<TAB>text`, text escaped as in hnpipe's output), runs the pipeline's
 * normalize and segment stages on each, and writes the classifier's feature vectors,
 * computed by the library's own code (hnp_classify_features), so that training and
 * inference cannot disagree on a feature. Output:
 *   #<TAB>name0<TAB>name1...                  once, the feature names
 *   D<TAB>id<TAB>n<TAB>escaped normalized text  per document
 *   start<TAB>end<TAB>kind<TAB>f0 f1 ...         per sentence (code-point offsets; the
 *                                               kind the shipped classifier gives)
 * A record that fails is reported on stderr and skipped; exit 1 then. */
#include "hnp/pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Unescapes \\, \t, \n, \r in place; returns the new length. */
static size_t unescape(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            char c = s[++i];
            s[o++] = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        } else {
            s[o++] = s[i];
        }
    }
    return o;
}

static void put_escaped(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '\\':
            fputs("\\\\", stdout);
            break;
        case '\t':
            fputs("\\t", stdout);
            break;
        case '\n':
            fputs("\\n", stdout);
            break;
        case '\r':
            fputs("\\r", stdout);
            break;
        default:
            putchar(s[i]);
        }
    }
}

static void put_names(void)
{
    char buf[64];
    fputs("#", stdout);
    for (size_t j = 0; j < hnp_classify_n_features(); j++) {
        printf("\t%s", hnp_classify_feature_name(j, buf, sizeof buf));
    }
    putchar('\n');
}

static int dump(const hnp_classifier *c, const hnp_doc *d)
{
    size_t nf = hnp_classify_n_features(), n = d->n_sents;
    hnp_span *spans = malloc((n ? n : 1) * sizeof *spans);
    float *x = malloc((n ? n : 1) * nf * sizeof *x);
    int ok = spans && x;
    for (size_t i = 0; ok && i < n; i++) {
        spans[i] = d->sents[i].span;
    }
    ok = ok && hnp_classify_features(c, d->text, d->len, spans, n, x) == HNP_OK;
    if (ok) {
        printf("D\t%s\t%zu\t", d->id, n);
        put_escaped(d->text, d->len);
        putchar('\n');
        for (size_t i = 0; i < n; i++) {
            printf("%zu\t%zu\t%s\t", d->sents[i].cp_start, d->sents[i].cp_end,
                   hnp_kind_name(d->sents[i].kind));
            for (size_t j = 0; j < nf; j++) {
                printf(j ? " %.6g" : "%.6g", (double)x[i * nf + j]);
            }
            putchar('\n');
        }
    }
    free(spans);
    free(x);
    return ok;
}

static int run(hnp_worker *w, const hnp_classifier *c)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int status = 0;
    unsigned long lineno = 0;
    while ((got = getline(&line, &cap, stdin)) > 0) {
        lineno++;
        size_t n = (size_t)got;
        if (line[n - 1] == '\n') {
            line[--n] = '\0';
        }
        char *tab = memchr(line, '\t', n);
        if (!tab) {
            fprintf(stderr, "hnp-clsfeat: stdin:%lu: no tab; skipped\n", lineno);
            status = 1;
            continue;
        }
        *tab = '\0';
        size_t tl = unescape(tab + 1, n - (size_t)(tab + 1 - line));
        const hnp_doc *d = NULL;
        if (hnp_worker_process(w, line, (const uint8_t *)tab + 1, tl, &d) != HNP_OK ||
            !dump(c, d)) {
            fprintf(stderr, "hnp-clsfeat: stdin:%lu: record %s failed; skipped\n", lineno, line);
            status = 1;
        }
    }
    free(line);
    return status;
}

int main(void)
{
    hnp_pipeline_opts po;
    memset(&po, 0, sizeof po);
    po.no_default_lexicon = 1; /* the tagger plays no part in the features */
    hnp_pipeline *p = NULL;
    hnp_worker *w = NULL;
    hnp_classifier *c = NULL;
    if (hnp_pipeline_create(&po, &p) != HNP_OK || hnp_worker_create(p, &w) != HNP_OK ||
        hnp_classifier_create(NULL, &c) != HNP_OK) {
        fprintf(stderr, "hnp-clsfeat: cannot set up the pipeline\n");
        hnp_worker_free(w);
        hnp_pipeline_free(p);
        return 2;
    }
    put_names();
    int status = run(w, c);
    hnp_classifier_free(c);
    hnp_worker_free(w);
    hnp_pipeline_free(p);
    return fflush(stdout) == 0 ? status : 2;
}

/* tagfeat.c -- hnp-tagfeat: the tagger model's features on PubTator documents, for
 * scripts/train_tagger.py (offline training; not installed).
 *
 * usage: hnp-tagfeat FILE.pubtator > FEATURES
 * Each document (title, one space, abstract, as PubTator's offsets count) is cut into
 * sentences by the segmenter and tagged with the embedded lexicon, every sentence
 * taggable, with the model off. Output, one line per sentence:
 *   PMID<TAB>start,end,f1,...,fN<TAB>start,end,f1,...   (one field per token)
 * where start/end are the token's byte offsets in the document and f the feature hashes. */
#include "hnp/hnp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct doc {
    char pmid[64];
    char *text;
    size_t len, cap;
} doc;

static void on_sentence(void *ctx, const hnp_span *tok, size_t n, const uint32_t *f, size_t nf)
{
    const doc *d = ctx;
    fputs(d->pmid, stdout);
    for (size_t i = 0; i < n; i++) {
        printf("\t%zu,%zu", tok[i].start, tok[i].end);
        for (size_t j = 0; j < nf; j++) {
            printf(",%u", (unsigned)f[i * nf + j]);
        }
    }
    putchar('\n');
}

static int append(doc *d, const char *s, size_t n)
{
    if (d->len + n + 1 > d->cap) {
        size_t cap = (d->len + n + 1) * 2;
        char *p = realloc(d->text, cap);
        if (!p) {
            return -1;
        }
        d->text = p;
        d->cap = cap;
    }
    memcpy(d->text + d->len, s, n);
    d->len += n;
    return 0;
}

static int tag_doc(hnp_segmenter *seg, hnp_tagger *tg, doc *d)
{
    size_t n = 0, cap = 256;
    hnp_span *sp = NULL;
    hnp_status st;
    do {
        hnp_span *q = realloc(sp, cap * sizeof *sp);
        if (!q) {
            free(sp);
            return -1;
        }
        sp = q;
        st = hnp_segment(seg, (const uint8_t *)d->text, d->len, sp, cap, &n);
        cap = n + 1;
    } while (st == HNP_ERR_TOOSMALL);
    const hnp_mention *m;
    size_t nm;
    if (st == HNP_OK) {
        st = hnp_tag(tg, (const uint8_t *)d->text, d->len, sp, NULL, n, &m, &nm);
    }
    free(sp);
    return st == HNP_OK ? 0 : -1;
}

/* A "PMID|t|" or "PMID|a|" line adds its text (after one space for the abstract). */
static int read_line(doc *d, const char *line, size_t n, int *have)
{
    const char *bar = memchr(line, '|', n);
    if (!bar || bar + 3 > line + n || bar[2] != '|' || (bar[1] != 't' && bar[1] != 'a')) {
        return 0;
    }
    size_t pl = (size_t)(bar - line) < sizeof d->pmid ? (size_t)(bar - line) : sizeof d->pmid - 1;
    memcpy(d->pmid, line, pl);
    d->pmid[pl] = '\0';
    if (bar[1] == 'a' && append(d, " ", 1) != 0) {
        return -1;
    }
    *have = 1;
    return append(d, bar + 3, (size_t)(line + n - bar - 3));
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: hnp-tagfeat FILE.pubtator\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    const hnp_lexicon *lex;
    hnp_segmenter *seg = NULL;
    hnp_tagger *tg = NULL;
    if (!in || hnp_lexicon_embedded(&lex) != HNP_OK || hnp_segmenter_create(NULL, &seg) != HNP_OK ||
        hnp_tagger_create(&lex, 1, &tg) != HNP_OK) {
        fprintf(stderr, "hnp-tagfeat: cannot start on %s\n", argv[1]);
        return 1;
    }
    doc d = {{0}, NULL, 0, 0};
    hnp_tagger_set_model(tg, 0);
    hnp_tagger_set_trace(tg, on_sentence, &d);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    int have = 0, rc = 0;
    while (rc == 0 && (got = getline(&line, &lcap, in)) >= 0) {
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
            n--;
        }
        if (n == 0 && have) {
            rc = tag_doc(seg, tg, &d);
            d.len = 0;
            have = 0;
        } else if (read_line(&d, line, n, &have) < 0) {
            rc = -1;
        }
    }
    if (rc == 0 && have) {
        rc = tag_doc(seg, tg, &d);
    }
    free(line);
    free(d.text);
    hnp_tagger_free(tg);
    hnp_segmenter_free(seg);
    fclose(in);
    if (rc != 0) {
        fprintf(stderr, "hnp-tagfeat: %s: out of memory or bad text\n", argv[1]);
        return 1;
    }
    return 0;
}

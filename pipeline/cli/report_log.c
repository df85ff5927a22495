/* report_log.c -- documents and concept counts for --report. */
#include "report_log.h"

#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Room for one more element of size sz in *v (capacity *cap, count n). */
static int grow(void **v, size_t *cap, size_t n, size_t sz)
{
    if (n < *cap) {
        return 0;
    }
    size_t nc = *cap ? *cap * 2 : 64;
    void *nv = realloc(*v, nc * sz);
    if (!nv) {
        return -1;
    }
    *v = nv;
    *cap = nc;
    return 0;
}

static void concept_free(report_concept *c)
{
    free(c->id);
    free(c->name);
}

/* A concept is its label and id; mentions without an id ("-") are told apart by name. */
static int by_concept(const void *a, const void *b)
{
    const report_concept *x = a, *y = b;
    if (x->label != y->label) {
        return x->label < y->label ? -1 : 1;
    }
    int c = strcmp(x->id, y->id);
    return c ? c : strcmp(x->name ? x->name : "", y->name ? y->name : "");
}

static int by_label_then_count(const void *a, const void *b)
{
    const report_concept *x = a, *y = b;
    if (x->label != y->label) {
        return x->label < y->label ? -1 : 1;
    }
    if (x->mentions != y->mentions) {
        return x->mentions > y->mentions ? -1 : 1;
    }
    return by_concept(a, b);
}

void report_log_compact(report_log *log)
{
    if (log->n_concepts == 0) {
        return;
    }
    qsort(log->concepts, log->n_concepts, sizeof *log->concepts, by_concept);
    size_t w = 0;
    for (size_t i = 1; i < log->n_concepts; i++) {
        report_concept *c = &log->concepts[i], *last = &log->concepts[w];
        if (by_concept(c, last) == 0) {
            last->mentions += c->mentions;
            last->docs += c->docs;
            concept_free(c);
        } else {
            log->concepts[++w] = *c;
        }
    }
    log->n_concepts = w + 1;
    qsort(log->concepts, log->n_concepts, sizeof *log->concepts, by_label_then_count);
    log->compacted = log->n_concepts;
}

/* Appends one concept; merges duplicates whenever the unsorted tail has doubled. */
static int add_concept(report_log *log, const report_concept *c)
{
    if (grow((void **)&log->concepts, &log->cap_concepts, log->n_concepts, sizeof *log->concepts) !=
        0) {
        return -1;
    }
    log->concepts[log->n_concepts++] = *c;
    if (log->n_concepts >= 2 * log->compacted + 1024) {
        report_log_compact(log);
    }
    return 0;
}

static void log_clear_concepts(report_log *log)
{
    for (size_t i = 0; i < log->n_concepts; i++) {
        concept_free(&log->concepts[i]);
    }
    free(log->concepts);
    log->concepts = NULL;
    log->n_concepts = log->cap_concepts = log->compacted = 0;
}

/* Moves the concepts of from into log (from is left empty). */
static int move_concepts(report_log *log, report_log *from)
{
    size_t i = 0;
    for (; i < from->n_concepts; i++) {
        if (add_concept(log, &from->concepts[i]) != 0) {
            break;
        }
    }
    for (size_t k = i; k < from->n_concepts; k++) {
        concept_free(&from->concepts[k]);
    }
    from->n_concepts = 0;
    log_clear_concepts(from);
    return i == from->n_concepts ? 0 : -1;
}

int report_log_window(report_log *one, const hnp_doc *d)
{
    int rc = 0;
    for (size_t i = 0; i < d->n_mentions && rc == 0; i++) {
        const hnp_mention *m = &d->mentions[i].m;
        report_concept c = {strdup(m->id ? m->id : "-"), dup_or_null(m->name), m->label, 1, 0};
        if (!c.id || (m->name && !c.name) ||
            grow((void **)&one->concepts, &one->cap_concepts, one->n_concepts,
                 sizeof *one->concepts) != 0) {
            concept_free(&c);
            rc = -1;
            break;
        }
        one->concepts[one->n_concepts++] = c;
    }
    report_log_compact(one);
    return rc;
}

int report_log_doc(report_log *log, report_log *one, const hnp_doc *d, const char *out_path)
{
    log->docs_seen++;
    for (size_t i = 0; i < one->n_concepts; i++) {
        one->concepts[i].docs = 1;
    }
    int rc = move_concepts(log, one);
    if (log->n_docs >= REPORT_MAX_DOCS) {
        return rc;
    }
    if (grow((void **)&log->docs, &log->cap_docs, log->n_docs, sizeof *log->docs) != 0) {
        return -1;
    }
    report_doc r = {strdup(d->id),         dup_or_null(d->meta.title),
                    dup_or_null(out_path), d->doc_sents,
                    d->doc_junk,           d->repairs,
                    d->doc_mentions};
    log->docs[log->n_docs++] = r;
    return rc;
}

static void doc_free(report_doc *r)
{
    free(r->id);
    free(r->title);
    free(r->out_path);
}

int report_log_merge(report_log *into, report_log *from)
{
    int rc = 0;
    into->docs_seen += from->docs_seen;
    for (size_t i = 0; i < from->n_docs; i++) {
        if (into->n_docs < REPORT_MAX_DOCS &&
            grow((void **)&into->docs, &into->cap_docs, into->n_docs, sizeof *into->docs) == 0) {
            into->docs[into->n_docs++] = from->docs[i];
        } else {
            doc_free(&from->docs[i]);
        }
    }
    free(from->docs);
    from->docs = NULL;
    from->n_docs = from->cap_docs = from->docs_seen = 0;
    return move_concepts(into, from) || rc ? -1 : 0;
}

void report_log_free(report_log *log)
{
    for (size_t i = 0; i < log->n_docs; i++) {
        doc_free(&log->docs[i]);
    }
    free(log->docs);
    log_clear_concepts(log);
    memset(log, 0, sizeof *log);
}

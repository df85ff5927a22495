/* report.c -- the batch report: one HTML page, no external resources. */
#include "report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define REPORT_TOP 15 /* concepts listed per label */

typedef struct bar {
    const char *name;
    size_t n;
} bar;

/* A horizontal bar chart: one labelled bar per entry, scaled to the largest. */
static void svg_bars(FILE *f, const char *title, const bar *bars, size_t n)
{
    size_t max = 1;
    for (size_t i = 0; i < n; i++) {
        max = bars[i].n > max ? bars[i].n : max;
    }
    fprintf(f, "<h2>%s</h2>\n<svg width=\"520\" height=\"%zu\" role=\"img\">\n", title, n * 22 + 4);
    for (size_t i = 0; i < n; i++) {
        double w = 300.0 * (double)bars[i].n / (double)max;
        fprintf(f,
                "<text x=\"0\" y=\"%zu\" font-size=\"13\">%s</text>"
                "<rect x=\"110\" y=\"%zu\" width=\"%.1f\" height=\"16\" fill=\"#4a7ab0\"/>"
                "<text x=\"%.1f\" y=\"%zu\" font-size=\"13\">%zu</text>\n",
                i * 22 + 15, bars[i].name, i * 22 + 3, w, 116 + w, i * 22 + 15, bars[i].n);
    }
    fputs("</svg>\n", f);
}

static void put_escaped(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '"':
            fputs("&quot;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '&':
            fputs("&amp;", f);
            break;
        default:
            fputc(s[i], f);
        }
    }
}

static void charts(FILE *f, const run_stats *st)
{
    bar kinds[5], labels[4], share[10], enc[RUN_MAX_ENCODINGS];
    static const char *const tenths[] = {"0-10%",  "10-20%", "20-30%", "30-40%", "40-50%",
                                         "50-60%", "60-70%", "70-80%", "80-90%", "90-100%"};
    for (size_t i = 0; i < 5; i++) {
        kinds[i] = (bar){hnp_kind_name((hnp_kind)i), st->by_kind[i]};
    }
    for (size_t i = 0; i < 4; i++) {
        labels[i] = (bar){hnp_label_name((hnp_entity_label)i), st->by_label[i]};
    }
    for (size_t i = 0; i < 10; i++) {
        share[i] = (bar){tenths[i], st->junk_share[i]};
    }
    size_t n_enc = 0;
    while (n_enc < RUN_MAX_ENCODINGS && st->enc[n_enc].name[0]) {
        enc[n_enc] = (bar){st->enc[n_enc].name, st->enc[n_enc].docs};
        n_enc++;
    }
    svg_bars(f, "Sentences by kind", kinds, 5);
    svg_bars(f, "Mentions by label", labels, 4);
    svg_bars(f, "Documents by share of junk sentences", share, 10);
    svg_bars(f, "Documents by encoding", enc, n_enc);
}

static void put_text(FILE *f, const char *s)
{
    s = s ? s : "-";
    put_escaped(f, s, strlen(s));
}

static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(out, cap, ".");
    } else if (slash == path) {
        snprintf(out, cap, "/");
    } else {
        snprintf(out, cap, "%.*s", (int)(slash - path), path);
    }
}

/* The path of target relative to the directory of from (both exist): "../out/a.txt.html",
 * so the report and the outputs can move together. NULL when either cannot be resolved. */
static char *relative_link(const char *from, const char *target)
{
    char dir[PATH_MAX], abs_from[PATH_MAX], abs_to[PATH_MAX];
    dir_of(from, dir, sizeof dir);
    if (!realpath(dir, abs_from) || !realpath(target, abs_to)) {
        return NULL;
    }
    size_t k = 0;
    while (abs_from[k] && abs_from[k] == abs_to[k]) {
        k++;
    }
    if (abs_from[k] != '\0' || abs_to[k] != '/') {
        while (k > 0 && abs_to[k] != '/') { /* back to the last shared directory */
            k--;
        }
    }
    size_t ups = 0;
    for (const char *p = abs_from + k; *p; p++) {
        ups += *p == '/';
    }
    size_t len = ups * 3 + strlen(abs_to + k) + 1;
    char *out = malloc(len);
    if (out) {
        out[0] = '\0';
        for (size_t i = 0; i < ups; i++) {
            strcat(out, "../");
        }
        strcat(out, abs_to + k + 1);
    }
    return out;
}

/* A URL path: bytes outside a safe set percent-encoded. */
static void put_href(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("/._-~", c)) {
            fputc(c, f);
        } else {
            fprintf(f, "%%%02X", c);
        }
    }
}

static void doc_row(FILE *f, const char *report_path, const report_doc *d)
{
    fputs("<tr><td>", f);
    char *link = d->out_path ? relative_link(report_path, d->out_path) : NULL;
    if (link) {
        fputs("<a href=\"", f);
        put_href(f, link);
        fputs("\">", f);
    }
    put_text(f, d->id);
    fputs(link ? "</a>" : "", f);
    free(link);
    fprintf(f, "</td><td>%zu</td><td>%.0f%%</td><td>%zu</td><td>%zu</td><td>", d->sents,
            d->sents ? 100.0 * (double)d->junk / (double)d->sents : 0.0, d->repairs, d->mentions);
    put_text(f, d->title);
    fputs("</td></tr>\n", f);
}

static void doc_table(FILE *f, const char *report_path, const report_log *log)
{
    fprintf(f, "<h2>Documents (%zu)</h2>\n", log->docs_seen);
    if (log->docs_seen > log->n_docs) {
        fprintf(f, "<p>The first %zu are listed.</p>\n", log->n_docs);
    }
    fputs("<table class=\"docs\"><tr><th>document</th><th>sentences</th><th>junk</th>"
          "<th>repairs</th><th>mentions</th><th>title</th></tr>\n",
          f);
    for (size_t i = 0; i < log->n_docs; i++) {
        doc_row(f, report_path, &log->docs[i]);
    }
    fputs("</table>\n", f);
}

/* The most mentioned concepts of one label (the log is compacted: by label, then count). */
static void top_concepts(FILE *f, const report_log *log, hnp_entity_label label, const char *title)
{
    fprintf(f,
            "<h2>Most frequent %s</h2>\n<table class=\"docs\"><tr><th>id</th><th>name</th>"
            "<th>mentions</th><th>documents</th></tr>\n",
            title);
    size_t shown = 0;
    for (size_t i = 0; i < log->n_concepts && shown < REPORT_TOP; i++) {
        const report_concept *c = &log->concepts[i];
        if (c->label != label) {
            continue;
        }
        fputs("<tr><td>", f);
        put_text(f, c->id);
        fputs("</td><td>", f);
        put_text(f, c->name);
        fprintf(f, "</td><td>%zu</td><td>%zu</td></tr>\n", c->mentions, c->docs);
        shown++;
    }
    fputs(shown ? "</table>\n" : "</table>\n<p>none</p>\n", f);
}

int report_write(const char *path, runner *r, double seconds)
{
    out_file of;
    if (out_open(&of, path, 0) != 0) {
        return -1;
    }
    FILE *f = of.f;
    const run_stats *st = &r->st;
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<title>hnpipe report</title><style>body{font:15px/1.4 sans-serif;max-width:46em;"
          "margin:2em auto}td{padding:0 1em 0 0}pre{font-size:12px;white-space:pre-wrap}"
          "table.docs{border-collapse:collapse;font-size:13px}table.docs td,table.docs th{"
          "border-bottom:1px solid #ddd;padding:2px 8px 2px 0;text-align:left}"
          "</style></head><body>\n<h1>hnpipe report</h1>\n<table>\n",
          f);
    fprintf(f,
            "<tr><td>documents</td><td>%zu</td></tr><tr><td>failed</td><td>%zu</td></tr>"
            "<tr><td>skipped</td><td>%zu</td></tr><tr><td>up to date</td><td>%zu</td></tr>"
            "<tr><td>sentences</td><td>%zu (%zu junk)</td></tr><tr><td>mentions</td><td>%zu"
            "</td></tr><tr><td>repairs</td><td>%zu</td></tr><tr><td>input</td><td>%.1f MB in "
            "%.2f s</td></tr>\n</table>\n",
            st->docs, st->failed, st->skipped, st->uptodate, st->sentences, st->junk, st->mentions,
            st->repairs, (double)st->bytes / 1e6, seconds);
    report_log_compact(&r->rep);
    top_concepts(f, &r->rep, HNP_LABEL_CONDITION, "conditions");
    top_concepts(f, &r->rep, HNP_LABEL_DRUG, "drugs");
    top_concepts(f, &r->rep, HNP_LABEL_TRIAL, "trials");
    charts(f, st);
    fprintf(f, "<h2>Failed or skipped inputs (%zu)</h2>\n<pre>", st->failed + st->skipped);
    put_escaped(f, r->fail_log.data ? (const char *)r->fail_log.data : "", r->fail_log.len);
    fputs("</pre>\n", f);
    doc_table(f, path, &r->rep);
    fputs("</body></html>\n", f);
    if (ferror(f)) {
        out_abort(&of);
        return -1;
    }
    return out_commit(&of);
}

/* report.c -- the batch report: one HTML page, no external resources. */
#include "report.h"

#include <string.h>

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

int report_write(const char *path, const runner *r, double seconds)
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
    charts(f, st);
    fprintf(f, "<h2>Failed or skipped inputs (%zu)</h2>\n<pre>", st->failed + st->skipped);
    put_escaped(f, r->fail_log.data ? (const char *)r->fail_log.data : "", r->fail_log.len);
    fputs("</pre>\n</body></html>\n", f);
    if (ferror(f)) {
        out_abort(&of);
        return -1;
    }
    return out_commit(&of);
}

/* templates.c -- reads, builds and writes back the site-template memory (templates.h). */
#include "templates.h"

#include "output.h"
#include "read_file.h"
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Merges FILE into t; a missing FILE is an empty memory (the first nightly run). */
static int load_file(const char *path, size_t max, hnp_templates *t)
{
    uint8_t *buf = NULL;
    size_t len = 0;
    errno = 0;
    int rc = util_read_file(path, max, &buf, &len);
    if (rc < 0 && errno == ENOENT) {
        return 0;
    }
    if (rc != 0) {
        fprintf(stderr, "hnpipe: --templates %s: cannot read: %s\n", path,
                rc > 0 ? "larger than --max-doc-size" : strerror(errno));
        return -1;
    }
    size_t bad = 0;
    hnp_status st = hnp_templates_load(t, buf, len, &bad);
    free(buf);
    if (st == HNP_ERR_FORMAT) {
        fprintf(stderr,
                "hnpipe: --templates %s: not a template memory written by hnpipe (line %zu); "
                "give another file, or remove it to start a new memory\n",
                path, bad);
        return -1;
    }
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: --templates %s: %s\n", path, hnp_strerror(st));
        return -1;
    }
    return 0;
}

/* The first pass over the text inputs: normalize each and count its lines. An input that
 * fails here fails again, with its message, in the real pass. */
static int scan_batch(const cli_opts *o, const input_list *in, hnp_templates *t)
{
    hnp_pipeline_opts po;
    memset(&po, 0, sizeof po);
    po.normalize.from_encoding = o->from_encoding;
    po.normalize.flags = o->no_repair ? HNP_NORM_NO_REPAIR : 0;
    po.max_doc_size = o->max_doc_size;
    po.last_stage = HNP_STAGE_NORMALIZE;
    hnp_pipeline *p = NULL;
    hnp_worker *w = NULL;
    hnp_status st = hnp_pipeline_create(&po, &p);
    if (st == HNP_OK) {
        st = hnp_worker_create(p, &w);
    }
    for (size_t i = 0; i < in->n && st == HNP_OK; i++) {
        const input_file *f = &in->v[i];
        if (strcmp(f->path, "-") == 0 ||
            (o->incremental && f->out_path && run_up_to_date(f->path, f->out_path))) {
            continue;
        }
        uint8_t *raw = NULL;
        size_t len = 0;
        const hnp_doc *d;
        if (util_read_file(f->path, o->max_doc_size, &raw, &len) == 0 &&
            hnp_worker_process(w, f->id, raw, len, &d) == HNP_OK) {
            st = hnp_templates_add(t, d->text, d->len);
        }
        free(raw);
    }
    hnp_worker_free(w);
    hnp_pipeline_free(p);
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: site templates: %s\n", hnp_strerror(st));
        return -1;
    }
    return 0;
}

int tmpl_prepare(const cli_opts *o, const input_list *in, hnp_templates **out)
{
    *out = NULL;
    hnp_stage last = run_stages(o);
    int classifies = last == HNP_STAGE_ALL || last >= HNP_STAGE_CLASSIFY;
    int batch =
        o->input_format == INPUT_TEXT && (o->templates_path || (o->recursive && classifies));
    if (!batch && !o->templates_path) {
        return 0;
    }
    hnp_templates *t = NULL;
    if (hnp_templates_create(&t) != HNP_OK) {
        fputs("hnpipe: out of memory\n", stderr);
        return -1;
    }
    if ((o->templates_path && load_file(o->templates_path, o->max_doc_size, t) != 0) ||
        (batch && scan_batch(o, in, t) != 0)) {
        hnp_templates_free(t);
        return -1;
    }
    *out = t;
    return 0;
}

int tmpl_write_back(const char *path, hnp_templates *mem, const hnp_templates *seen)
{
    uint8_t *buf = NULL;
    size_t len = 0;
    hnp_status st = HNP_OK;
    if (seen) { /* merged through the text form: one parser, no second merge path */
        st = hnp_templates_save(seen, &buf, &len);
        if (st == HNP_OK) {
            st = hnp_templates_load(mem, buf, len, NULL);
        }
        free(buf);
        buf = NULL;
    }
    if (st == HNP_OK) {
        st = hnp_templates_save(mem, &buf, &len);
    }
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: --templates %s: %s\n", path, hnp_strerror(st));
        return -1;
    }
    out_file of;
    int ok = out_open(&of, path, 0) == 0;
    if (ok && (fwrite(buf, 1, len, of.f) != len || out_commit(&of) != 0)) {
        int e = errno;
        out_abort(&of);
        errno = e;
        ok = 0;
    }
    free(buf);
    if (!ok) {
        fprintf(stderr, "hnpipe: --templates %s: cannot write: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

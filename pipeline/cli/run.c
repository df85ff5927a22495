/* run.c -- one input at a time: read, process, render, write. */
#include "run.h"
#include "map_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *format_ext(hnp_format f)
{
    switch (f) {
    case HNP_FMT_TSV:
        return ".tsv";
    case HNP_FMT_ENTITIES:
        return ".entities.tsv";
    case HNP_FMT_DOCS:
        return ".docs.tsv";
    case HNP_FMT_TEXT:
        return ".text.txt";
    case HNP_FMT_CLEAN:
        return ".clean.txt";
    case HNP_FMT_SENTENCES:
        return ".sentences.txt";
    case HNP_FMT_JSONL:
        return ".jsonl";
    case HNP_FMT_PUBTATOR:
        return ".pubtator";
    case HNP_FMT_HTML:
        return ".html";
    case HNP_FMT_REPAIRS:
        return ".repairs.tsv";
    }
    return ".out";
}

/* The name an id is mirrored under: the id without empty and "." components; an id that
 * would climb out of OUTDIR (absolute, or with a ".." component) keeps only its last
 * component; stdin is "stdin". Writes "" when no file name is left (e.g. ".."). */
static void mirror_name(const char *id, char *out)
{
    int climbs = id[0] == '/';
    const char *last = NULL;
    size_t last_len = 0, n = 0;
    for (const char *p = id; *p;) {
        size_t len = strcspn(p, "/");
        if (len == 2 && p[0] == '.' && p[1] == '.') {
            climbs = 1;
        } else if (len > 0 && !(len == 1 && p[0] == '.')) {
            n += (size_t)sprintf(out + n, "%s%.*s", n ? "/" : "", (int)len, p);
        }
        last = p;
        last_len = len;
        p += len + (p[len] == '/');
    }
    if (strcmp(id, "-") == 0) {
        strcpy(out, "stdin");
    } else if (climbs) {
        int dotdot = last_len == 2 && last[0] == '.' && last[1] == '.';
        snprintf(out, last_len + 1, "%s", dotdot || !last ? "" : last);
    }
}

/* OUTDIR/<name><ext>, or NULL (with a message) when the id names no file. */
static char *mirror_path(runner *r, const input_file *in)
{
    const char *ext = format_ext(r->o->format);
    size_t len = strlen(r->out_dir) + strlen(in->id) + strlen(ext) + 8;
    char *p = malloc(len);
    if (!p) {
        return NULL;
    }
    size_t dir_len = (size_t)sprintf(p, "%s/", r->out_dir);
    mirror_name(in->id, p + dir_len);
    if (!p[dir_len]) {
        run_failf(r, "%s: cannot be mirrored under %s: no file name left", in->path, r->out_dir);
        r->st.failed++;
        free(p);
        return NULL;
    }
    strcat(p, ext);
    return p;
}

static int cmp_out_paths(const void *a, const void *b)
{
    const input_file *x = *(const input_file *const *)a, *y = *(const input_file *const *)b;
    int c = strcmp(x->out_path, y->out_path);
    return c ? c : x < y ? -1 : x > y; /* the earlier input keeps a shared name */
}

int run_plan_mirror(runner *r, input_list *inputs)
{
    input_file **v = malloc((inputs->n ? inputs->n : 1) * sizeof *v);
    size_t n = 0;
    if (!v) {
        return -1;
    }
    for (size_t i = 0; i < inputs->n; i++) {
        inputs->v[i].out_path = mirror_path(r, &inputs->v[i]);
        if (inputs->v[i].out_path) {
            v[n++] = &inputs->v[i];
        }
    }
    qsort(v, n, sizeof *v, cmp_out_paths);
    for (size_t i = 1, first = 0; i < n; i++) {
        if (strcmp(v[i]->out_path, v[first]->out_path) != 0) {
            first = i;
            continue;
        }
        run_failf(r, "%s: not mirrored: its output %s is already that of %s", v[i]->path,
                  v[i]->out_path, v[first]->path);
        r->st.failed++;
        free(v[i]->out_path);
        v[i]->out_path = NULL;
    }
    free(v);
    return 0;
}

int run_up_to_date(const char *in_path, const char *out_path)
{
    struct stat si, so;
    if (stat(in_path, &si) != 0 || stat(out_path, &so) != 0) {
        return 0;
    }
    return so.st_mtim.tv_sec > si.st_mtim.tv_sec ||
           (so.st_mtim.tv_sec == si.st_mtim.tv_sec && so.st_mtim.tv_nsec >= si.st_mtim.tv_nsec);
}

static void count_encoding(run_stats *st, const char *enc, size_t docs)
{
    for (size_t i = 0; i < RUN_MAX_ENCODINGS; i++) {
        if (st->enc[i].name[0] == '\0') {
            snprintf(st->enc[i].name, sizeof st->enc[i].name, "%s", enc);
        }
        if (strcmp(st->enc[i].name, enc) == 0) {
            st->enc[i].docs += docs;
            return;
        }
    }
}

void run_count_window(run_stats *st, const hnp_doc *d)
{
    st->sentences += d->n_sents;
    st->junk += hnp_doc_junk_count(d);
    st->mentions += d->n_mentions;
    for (size_t i = 0; i < d->n_sents; i++) {
        st->by_kind[(size_t)d->sents[i].kind % 5]++;
    }
    for (size_t i = 0; i < d->n_mentions; i++) {
        st->by_label[(size_t)d->mentions[i].m.label % 4]++;
    }
}

void run_count_doc(run_stats *st, const hnp_doc *d)
{
    st->docs++;
    st->repairs += d->repairs;
    size_t tenth = d->doc_sents ? d->doc_junk * 10 / d->doc_sents : 0;
    st->junk_share[tenth > 9 ? 9 : tenth]++;
    count_encoding(st, d->encoding ? d->encoding : "-", 1);
}

typedef struct doc_walk {
    run_stats *st;
    report_log *one; /* --report: the document's concepts, or NULL */
    const hnp_doc *last;
    int rep_failed;
} doc_walk;

static void count_window(void *ctx, const hnp_doc *d)
{
    doc_walk *dw = ctx;
    dw->last = d;
    run_count_window(dw->st, d);
    if (dw->one && report_log_window(dw->one, d) != 0) {
        dw->rep_failed = 1;
    }
}

hnp_status run_write_doc(const cli_opts *o, hnp_worker *w, unsigned flags, size_t index,
                         const hnp_sink *sink, run_stats *st, report_log *rep, const char *out_path,
                         const hnp_doc **last)
{
    report_log one;
    memset(&one, 0, sizeof one);
    doc_walk dw = {st, rep ? &one : NULL, NULL, 0};
    hnp_status s = hnp_write_windows(w, o->format, flags, index, sink, count_window, &dw);
    if (s == HNP_OK && dw.last) {
        run_count_doc(st, dw.last);
        if (rep) { /* short of memory: a row less */
            (void)report_log_doc(rep, &one, dw.last, out_path);
        }
    }
    report_log_free(&one);
    if (last) {
        *last = s == HNP_OK ? dw.last : NULL;
    }
    return s;
}

/* The input was truncated under its mapping (zeros were read in place of its lost part). */
static int truncated(const input_file *in, util_input *src, job_result *res)
{
    if (!util_input_damaged(src)) {
        return 0;
    }
    snprintf(res->msg, sizeof res->msg,
             "hnpipe: %s: failed: the file was truncated while it was read\n", in->path);
    res->failed = 1;
    return 1;
}

/* Processes the input into res->out (stream) or sink (own file); 0 ok, -1 failed. The input
 * is closed once the worker holds its text: its memory is not kept through the stages. */
static int process_into(const runner *r, hnp_worker *w, const input_file *in, util_input *src,
                        const hnp_sink *sink, size_t index, const char *out_path, job_result *res)
{
    hnp_status st = hnp_worker_open(w, in->id, src->data, src->len);
    int lost = truncated(in, src, res);
    util_input_close(src);
    if (lost) {
        return -1;
    }
    if (st != HNP_OK) {
        snprintf(res->msg, sizeof res->msg, "hnpipe: %s: skipped: %s\n", in->path,
                 hnp_strerror(st));
        res->skipped = st == HNP_ERR_BINARY || st == HNP_ERR_TOOBIG;
        res->failed = !res->skipped;
        return -1;
    }
    st = run_write_doc(r->o, w, 0, index, sink, &res->st, r->o->report_path ? &res->rep : NULL,
                       out_path, NULL);
    if (st != HNP_OK) {
        snprintf(res->msg, sizeof res->msg, "hnpipe: %s: %s: %s\n", in->path,
                 st == HNP_ERR_IO ? "write failed" : "failed",
                 st == HNP_ERR_IO ? strerror(errno) : hnp_strerror(st));
        res->failed = 1;
        return -1;
    }
    return 0;
}

/* Mirror mode: the document goes to a file of its own, replaced atomically. */
static void text_job_to_file(const runner *r, hnp_worker *w, unsigned slot, const input_file *in,
                             util_input *src, job_result *res)
{
    const char *path = in->out_path;
    out_file of;
    if (out_open(&of, path, slot) != 0) {
        snprintf(res->msg, sizeof res->msg, "hnpipe: %s: cannot create output: %s\n", path,
                 strerror(errno));
        res->failed = 1;
        res->write_error = 1;
        return;
    }
    hnp_sink sink = out_file_sink(of.f);
    int ok = r->o->no_header || hnp_write_header(r->o->format, &sink) == HNP_OK;
    if (ok && process_into(r, w, in, src, &sink, 0, path, res) == 0 && out_commit(&of) == 0) {
        return;
    }
    if (!res->msg[0]) {
        snprintf(res->msg, sizeof res->msg, "hnpipe: %s: cannot write output: %s\n", path,
                 strerror(errno));
        res->failed = 1;
        res->write_error = 1;
    }
    out_abort(&of);
}

void run_text_job(const runner *r, hnp_worker *w, unsigned slot, const input_file *in, size_t index,
                  const hnp_sink *stream, job_result *res)
{
    if (r->out_dir && !in->out_path) {
        return; /* cannot be mirrored: said and counted by run_plan_mirror */
    }
    if (r->out_dir && r->o->incremental) {
        res->uptodate = run_up_to_date(in->path, in->out_path);
        if (res->uptodate) {
            return;
        }
    }
    util_input src;
    int rc = util_input_open(in->path, r->o->max_doc_size, &src);
    if (rc != 0) {
        snprintf(res->msg, sizeof res->msg, "hnpipe: %s: %s\n", in->path,
                 rc > 0 ? "skipped: larger than --max-doc-size" : strerror(errno));
        res->skipped = rc > 0;
        res->failed = rc < 0;
        return;
    }
    res->st.bytes += src.len;
    if (r->out_dir) {
        text_job_to_file(r, w, slot, in, &src, res);
    } else {
        process_into(r, w, in, &src, stream, index, NULL, res);
    }
    util_input_close(&src); /* when not done yet: no output could be made */
}

void run_add_stats(run_stats *a, const run_stats *b)
{
    a->docs += b->docs;
    a->failed += b->failed;
    a->skipped += b->skipped;
    a->uptodate += b->uptodate;
    a->sentences += b->sentences;
    a->junk += b->junk;
    a->mentions += b->mentions;
    a->repairs += b->repairs;
    a->write_errors += b->write_errors;
    a->bytes += b->bytes;
    for (size_t i = 0; i < 5; i++) {
        a->by_kind[i] += b->by_kind[i];
    }
    for (size_t i = 0; i < 4; i++) {
        a->by_label[i] += b->by_label[i];
    }
    for (size_t i = 0; i < 10; i++) {
        a->junk_share[i] += b->junk_share[i];
    }
    for (size_t i = 0; i < RUN_MAX_ENCODINGS && b->enc[i].name[0]; i++) {
        count_encoding(a, b->enc[i].name, b->enc[i].docs);
    }
}

void run_failf(runner *r, const char *fmt, ...)
{
    char msg[768] = "hnpipe: ";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + 8, sizeof msg - 9, fmt, ap);
    va_end(ap);
    strcat(msg, "\n");
    run_note_failure(r, msg);
}

hnp_status runner_worker(runner *r, hnp_worker **out)
{
    /* An atomic exchange: with -j the threads start at once. */
    hnp_worker *w = __atomic_exchange_n(&r->spare, NULL, __ATOMIC_ACQ_REL);
    if (w) {
        *out = w;
        return HNP_OK;
    }
    return hnp_worker_create(r->pipe, out);
}

hnp_stage run_stages(const cli_opts *o)
{
    /* Only the stages the format shows; the report counts kinds and mentions. */
    return o->report_path ? HNP_STAGE_TAG : hnp_format_stages(o->format);
}

void run_format_counts(char *buf, size_t cap, const cli_opts *o, const run_stats *s)
{
    hnp_stage ran = run_stages(o);
    buf[0] = '\0';
    if (ran == HNP_STAGE_ALL || ran >= HNP_STAGE_TAG) {
        snprintf(buf, cap, ", %zu sentences (%zu junk), %zu mentions", s->sentences, s->junk,
                 s->mentions);
    } else if (ran >= HNP_STAGE_CLASSIFY) {
        snprintf(buf, cap, ", %zu sentences (%zu junk)", s->sentences, s->junk);
    } else if (ran >= HNP_STAGE_SEGMENT) {
        snprintf(buf, cap, ", %zu sentences", s->sentences);
    }
}

void run_verbose_doc(runner *r, const char *id, const run_stats *st)
{
    if (!r->o->verbose || r->o->quiet) {
        return;
    }
    char counts[96];
    run_format_counts(counts, sizeof counts, r->o, st);
    progress_clear(&r->prog);
    fprintf(stderr, "hnpipe: %s: %s%s%zu repairs, %s\n", id, counts + (counts[0] ? 2 : 0),
            counts[0] ? ", " : "", st->repairs, st->enc[0].name);
}

void run_note_failure(runner *r, const char *msg)
{
    progress_clear(&r->prog);
    fputs(msg, stderr);
    if (r->n_fail_log < 200 &&
        hnp_membuf_sink(&r->fail_log).write(&r->fail_log, msg, strlen(msg)) == HNP_OK) {
        r->n_fail_log++;
    }
}

void run_finish_job(runner *r, const char *id, job_result *res)
{
    if (res->stream_errno && !r->write_failed) {
        r->write_failed = res->stream_errno;
    }
    if (res->out.len && !r->write_failed &&
        r->sink.write(r->sink.ctx, res->out.data, res->out.len) != HNP_OK) {
        r->write_failed = errno ? errno : EIO;
    }
    /* flushed per document, also when the job wrote to the stream itself (held: only
     * before its message) */
    int flush = !r->hold || res->msg[0];
    if (flush && r->stream && !r->out_dir && !r->write_failed && fflush(r->stream) != 0) {
        r->write_failed = errno ? errno : EIO;
    }
    r->doc_index += res->st.docs;
    if (res->msg[0]) {
        run_note_failure(r, res->msg);
    } else if (res->st.docs == 1) {
        run_verbose_doc(r, id, &res->st);
    }
    res->st.failed += (size_t)res->failed;
    res->st.skipped += (size_t)res->skipped;
    res->st.uptodate += (size_t)res->uptodate;
    res->st.write_errors += (size_t)res->write_error;
    run_add_stats(&r->st, &res->st);
    (void)report_log_merge(&r->rep, &res->rep);
    hnp_membuf_free(&res->out);
}

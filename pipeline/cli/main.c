/* main.c -- hnpipe: options, lock, lexicons, pipeline, run, summary, exit status. */
#include "args.h"
#include "inputs.h"
#include "map_file.h"
#include "output.h"
#include "read_file.h"
#include "report.h"
#include "run.h"
#include "templates.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct app {
    cli_opts o;
    input_list inputs;
    hnp_lexicon *user_lex[MAX_USER_LEXICONS];
    size_t n_user_lex;
    hnp_pipeline *pipe;
    hnp_worker *probe;   /* made at start to check per-thread state; handed to the runner */
    hnp_templates *tmpl; /* the site-template memory the run classifies with, or NULL */
    out_file single;     /* -o FILE */
    int lock_fd;
    int stdout_closed; /* fd 1 was closed at start (now /dev/null) */
    char *out_buf;     /* the output stream's stdio buffer, freed after its fclose */
} app;

enum { OUT_BUF_SIZE = 1 << 16 };

/* glibc gives freed memory at the top of the heap back to the kernel once 128 KiB of it is
 * free, and takes it again at the next document: with article-size documents that is a
 * brk() and a round of page faults (and TLB shootdowns between the -j threads) every few
 * documents, 30 % of the CPU time of `--records -f text` (bench.py's records: 0.23 s -> 0.14
 * s). Keep up to 32 MiB; blocks of 4 MiB and more (a big document's) are still mapped and
 * given back when freed, so the peak is unchanged. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
    (void)mallopt(M_TRIM_THRESHOLD, 32 << 20);
    (void)mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
}

/* --lock: an exclusive, non-blocking flock; the lock dies with the process. Returns the fd,
 * or -EXIT_LOCK when another run holds it, or -EXIT_USAGE when the file cannot be opened. */
static int take_lock(const char *path)
{
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf(stderr, "hnpipe: %s: cannot open lock file: %s\n", path, strerror(errno));
        return -EXIT_USAGE;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int held = errno == EWOULDBLOCK;
        fprintf(stderr, "hnpipe: %s: %s\n", path,
                held ? "another run holds the lock" : strerror(errno));
        close(fd);
        return held ? -EXIT_LOCK : -EXIT_USAGE;
    }
    return fd;
}

/* A closed standard descriptor would be reused by the next open(): an output file could
 * become "stdout". Park /dev/null on it instead; returns 1 when fd was closed. */
static int reopen_closed(int fd)
{
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) {
        return 0;
    }
    int nfd = open("/dev/null", O_RDWR);
    if (nfd >= 0 && nfd != fd) {
        dup2(nfd, fd);
        close(nfd);
    }
    return 1;
}

static int load_user_lexicons(app *a)
{
    for (size_t i = 0; i < a->o.n_lexicons; i++) {
        const char *path = a->o.lexicons[i];
        uint8_t *buf;
        size_t len, bad_line = 0;
        int rc = util_read_file(path, a->o.max_doc_size, &buf, &len);
        if (rc != 0) {
            fprintf(stderr, "hnpipe: %s: cannot read lexicon: %s\n", path,
                    rc > 0 ? "larger than --max-doc-size" : strerror(errno));
            return -1;
        }
        char why[256] = "";
        hnp_status st = hnp_lexicon_from_tsv_why(buf, len, &a->user_lex[a->n_user_lex], &bad_line,
                                                 why, sizeof why);
        free(buf);
        if (st != HNP_OK) {
            fprintf(stderr, "hnpipe: %s:%zu: bad lexicon: %s\n", path, bad_line,
                    why[0] ? why : hnp_strerror(st));
            return -1;
        }
        a->n_user_lex++;
    }
    return 0;
}

/* An unknown --from is a usage error, said once, not a failure per document. */
static int check_from_encoding(const char *enc)
{
    iconv_t cd = enc ? iconv_open("UTF-8", enc) : (iconv_t)0;
    if (cd == (iconv_t)-1) {
        fprintf(stderr, "hnpipe: unknown --from encoding '%s' (see iconv -l)\n", enc);
        return -1;
    }
    if (enc) {
        iconv_close(cd);
    }
    return 0;
}

static int make_pipeline(app *a)
{
    hnp_pipeline_opts po;
    memset(&po, 0, sizeof po);
    po.normalize.from_encoding = a->o.from_encoding;
    po.normalize.flags = a->o.no_repair ? HNP_NORM_NO_REPAIR : 0;
    /* Only repairs and html show each repair; the others show at most the count, and the
     * records of random bytes would outweigh the text (issue 5). */
    if (a->o.format != HNP_FMT_REPAIRS && a->o.format != HNP_FMT_HTML) {
        po.normalize.flags |= HNP_NORM_COUNT_REPAIRS;
    }
    po.segment.flags = a->o.segmenter_icu ? HNP_SEG_ICU_ONLY : 0;
    po.user_lexicons = (const hnp_lexicon *const *)a->user_lex;
    po.n_user_lexicons = a->n_user_lex;
    po.no_default_lexicon = a->o.no_default_lexicon;
    po.max_doc_size = a->o.max_doc_size;
    po.last_stage = run_stages(&a->o);
    po.classify.templates = a->tmpl;
    /* Only the tagger reads the lexicon: formats that stop earlier skip its check (CRC). */
    if (!po.no_default_lexicon && po.last_stage >= HNP_STAGE_TAG) {
        hnp_status st = hnp_lexicon_embedded(&po.default_lexicon);
        if (st != HNP_OK) {
            fprintf(stderr, "hnpipe: built-in lexicon: %s\n", hnp_strerror(st));
            return -1;
        }
    }
    hnp_status st = hnp_pipeline_create(&po, &a->pipe);
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: cannot start: %s\n", hnp_strerror(st));
        return -1;
    }
    /* Fail now, not per document, if per-thread state (ICU data) cannot be made. The
     * worker is kept: the run's first worker is this one (runner_worker), as making one
     * costs 3.8M instructions (the segmenter's break iterator, the trial-id regexes). */
    st = hnp_worker_create(a->pipe, &a->probe);
    if (st != HNP_OK) {
        fprintf(stderr, "hnpipe: cannot start: %s\n", hnp_strerror(st));
        return -1;
    }
    return 0;
}

/* Mirror into a directory with --output-dir, or -o with -r, an existing directory or a
 * path ending in '/'. Otherwise -o names one file that receives every document. */
static const char *mirror_dir(const cli_opts *o)
{
    struct stat st;
    if (o->output_dir) {
        return o->output_dir;
    }
    if (!o->output) {
        return NULL;
    }
    size_t len = strlen(o->output);
    if (o->recursive || (len > 0 && o->output[len - 1] == '/') ||
        (stat(o->output, &st) == 0 && S_ISDIR(st.st_mode))) {
        return o->output;
    }
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void summary(const app *a, const runner *r)
{
    const run_stats *s = &r->st;
    int problems = s->failed || s->skipped;
    if (a->o.quiet || !(a->o.verbose || problems || r->out_dir)) {
        return;
    }
    double dt = now_s() - r->t0;
    char counts[96];
    run_format_counts(counts, sizeof counts, &a->o, s);
    fprintf(stderr,
            "hnpipe: %zu documents%s; %zu failed, %zu skipped, %zu up to date; %.1f MB in %.2f s\n",
            s->docs, counts, s->failed, s->skipped, s->uptodate, (double)s->bytes / 1e6, dt);
}

static int open_stream(app *a, runner *r)
{
    if (r->out_dir) {
        return 0;
    }
    r->stream = stdout;
    if (!a->o.output || strcmp(a->o.output, "-") == 0) {
        if (a->stdout_closed) {
            fputs("hnpipe: standard output is closed: give -o FILE\n", stderr);
            return -1;
        }
    } else {
        if (out_open(&a->single, a->o.output, 0) != 0) {
            fprintf(stderr, "hnpipe: %s: cannot create output: %s\n", a->o.output, strerror(errno));
            return -1;
        }
        r->stream = a->single.f;
    }
    /* stdio's buffer is the device's block size (4 KiB): an article's output was two
     * write()s. glibc takes no size without a buffer; it lives until main's fclose(stdout).
     * A terminal keeps its line buffering. */
    if (r->stream == stdout && !isatty(STDOUT_FILENO) &&
        (a->out_buf = malloc(OUT_BUF_SIZE)) != NULL) {
        (void)setvbuf(stdout, a->out_buf, _IOFBF, OUT_BUF_SIZE);
    }
    r->sink = out_file_sink(r->stream);
    return 0;
}

/* Finishes the output. A closed pipe (EPIPE) ends the run quietly: the reader chose to stop. */
static int close_stream(app *a, runner *r, int status)
{
    if (r->out_dir) {
        return status;
    }
    if (r->stream == stdout) {
        int err = r->write_failed;
        if (!err && (fflush(stdout) != 0 || ferror(stdout))) {
            err = errno ? errno : EIO;
        }
        if (err == EPIPE) {
            return status;
        }
        if (err) {
            fprintf(stderr, "hnpipe: writing output failed: %s\n", strerror(err));
            return EXIT_USAGE;
        }
        return status;
    }
    if (r->write_failed || out_commit(&a->single) != 0) {
        fprintf(stderr, "hnpipe: %s: writing output failed: %s\n", a->o.output,
                strerror(r->write_failed ? r->write_failed : errno));
        out_abort(&a->single);
        return EXIT_USAGE;
    }
    return status;
}

/* As zstd: a console is no document; waiting on it silently would look like a hang. */
static int stdin_is_console(const input_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->v[i].path, "-") == 0 && isatty(STDIN_FILENO)) {
            return 1;
        }
    }
    return 0;
}

static int run(app *a)
{
    size_t n_errors = 0;
    if (inputs_collect(&a->o, &a->inputs, &n_errors) != 0) {
        fputs("hnpipe: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    if (stdin_is_console(&a->inputs)) {
        fputs("hnpipe: standard input is a terminal: give a FILE or pipe text in "
              "(see hnpipe --help)\n",
              stderr);
        return EXIT_USAGE;
    }
    if (check_from_encoding(a->o.from_encoding) != 0 || load_user_lexicons(a) != 0) {
        return EXIT_USAGE;
    }
    runner r;
    memset(&r, 0, sizeof r);
    r.o = &a->o;
    r.inputs = &a->inputs;
    r.out_dir = mirror_dir(&a->o);
    r.t0 = now_s();
    r.st.failed = n_errors;
    r.fail_log = a->inputs.errors; /* the report lists them first; the runner now owns them */
    memset(&a->inputs.errors, 0, sizeof a->inputs.errors);
    if (r.out_dir && run_plan_mirror(&r, &a->inputs) != 0) {
        fputs("hnpipe: out of memory\n", stderr);
        hnp_membuf_free(&r.fail_log);
        return EXIT_USAGE;
    }
    /* After the mirror plan: --incremental leaves inputs that are up to date out of the
     * batch's template memory, as it leaves them out of the run. */
    if (tmpl_prepare(&a->o, &a->inputs, &a->tmpl) != 0 || make_pipeline(a) != 0) {
        hnp_membuf_free(&r.fail_log);
        return EXIT_USAGE;
    }
    r.pipe = a->pipe;
    if (open_stream(a, &r) != 0) {
        hnp_membuf_free(&r.fail_log);
        return EXIT_USAGE;
    }
    if (a->o.templates_path && a->o.input_format != INPUT_TEXT &&
        hnp_templates_create(&r.tmpl_seen) != HNP_OK) {
        fputs("hnpipe: out of memory\n", stderr);
        hnp_membuf_free(&r.fail_log);
        return EXIT_USAGE;
    }
    r.spare = a->probe;
    a->probe = NULL;
    int status = run_all(&r);
    status = close_stream(a, &r, status);
    if (a->o.templates_path && tmpl_write_back(a->o.templates_path, a->tmpl, r.tmpl_seen) != 0) {
        status = EXIT_USAGE; /* a failed write is a system error */
    }
    hnp_templates_free(r.tmpl_seen);
    hnp_worker_free(r.spare); /* when no worker was needed */
    r.spare = NULL;
    summary(a, &r);
    if (a->o.report_path && report_write(a->o.report_path, &r, now_s() - r.t0) != 0) {
        fprintf(stderr, "hnpipe: %s: cannot write report: %s\n", a->o.report_path, strerror(errno));
        status = status == EXIT_OK ? EXIT_USAGE : status;
    }
    hnp_membuf_free(&r.fail_log);
    report_log_free(&r.rep);
    if (status == EXIT_OK && (r.st.failed || r.st.skipped)) {
        status = EXIT_SOME_FAILED;
    }
    if (r.st.write_errors) {
        status = EXIT_USAGE; /* a failed write is a system error, whatever else happened */
    }
    return status;
}

int main(int argc, char **argv)
{
    app a;
    memset(&a, 0, sizeof a);
    a.lock_fd = -1;
    reopen_closed(STDIN_FILENO);
    a.stdout_closed = reopen_closed(STDOUT_FILENO);
    reopen_closed(STDERR_FILENO);
    int status = cli_parse_args(argc, argv, &a.o);
    if (status != EXIT_OK || a.o.show_help || a.o.show_version) {
        if (status == EXIT_OK) {
            a.o.show_help ? cli_print_help() : cli_print_version();
        }
        return status;
    }
    keep_freed_memory();
    out_install_signals();
    util_map_guard_install(); /* big inputs are mapped only with it */
    if (a.o.lock_path && (a.lock_fd = take_lock(a.o.lock_path)) < 0) {
        return -a.lock_fd;
    }
    status = run(&a);
    hnp_worker_free(a.probe); /* when run() returned before handing it over */
    hnp_pipeline_free(a.pipe);
    hnp_templates_free(a.tmpl);
    for (size_t i = 0; i < a.n_user_lex; i++) {
        hnp_lexicon_free(a.user_lex[i]);
    }
    inputs_free(&a.inputs);
    out_sweep();
    if (a.lock_fd >= 0) {
        close(a.lock_fd);
    }
    if (fclose(stdout) != 0 && status == EXIT_OK && errno != EPIPE) {
        fprintf(stderr, "hnpipe: writing output failed: %s\n", strerror(errno));
        status = EXIT_USAGE;
    }
    free(a.out_buf);
    return status;
}

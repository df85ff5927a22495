/* args.c -- argv -> cli_opts, --help and --version. */
#include "args.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    OPT_NO_HEADER = 256,
    OPT_RECORDS,
    OPT_INPUT_FORMAT,
    OPT_FROM,
    OPT_NO_REPAIR,
    OPT_SEGMENTER,
    OPT_LEXICON,
    OPT_NO_DEFAULT_LEXICON,
    OPT_MAX_DOC_SIZE,
    OPT_INCREMENTAL,
    OPT_LOCK,
    OPT_FOLLOW,
    OPT_PROGRESS,
    OPT_NO_PROGRESS,
    OPT_OUTPUT_DIR,
    OPT_REPORT,
    OPT_TEMPLATES,
    OPT_TEXT_FIELD,
    OPT_ID_FIELD
};

static const struct option long_opts[] = {
    {"recursive", no_argument, NULL, 'r'},
    {"output", required_argument, NULL, 'o'},
    {"output-dir", required_argument, NULL, OPT_OUTPUT_DIR},
    {"format", required_argument, NULL, 'f'},
    {"no-header", no_argument, NULL, OPT_NO_HEADER},
    {"records", no_argument, NULL, OPT_RECORDS},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
    {"id-field", required_argument, NULL, OPT_ID_FIELD},
    {"from", required_argument, NULL, OPT_FROM},
    {"no-repair", no_argument, NULL, OPT_NO_REPAIR},
    {"segmenter", required_argument, NULL, OPT_SEGMENTER},
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"no-default-lexicon", no_argument, NULL, OPT_NO_DEFAULT_LEXICON},
    {"max-doc-size", required_argument, NULL, OPT_MAX_DOC_SIZE},
    {"jobs", required_argument, NULL, 'j'},
    {"incremental", no_argument, NULL, OPT_INCREMENTAL},
    {"lock", required_argument, NULL, OPT_LOCK},
    {"report", required_argument, NULL, OPT_REPORT},
    {"templates", required_argument, NULL, OPT_TEMPLATES},
    {"follow", no_argument, NULL, OPT_FOLLOW},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hnpipe: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'hnpipe --help' for more information.\n");
    return EXIT_USAGE;
}

/* "512M", "4k", "1G", "100" -> bytes. */
static int parse_size(const char *s, size_t *out)
{
    char *end;
    if (!isdigit((unsigned char)s[0])) {
        return -1; /* strtoull would take " -1" as a huge number and "+5" as 5 */
    }
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s) {
        return -1;
    }
    unsigned long long mul = 1;
    switch (*end) {
    case 'k':
    case 'K':
        mul = 1ull << 10;
        end++;
        break;
    case 'm':
    case 'M':
        mul = 1ull << 20;
        end++;
        break;
    case 'g':
    case 'G':
        mul = 1ull << 30;
        end++;
        break;
    default:
        break;
    }
    if (*end || v > SIZE_MAX / mul) {
        return -1;
    }
    *out = (size_t)(v * mul);
    return 0;
}

static int parse_jobs(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 1 || v > 256) {
        return -1;
    }
    *out = (unsigned)v;
    return 0;
}

/* HNP_THREADS sets the default job count; a bad value gets a warning and the default. */
static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned jobs = n > 0 ? (unsigned)(n > 256 ? 256 : n) : 1;
    const char *env = getenv("HNP_THREADS");
    unsigned v;
    if (env && *env) {
        if (parse_jobs(env, &v) == 0) {
            return v;
        }
        fprintf(stderr, "hnpipe: warning: ignoring HNP_THREADS=%s (want 1-256)\n", env);
    }
    return jobs;
}

static int parse_input_format(const char *s, cli_opts *o)
{
    if (strcmp(s, "text") == 0) {
        o->input_format = INPUT_TEXT;
    } else if (strcmp(s, "records") == 0) {
        o->input_format = INPUT_RECORDS;
    } else if (strcmp(s, "pubtator") == 0) {
        o->input_format = INPUT_PUBTATOR;
    } else if (strcmp(s, "jsonl") == 0) {
        o->input_format = INPUT_JSONL;
    } else {
        return usage_error("unknown --input-format '%s' (text, records, pubtator, jsonl)", s);
    }
    return EXIT_OK;
}

/* Handles the options that take values or need checking. */
static int parse_valued(int c, const char *arg, cli_opts *o)
{
    switch (c) {
    case 'f':
        if (hnp_format_parse(arg, &o->format) != HNP_OK) {
            return usage_error("unknown format '%s' (tsv, entities, docs, text, clean, "
                               "sentences, jsonl, pubtator, html)",
                               arg);
        }
        return EXIT_OK;
    case 'j':
        return parse_jobs(arg, &o->jobs) ? usage_error("bad --jobs '%s' (want 1-256)", arg) : 0;
    case OPT_INPUT_FORMAT:
        return parse_input_format(arg, o);
    case OPT_SEGMENTER:
        if (strcmp(arg, "icu") != 0 && strcmp(arg, "rules") != 0) {
            return usage_error("unknown --segmenter '%s' (rules, icu)", arg);
        }
        o->segmenter_icu = strcmp(arg, "icu") == 0;
        return EXIT_OK;
    case OPT_LEXICON:
        if (o->n_lexicons == MAX_USER_LEXICONS) {
            return usage_error("too many --lexicon files (at most %s)", "8");
        }
        o->lexicons[o->n_lexicons++] = arg;
        return EXIT_OK;
    case OPT_MAX_DOC_SIZE:
        return parse_size(arg, &o->max_doc_size) || o->max_doc_size == 0
                   ? usage_error("bad --max-doc-size '%s' (e.g. 512M)", arg)
                   : EXIT_OK;
    default:
        return usage_error("unexpected option %s", "?");
    }
}

static int parse_one(int c, const char *arg, cli_opts *o)
{
    switch (c) {
    case 'r':
        o->recursive = 1;
        return EXIT_OK;
    case 'o':
        o->output = arg;
        return EXIT_OK;
    case OPT_OUTPUT_DIR:
        o->output_dir = arg;
        return EXIT_OK;
    case OPT_NO_HEADER:
        o->no_header = 1;
        return EXIT_OK;
    case OPT_RECORDS:
        o->input_format = INPUT_RECORDS;
        return EXIT_OK;
    case OPT_FROM:
        o->from_encoding = arg;
        return EXIT_OK;
    case OPT_TEXT_FIELD:
        o->text_field = arg;
        return EXIT_OK;
    case OPT_ID_FIELD:
        o->id_field = arg;
        return EXIT_OK;
    case OPT_NO_REPAIR:
        o->no_repair = 1;
        return EXIT_OK;
    case OPT_NO_DEFAULT_LEXICON:
        o->no_default_lexicon = 1;
        return EXIT_OK;
    case OPT_INCREMENTAL:
        o->incremental = 1;
        return EXIT_OK;
    case OPT_LOCK:
        o->lock_path = arg;
        return EXIT_OK;
    case OPT_REPORT:
        o->report_path = arg;
        return EXIT_OK;
    case OPT_TEMPLATES:
        o->templates_path = arg;
        return EXIT_OK;
    case OPT_FOLLOW:
        o->follow_symlinks = 1;
        return EXIT_OK;
    case 'q':
        o->quiet = 1;
        return EXIT_OK;
    case 'v':
        o->verbose = 1;
        return EXIT_OK;
    case OPT_PROGRESS:
        o->progress = 1;
        return EXIT_OK;
    case OPT_NO_PROGRESS:
        o->progress = 0;
        return EXIT_OK;
    case 'h':
        o->show_help = 1;
        return EXIT_OK;
    case 'V':
        o->show_version = 1;
        return EXIT_OK;
    case '?':
        return usage_error("%s", "invalid option");
    default:
        return parse_valued(c, arg, o);
    }
}

int cli_parse_args(int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->format = HNP_FMT_TSV;
    o->max_doc_size = (size_t)512 << 20;
    o->jobs = default_jobs();
    o->progress = -1;
    o->text_field = "text";
    o->id_field = "id";
    opterr = 1;
    int c;
    while ((c = getopt_long(argc, argv, "ro:f:j:qvhV", long_opts, NULL)) != -1) {
        int st = parse_one(c, optarg, o);
        if (st != EXIT_OK) {
            return st;
        }
    }
    o->inputs = argv + optind;
    o->n_inputs = (size_t)(argc - optind);
    if (o->output && o->output_dir) {
        return usage_error("%s", "give -o or --output-dir, not both");
    }
    if (o->input_format != INPUT_JSONL &&
        (strcmp(o->text_field, "text") != 0 || strcmp(o->id_field, "id") != 0)) {
        return usage_error("%s", "--text-field and --id-field go with --input-format jsonl");
    }
    if (o->incremental && !(o->output_dir || o->output)) {
        return usage_error("%s", "--incremental needs an output directory (-o DIR)");
    }
    return EXIT_OK;
}

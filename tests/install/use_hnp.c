/* use_hnp.c -- a program that knows libhnp only as installed: it is built by
 * run_install_test.sh with `pkg-config --cflags --libs hnp` against a temp prefix. It runs
 * one document through the default lexicon and prints the version and the mentions. */
#include <hnp/hnp.h>
#include <hnp/version.h>

#include <stdio.h>
#include <string.h>

static hnp_status to_stdout(void *ctx, const void *buf, size_t len)
{
    (void)ctx;
    return fwrite(buf, 1, len, stdout) == len ? HNP_OK : HNP_ERR_IO;
}

static int run(hnp_pipeline *p, const char *text)
{
    hnp_worker *w = NULL;
    const hnp_doc *d = NULL;
    hnp_sink out = {to_stdout, NULL};
    hnp_status st = hnp_worker_create(p, &w);
    if (st == HNP_OK) {
        st = hnp_worker_process(w, "doc1", (const unsigned char *)text, strlen(text), &d);
    }
    if (st == HNP_OK) {
        st = hnp_write_doc(d, HNP_FMT_ENTITIES, 0, 0, &out);
    }
    hnp_worker_free(w);
    if (st != HNP_OK) {
        fprintf(stderr, "use_hnp: %s\n", hnp_strerror(st));
        return 1;
    }
    return 0;
}

int main(void)
{
    printf("version %s %s\n", HNP_VERSION_STRING, hnp_version());
    hnp_pipeline_opts opts;
    memset(&opts, 0, sizeof opts);
    hnp_status st = hnp_lexicon_embedded(&opts.default_lexicon);
    hnp_pipeline *p = NULL;
    if (st == HNP_OK) {
        st = hnp_pipeline_create(&opts, &p);
    }
    if (st != HNP_OK) {
        fprintf(stderr, "use_hnp: %s\n", hnp_strerror(st));
        return 1;
    }
    int rc = run(p, "Aspirin eased the migraine of patients with multiple sclerosis.\n");
    hnp_pipeline_free(p);
    return rc;
}

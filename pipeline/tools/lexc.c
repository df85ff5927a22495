/* lexc.c -- hnp-lexc, the lexicon compiler (build time only).
 *
 *   hnp-lexc -o OUT.hnplex FILE.tsv...
 *
 * Compiles the TSV files, in the order given (CMake passes them sorted), into one blob
 * that hnp_lexicon_from_memory loads in place. The output is byte-reproducible. It is
 * written to a temporary file beside OUT and renamed, so a failed run never leaves a
 * half-written lexicon for the build to embed. Before writing, the blob is loaded with
 * every check hnp_lexicon_from_memory makes (CRC, every record): the embedded copy is
 * opened at run time with the header checks only (lexicon_embedded.c). Errors name
 * FILE:LINE; exit 2. */
#include "hnp/lexicon.h"
#include "lexicon/lexicon_build.h"
#include "read_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
    fprintf(stderr, "usage: hnp-lexc -o OUT.hnplex FILE.tsv...\n");
    return 2;
}

static int write_atomic(const char *out, const void *blob, size_t len)
{
    size_t n = strlen(out) + 8;
    char *tmp = malloc(n);
    if (!tmp) {
        return -1;
    }
    snprintf(tmp, n, "%s.tmp", out);
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(blob, 1, len, f) == len;
    if (f && fclose(f) != 0) {
        ok = 0;
    }
    if (ok && rename(tmp, out) != 0) {
        ok = 0;
    }
    if (!ok) {
        int e = errno;
        remove(tmp);
        errno = e;
    }
    free(tmp);
    return ok ? 0 : -1;
}

static int compile(const char *out, char **files, size_t n)
{
    lexbuild_src *src = calloc(n ? n : 1, sizeof *src);
    int rc = 2;
    if (!src) {
        fprintf(stderr, "hnp-lexc: out of memory\n");
        return 2;
    }
    for (size_t i = 0; i < n; i++) {
        src[i].name = files[i];
        uint8_t *data = NULL;
        int got = util_read_file(files[i], SIZE_MAX, &data, &src[i].len);
        src[i].data = data;
        if (got != 0) {
            fprintf(stderr, "hnp-lexc: %s: cannot read: %s\n", files[i], strerror(errno));
            goto done;
        }
    }
    void *blob;
    size_t len;
    lexbuild_error err;
    hnp_status st = hnp_lexbuild_compile(src, n, &blob, &len, &err);
    if (st == HNP_ERR_FORMAT) {
        fprintf(stderr, "hnp-lexc: %s:%zu: %s\n", files[err.src], err.line, err.msg);
        goto done;
    }
    if (st != HNP_OK) {
        fprintf(stderr, "hnp-lexc: %s\n", hnp_strerror(st));
        goto done;
    }
    hnp_lexicon *check = NULL;
    st = hnp_lexicon_from_memory(blob, len, &check);
    hnp_lexicon_free(check);
    if (st != HNP_OK) {
        fprintf(stderr, "hnp-lexc: the compiled lexicon fails its own checks: %s\n",
                hnp_strerror(st));
        free(blob);
        goto done;
    }
    if (write_atomic(out, blob, len) != 0) {
        fprintf(stderr, "hnp-lexc: %s: cannot write: %s\n", out, strerror(errno));
    } else {
        rc = 0;
    }
    free(blob);
done:
    for (size_t i = 0; i < n; i++) {
        free((void *)(uintptr_t)src[i].data);
    }
    free(src);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 3 || strcmp(argv[1], "-o") != 0) {
        return usage();
    }
    return compile(argv[2], argv + 3, (size_t)(argc - 3));
}

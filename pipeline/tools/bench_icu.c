/* bench_icu.c -- hnp-bench-icu: the benchmark baseline. Reads a file and runs ICU's sentence
 * BreakIterator (en@ss=standard) alone over it, as UTF-8 through UText (no conversion), and
 * prints the number of sentences. The benchmark script times it beside hnpipe. */
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

static char *read_all(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (*len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)*len + 1);
        if (buf && fread(buf, 1, (size_t)*len, f) != (size_t)*len) {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: hnp-bench-icu FILE\n");
        return 2;
    }
    long len = 0;
    char *text = read_all(argv[1], &len);
    if (!text) {
        perror(argv[1]);
        return 2;
    }
    UErrorCode err = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, len, &err);
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &err);
    ubrk_setUText(bi, ut, &err);
    if (U_FAILURE(err)) {
        fprintf(stderr, "hnp-bench-icu: ICU: %s\n", u_errorName(err));
        return 2;
    }
    long n = 0;
    while (ubrk_next(bi) != UBRK_DONE) {
        n++;
    }
    printf("%ld sentences\n", n);
    ubrk_close(bi);
    utext_close(ut);
    free(text);
    return 0;
}

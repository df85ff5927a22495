/* bench_icu.c -- hnp-bench-icu: the benchmark baseline. Reads a file and runs ICU's sentence
 * BreakIterator (en@ss=standard) alone over it, as UTF-8 through UText (no conversion), and
 * prints the number of sentences. With --records, the file is id<TAB>text lines and each
 * line's text is given to the iterator on its own (escapes are left as they are: the
 * baseline only has to do the same work per record). The benchmark script times it beside
 * hnpipe. */
#include "read_file.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

/* Sentences in [text, text + len), or -1 when ICU fails. */
static long count_sentences(UBreakIterator *bi, UText *ut, const char *text, long len)
{
    UErrorCode err = U_ZERO_ERROR;
    utext_openUTF8(ut, text, len, &err);
    ubrk_setUText(bi, ut, &err);
    if (U_FAILURE(err)) {
        fprintf(stderr, "hnp-bench-icu: ICU: %s\n", u_errorName(err));
        return -1;
    }
    long n = 0;
    while (ubrk_next(bi) != UBRK_DONE) {
        n++;
    }
    return n;
}

/* Each line's text after the first tab, one at a time. */
static long count_records(UBreakIterator *bi, UText *ut, const char *text, long len)
{
    long n = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *tab = memchr(p, '\t', (size_t)(le - p));
        const char *t = tab ? tab + 1 : p;
        long k = count_sentences(bi, ut, t, le - t);
        if (k < 0) {
            return -1;
        }
        n += k;
        p = le + 1;
    }
    return n;
}

int main(int argc, char **argv)
{
    int records = argc == 3 && strcmp(argv[1], "--records") == 0;
    if (argc != 2 + records) {
        fprintf(stderr, "usage: hnp-bench-icu [--records] FILE\n");
        return 2;
    }
    const char *path = argv[1 + records];
    uint8_t *bytes = NULL;
    size_t size = 0;
    if (util_read_file(path, (size_t)LONG_MAX, &bytes, &size) != 0) {
        perror(path);
        return 2;
    }
    char *text = (char *)bytes;
    long len = (long)size;
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &err);
    if (U_FAILURE(err)) {
        fprintf(stderr, "hnp-bench-icu: ICU: %s\n", u_errorName(err));
        return 2;
    }
    UText ut = UTEXT_INITIALIZER;
    long n = records ? count_records(bi, &ut, text, len) : count_sentences(bi, &ut, text, len);
    if (n >= 0) {
        printf("%ld sentences\n", n);
    }
    ubrk_close(bi);
    utext_close(&ut);
    free(text);
    return n >= 0 ? 0 : 2;
}

/* lexc.c -- STUB of hnp-lexc: writes an empty lexicon. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 3 || strcmp(argv[1], "-o") != 0) {
        fprintf(stderr, "usage: hnp-lexc -o OUT FILE.tsv...\n");
        return 2;
    }
    FILE *f = fopen(argv[2], "wb");
    if (!f) {
        perror(argv[2]);
        return 2;
    }
    fputs("HNPLEX\n", f);
    return fclose(f) == 0 ? 0 : 2;
}

/* help.c -- --help and --version. */
#include "args.h"
#include "help_text.h"

#include <stdio.h>

void cli_print_help(void)
{
    for (size_t i = 0; cli_help_lines[i]; i++) {
        puts(cli_help_lines[i]);
    }
}

void cli_print_version(void)
{
    printf("hnpipe %s\n", hnp_version());
    const hnp_lexicon *lex = NULL;
    hnp_status st = hnp_lexicon_embedded(&lex);
    if (st != HNP_OK || !lex) {
        printf("lexicon: built-in lexicon unavailable (%s)\n", hnp_strerror(st));
        return;
    }
    printf("lexicon: %zu terms; %s\n", hnp_lexicon_size(lex), hnp_lexicon_version(lex));
}

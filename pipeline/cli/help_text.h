/* help_text.h -- the lines of hnpipe --help, NULL-terminated. */
#ifndef HNP_CLI_HELP_TEXT_H
#define HNP_CLI_HELP_TEXT_H

extern const char *const cli_help_lines[];

#endif /* HNP_CLI_HELP_TEXT_H */

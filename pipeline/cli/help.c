/* help.c -- --help and --version. */
#include "args.h"

#include <stdio.h>

static const char help_text[] =
    "Usage: hnpipe [OPTIONS] [FILE|DIR|-]...\n"
    "Repair, segment, classify and tag machine-translated health-news text.\n"
    "With no FILE, or when FILE is -, read standard input and write standard output.\n"
    "\n"
    "Input:\n"
    "  -r, --recursive          expand directories (sorted; symlinks skipped unless --follow)\n"
    "      --follow             follow symbolic links while walking directories\n"
    "      --records            one document per line: ID<TAB>TEXT, TEXT escaped as in output\n"
    "      --input-format FMT   text (default), records (= --records), pubtator\n"
    "                           (PMID|t|title and PMID|a|abstract blocks)\n"
    "      --from ENC           read input as ENC (any iconv name), skip detection\n"
    "      --max-doc-size SIZE  skip documents larger than SIZE (default 512M; K, M, G)\n"
    "\n"
    "Processing:\n"
    "      --no-repair          encoding and NFC only: no mojibake or entity repair\n"
    "      --segmenter NAME     rules (default) or icu (ICU's BreakIterator alone)\n"
    "      --lexicon FILE.tsv   add a user lexicon: term<TAB>label<TAB>id<TAB>name[<TAB>flags]\n"
    "                           (label DRUG, CONDITION, TRIAL or PROCEDURE); repeatable;\n"
    "                           user terms win ties against the built-in lexicon\n"
    "      --no-default-lexicon do not use the built-in lexicon\n"
    "  -j, --jobs N             worker threads over files (default: cores, or HNP_THREADS)\n"
    "\n"
    "Output:\n"
    "  -f, --format FMT         output format (default tsv):\n"
    "        tsv        doc sent start end kind score reason entities text (one row a sentence)\n"
    "        entities   doc sent start end label id name surface (one row a mention)\n"
    "        docs       doc encoding repairs sentences junk_sentences title date source\n"
    "        text       the normalized text only (records: ID<TAB>text)\n"
    "        clean      the article without spam and boilerplate sentences\n"
    "        sentences  one sentence a line, empty line between documents\n"
    "                   (records: ID<TAB>N<TAB>sentence)\n"
    "        jsonl      one JSON object a document\n"
    "        pubtator   PubTator title/abstract lines and mention lines\n"
    "        html       a self-contained annotated page a document\n"
    "      --no-header          drop the header line of tsv, entities and docs\n"
    "  -o, --output PATH        write every document to the file PATH; with -r, or when PATH\n"
    "                           is a directory or ends in /, mirror the input tree into it\n"
    "                           (DIR/a/b.txt -> PATH/a/b.txt.tsv)\n"
    "      --output-dir DIR     always mirror into DIR\n"
    "      --incremental        skip inputs whose output is newer than the input\n"
    "      --lock FILE          take an exclusive lock on FILE; exit 3 if another run holds it\n"
    "      --report FILE.html   write a summary of the run with small charts (kinds, labels,\n"
    "                           junk share, encodings) and the failed inputs\n"
    "\n"
    "Messages:\n"
    "  -q, --quiet              only errors on stderr\n"
    "  -v, --verbose            a line per document and a summary\n"
    "      --progress, --no-progress  progress line (default: only when stderr is a terminal)\n"
    "  -h, --help               this help;  -V, --version  version and lexicon versions\n"
    "\n"
    "Fields: offsets are Unicode code points into the normalized text, start inclusive, end\n"
    "exclusive; in TSV fields \\ is \\\\, tab \\t, newline \\n, CR \\r. kind is title, meta,\n"
    "body, spam or boilerplate; score is the confidence 0-1; reason is - or a short code;\n"
    "entities is - or LABEL|start|end|id;... Outputs are written to a temporary file in the\n"
    "same directory, synced and renamed, so no output is ever left half-written.\n"
    "\n"
    "Bad input: binary files are skipped; unreadable files are reported; undecodable bytes\n"
    "become U+FFFD (counted as repairs); empty input gives a header-only output. The batch\n"
    "goes on after a failed document.\n"
    "\n"
    "Exit status:\n"
    "  0  every document was processed\n"
    "  1  some documents failed or were skipped (the messages say which)\n"
    "  2  usage error, lexicon error, or a system error such as a failed write\n"
    "  3  could not take the --lock\n";

void cli_print_help(void)
{
    fputs(help_text, stdout);
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

/* lexicon_embedded.c -- the default lexicon compiled into the program.
 *
 * The blob between hnp_lexicon_blob_start and hnp_lexicon_blob_end is written by hnp-lexc
 * at build time and embedded with .incbin (see CMakeLists.txt). It is parsed once; the
 * parsed handle is immutable and shared. hnp-lexc loaded the blob with every check (CRC,
 * every record) before writing it, and the blob is part of the program's read-only image,
 * so it is opened with the header checks only (hnp_lexicon_from_built): the full check
 * was a pass over 22 MB at every start (26M instructions, more than a 100 kB document
 * costs). check_lexicon.c runs the full check on the embedded bytes. */
#include "lexicon/lexicon_format.h"

#include <pthread.h>

extern const unsigned char hnp_lexicon_blob_start[];
extern const unsigned char hnp_lexicon_blob_end[];

/* Written once under pthread_once and read-only afterwards. */
static hnp_lexicon *embedded;
static hnp_status embedded_status = HNP_OK;
static pthread_once_t embedded_once = PTHREAD_ONCE_INIT;

static void load_embedded(void)
{
    size_t len = (size_t)(hnp_lexicon_blob_end - hnp_lexicon_blob_start);
    embedded_status = hnp_lexicon_from_built(hnp_lexicon_blob_start, len, &embedded);
}

hnp_status hnp_lexicon_embedded(const hnp_lexicon **out)
{
    pthread_once(&embedded_once, load_embedded);
    *out = embedded;
    return embedded_status;
}

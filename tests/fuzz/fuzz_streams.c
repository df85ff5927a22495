/* fuzz_streams.c -- hnpipe's line-oriented inputs end to end: the first byte picks records,
 * PubTator or JSONL (and -f jsonl or tsv), the rest is the input file, read through the same
 * code as `hnpipe --records` / `--input-format pubtator|jsonl`. Messages about bad lines go
 * to stderr as in the program; the output goes to /dev/null. */
#include "fuzz.h"
#include "stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static hnp_pipeline *pipe_;
static FILE *devnull;

static void setup(void)
{
    hnp_pipeline_opts o;
    memset(&o, 0, sizeof o);
    o.max_doc_size = 1 << 20;
    devnull = fopen("/dev/null", "w");
    if (!devnull || hnp_lexicon_embedded(&o.default_lexicon) != HNP_OK ||
        hnp_pipeline_create(&o, &pipe_) != HNP_OK) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    if (!pipe_) {
        setup();
    }
    static const input_format modes[] = {INPUT_RECORDS, INPUT_PUBTATOR, INPUT_JSONL, INPUT_JSONL};
    cli_opts o;
    memset(&o, 0, sizeof o);
    o.input_format = modes[data[0] & 3];
    o.format = (data[0] & 4) ? HNP_FMT_JSONL : HNP_FMT_TSV;
    o.text_field = "text";
    o.id_field = "id";
    o.progress = 0;
    o.quiet = 1;
    FILE *in = fmemopen((void *)(uintptr_t)(data + 1), size - 1 ? size - 1 : 1, "rb");
    hnp_worker *w = NULL;
    if (!in || hnp_worker_create(pipe_, &w) != HNP_OK) {
        abort();
    }
    runner r;
    memset(&r, 0, sizeof r);
    r.o = &o;
    r.pipe = pipe_;
    r.stream = devnull;
    r.sink = out_file_sink(devnull);
    char name[] = "fuzz";
    input_file f;
    memset(&f, 0, sizeof f);
    f.path = f.id = name;
    stream_ctx c = {&r, w, &f, in, devnull, &r.sink, &r.doc_index, &r.st, 0, NULL, NULL, 0, 0};
    if (size > 1) {
        stream_input(&c);
    }
    fclose(in);
    hnp_worker_free(w);
    hnp_membuf_free(&r.fail_log);
    return 0;
}

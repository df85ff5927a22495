/* fuzz_jsonl.c -- the JSONL line parser of --input-format jsonl on arbitrary bytes. When a
 * line parses, the spans it reports must lie inside the line and the strings it found must
 * decode; the annotation cut must leave an object that still parses. */
#include "fuzz.h"
#include "jsonl.h"

#include <stdlib.h>
#include <string.h>

static void check_span(jsonl_span s, size_t size)
{
    if (s.end && (s.start >= s.end || s.end > size)) {
        abort();
    }
}

/* The line with the old annotation member cut out and a new one added must still parse
 * (this is what -f jsonl writes). */
static void check_merge(const char *line, size_t size, const jsonl_obj *o)
{
    char *m = malloc(size + 16);
    if (!m) {
        return;
    }
    size_t n = 0, at = 0;
    for (size_t k = 0; k < o->n_cuts; k++) {
        check_span(o->cuts[k], size);
        if (o->cuts[k].start < at) {
            abort(); /* cuts in order, not overlapping */
        }
        memcpy(m + n, line + at, o->cuts[k].start - at);
        n += o->cuts[k].start - at;
        at = o->cuts[k].end;
    }
    memcpy(m + n, line + at, o->close - at);
    n += o->close - at;
    const char *add = o->n_members ? ",\"hnpipe\":1}" : "\"hnpipe\":1}";
    memcpy(m + n, add, strlen(add));
    n += strlen(add);
    jsonl_obj again = {0};
    jsonl_err e;
    if (jsonl_parse(m, n, "text", "id", &again, &e) != 0 || again.n_members != o->n_members ||
        again.n_cuts != 1) {
        abort(); /* exactly the one new annotation member, and every kept member */
    }
    jsonl_obj_free(&again);
    free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *line = (const char *)data;
    jsonl_obj o = {0};
    jsonl_err e;
    if (jsonl_parse(line, size, "text", "id", &o, &e) != 0) {
        if (e.column < 1 || e.column > size + 1 || !e.why) {
            abort();
        }
        jsonl_obj_free(&o);
        return 0;
    }
    check_span(o.text, size);
    check_span(o.id, size);
    if (o.close >= size || line[o.close] != '}') {
        abort();
    }
    hnp_membuf b = {NULL, 0, 0};
    if (o.text.end && line[o.text.start] == '"' && jsonl_decode_string(line, o.text, &b) == 0 &&
        b.data[b.len] != '\0') {
        abort();
    }
    hnp_membuf_free(&b);
    check_merge(line, size, &o);
    jsonl_obj_free(&o);
    return 0;
}

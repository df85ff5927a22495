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
    size_t head = o->cut.end ? o->cut.start : o->close, n = head;
    memcpy(m, line, head);
    if (o->cut.end) {
        memcpy(m + n, line + o->cut.end, o->close - o->cut.end);
        n += o->close - o->cut.end;
    }
    const char *add = o->n_members ? ",\"hnpipe\":1}" : "\"hnpipe\":1}";
    memcpy(m + n, add, strlen(add));
    n += strlen(add);
    jsonl_obj again;
    jsonl_err e;
    if (jsonl_parse(m, n, "text", "id", &again, &e) != 0 || again.n_members != o->n_members) {
        abort();
    }
    free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *line = (const char *)data;
    jsonl_obj o;
    jsonl_err e;
    if (jsonl_parse(line, size, "text", "id", &o, &e) != 0) {
        if (e.column < 1 || e.column > size + 1 || !e.why) {
            abort();
        }
        return 0;
    }
    check_span(o.text, size);
    check_span(o.id, size);
    check_span(o.cut, size);
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
    return 0;
}

/* classify_lang.h -- the document's language, from Compact Language Detector 2 (Debian
 * libcld2). CLD2 has only a C++ API: classify_lang.cc wraps it behind this C declaration,
 * so no C source of the stage sees a C++ header. Internal to libhnp. */
#ifndef HNP_CLASSIFY_LANG_H
#define HNP_CLASSIFY_LANG_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* CLD2's script scanner looks at the character after the last one it takes, so it reads a
 * few bytes past the text it is given (Debian's libcld2 0.0.197; ClickHouse patched the same
 * defect in its copy). The caller leaves CLS_LANG_PAD zero bytes after the text, so the
 * answer depends on the text alone, not on what memory follows it. */
enum { CLS_LANG_CODE = 8, CLS_LANG_PAD = 64 };

/* Writes the ISO 639-1 code of the main language of the UTF-8 text (at most its first
 * 64 KiB are read; the caller passes a sample followed by CLS_LANG_PAD zero bytes) into
 * code, NUL-terminated, and returns 1; writes "" and returns 0 when CLD2 is not sure or the
 * language has no two-letter code.
 * Thread-safe: CLD2 keeps no state between calls. */
int hnp_cls_detect_lang(const uint8_t *text, size_t len, char code[CLS_LANG_CODE]);

#ifdef __cplusplus
}
#endif
#endif /* HNP_CLASSIFY_LANG_H */

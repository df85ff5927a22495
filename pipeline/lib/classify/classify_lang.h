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

enum { CLS_LANG_CODE = 8 };

/* Writes the ISO 639-1 code of the main language of the UTF-8 text (at most its first
 * 64 KiB are read; the caller passes a sample) into code, NUL-terminated, and returns 1; writes ""
 * and returns 0 when CLD2 is not sure or the language has no two-letter code.
 * Thread-safe: CLD2 keeps no state between calls. */
int hnp_cls_detect_lang(const uint8_t *text, size_t len, char code[CLS_LANG_CODE]);

#ifdef __cplusplus
}
#endif
#endif /* HNP_CLASSIFY_LANG_H */

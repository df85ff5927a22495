// classify_lang.cc -- the C entry to CLD2's C++ language detector (classify_lang.h).
// Built without exceptions and without static objects, so it adds no writable data
// and no global symbol except hnp_cls_detect_lang.
#include "classify_lang.h"

#include <cstdio> // compact_lang_det.h uses FILE without including it
#include <cstring>

#include <cld2/public/compact_lang_det.h>

namespace
{

// A page's language shows in its first tens of KiB; reading more only costs time.
constexpr size_t kSample = 64 * 1024;

// Cuts n back so that text[0..n) does not end inside a UTF-8 sequence.
size_t utf8_cut(const uint8_t *text, size_t n)
{
    size_t i = n;
    while (i > 0 && n - i < 4 && (text[i - 1] & 0xC0) == 0x80) {
        i--;
    }
    if (i > 0 && text[i - 1] >= 0xC0) {
        size_t need = text[i - 1] >= 0xF0 ? 4 : text[i - 1] >= 0xE0 ? 3 : 2;
        if (n - (i - 1) < need) {
            return i - 1;
        }
    }
    return n;
}

// CLD2 still writes a few codes that ISO 639-1 has replaced.
const char *modern_code(const char *c)
{
    if (std::strcmp(c, "iw") == 0) {
        return "he";
    }
    if (std::strcmp(c, "jw") == 0) {
        return "jv";
    }
    return c;
}

} // namespace

extern "C" int hnp_cls_detect_lang(const uint8_t *text, size_t len, char code[CLS_LANG_CODE])
{
    code[0] = '\0';
    // The caller's sample may end inside a character; CLD2 refuses invalid UTF-8.
    size_t n = utf8_cut(text, len > kSample ? kSample : len);
    if (n == 0) {
        return 0;
    }
    bool reliable = false;
    int valid = 0;
    CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
        reinterpret_cast<const char *>(text), static_cast<int>(n), true, &reliable, &valid);
    if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) {
        return 0;
    }
    const char *c = modern_code(CLD2::LanguageCode(lang));
    // "zh-Hant" -> "zh"; three-letter codes have no ISO 639-1 form.
    size_t k = std::strcspn(c, "-");
    if (k != 2) {
        return 0;
    }
    code[0] = c[0];
    code[1] = c[1];
    code[2] = '\0';
    return 1;
}

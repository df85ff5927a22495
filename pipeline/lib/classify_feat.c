/* classify_feat.c -- shape features of one sentence for the classify stage, computed in
 * linear scans over the bytes (utf8proc for character classes), and the normalized key
 * that the phrase rules match against. */
#include "classify_internal.h"

#include <string.h>
#include <utf8proc.h>

/* English function words, sorted for bsearch. Their density separates running prose
 * from navigation, keyword strings and name lists (jusText uses the same signal). */
static const char *const stopwords[] = {
    "a",     "about",   "after", "against", "all",     "also",    "am",     "an",     "and",
    "any",   "are",     "as",    "at",      "be",      "been",    "before", "being",  "between",
    "both",  "but",     "by",    "can",     "could",   "did",     "do",     "does",   "during",
    "each",  "even",    "for",   "from",    "had",     "has",     "have",   "he",     "her",
    "here",  "him",     "his",   "how",     "however", "i",       "if",     "in",     "into",
    "is",    "it",      "its",   "just",    "may",     "more",    "most",   "much",   "must",
    "my",    "no",      "not",   "of",      "on",      "one",     "only",   "or",     "other",
    "our",   "out",     "over",  "own",     "said",    "same",    "she",    "should", "since",
    "so",    "some",    "such",  "than",    "that",    "the",     "their",  "them",   "then",
    "there", "these",   "they",  "this",    "those",   "through", "to",     "too",    "under",
    "until", "up",      "us",    "very",    "was",     "we",      "were",   "what",   "when",
    "where", "whether", "which", "while",   "who",     "whom",    "why",    "will",   "with",
    "would", "you",     "your",
};

/* The order of strncmp then length, in one loop without strlen: a word has no NUL. */
static int cmp_word(const char *w, size_t n, const char *s)
{
    size_t i = 0;
    for (; i < n && s[i] != '\0'; i++) {
        if (w[i] != s[i]) {
            return (uint8_t)w[i] < (uint8_t)s[i] ? -1 : 1;
        }
    }
    if (i < n) {
        return 1;
    }
    return s[i] != '\0' ? -1 : 0;
}

int hnp_cls_is_stopword(const char *w, size_t n)
{
    size_t lo = 0, hi = sizeof stopwords / sizeof stopwords[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_word(w, n, stopwords[mid]);
        if (c == 0) {
            return 1;
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return 0;
}

static int is_cjk(utf8proc_int32_t c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

static int is_closer(utf8proc_int32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
           c == 0xBB || c == 0x300D || c == 0x300F || c == 0xFF09;
}

static int is_ws(utf8proc_int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000 ||
           c == 0x2009 || c == 0x200B;
}

static int is_letter(utf8proc_category_t cat)
{
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static int is_wordch(utf8proc_category_t cat)
{
    return is_letter(cat) || (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_NO);
}

/* Scan state for the word loop. */
typedef struct wstate {
    char low[16]; /* the current word, ASCII lower case, when short and ASCII */
    size_t lowlen;
    int ascii;
    int in_word;
    int has_letter;
} wstate;

static void end_word(wstate *w, cls_feat *f)
{
    if (!w->in_word) {
        return;
    }
    f->words++;
    if (w->has_letter) {
        f->alpha_words++;
    }
    if (w->ascii && w->lowlen > 0 && w->lowlen < sizeof w->low &&
        hnp_cls_is_stopword(w->low, w->lowlen)) {
        f->stop++;
    }
    w->in_word = 0;
}

static void word_char(wstate *w, cls_feat *f, utf8proc_int32_t c, utf8proc_category_t cat,
                      utf8proc_int32_t prev)
{
    if (!w->in_word) {
        w->in_word = 1;
        w->has_letter = 0;
        w->ascii = 1;
        w->lowlen = 0;
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
            f->cap_words++;
        }
        if (prev == '#') {
            f->hashtags++;
        }
    }
    if (is_letter(cat)) {
        w->has_letter = 1;
        if (!f->first_lower && !f->first_upper) {
            f->first_lower = cat == UTF8PROC_CATEGORY_LL;
            f->first_upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        }
    }
    if (c < 128 && w->lowlen < sizeof w->low) {
        w->low[w->lowlen++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else {
        w->ascii = 0;
    }
}

static void count_char(cls_feat *f, utf8proc_int32_t c, utf8proc_category_t cat)
{
    if (is_letter(cat)) {
        f->letters++;
    } else if (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) {
        f->digits++;
    } else if (!is_ws(c)) {
        f->symbols++;
    }
    if (c == ',' || c == 0xFF0C || c == 0x3001) {
        f->commas++;
    }
    if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) {
        f->cjk_stops++;
    }
}

/* The category of an ASCII byte, without a library call. Only the letter and number
 * classes (LU..NO) are ever tested, and ASCII has no marks or other numbers, so every
 * other byte may stand as punctuation. */
static utf8proc_category_t ascii_category(uint8_t c)
{
    if (c >= 'A' && c <= 'Z') {
        return UTF8PROC_CATEGORY_LU;
    }
    if (c >= 'a' && c <= 'z') {
        return UTF8PROC_CATEGORY_LL;
    }
    if (c >= '0' && c <= '9') {
        return UTF8PROC_CATEGORY_ND;
    }
    return UTF8PROC_CATEGORY_PO;
}

static void scan_chars(const uint8_t *s, size_t n, cls_feat *f)
{
    wstate w = {{0}, 0, 1, 0, 0};
    utf8proc_int32_t prev = ' ', last = 0;
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_category_t cat;
        if (s[i] < 0x80) {
            c = s[i++];
            cat = ascii_category(s[i - 1]);
        } else {
            utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &c);
            if (k <= 0) {
                c = 0xFFFD; /* invalid byte: count it as one symbol */
                k = 1;
            }
            i += (size_t)k;
            cat = utf8proc_category(c);
        }
        f->nchars++;
        count_char(f, c, cat);
        if (is_cjk(c)) {
            f->cjk++;
            end_word(&w, f);
        } else if (is_wordch(cat)) {
            word_char(&w, f, c, cat, prev);
        } else if (!(w.in_word && (c == '\'' || c == 0x2019 || c == '-'))) {
            end_word(&w, f);
        }
        if (!is_ws(c) && !is_closer(c)) {
            last = c;
        }
        prev = c;
    }
    end_word(&w, f);
    f->ends_stop = last == '.' || last == '!' || last == '?' || last == 0x2026 || last == 0x3002 ||
                   last == 0xFF01 || last == 0xFF1F;
    f->ends_q = last == '?' || last == 0xFF1F;
    f->ends_colon = last == ':' || last == 0xFF1A;
}

static int lower_at(const uint8_t *s, size_t n, size_t i, const char *lit)
{
    size_t l = strlen(lit);
    if (i + l > n) {
        return 0;
    }
    for (size_t j = 0; j < l; j++) {
        uint8_t c = s[i + j];
        if (c >= 'A' && c <= 'Z') {
            c = (uint8_t)(c + 32);
        }
        if (c != (uint8_t)lit[j]) {
            return 0;
        }
    }
    return 1;
}

static void scan_links(const uint8_t *s, size_t n, cls_feat *f)
{
    for (size_t i = 0; i < n; i++) {
        int boundary = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == ',' ||
                       s[i - 1] == ':' || s[i - 1] == '\n';
        uint8_t c = (uint8_t)(s[i] | 0x20);
        if (boundary && (c == 'h' || c == 'w') &&
            (lower_at(s, n, i, "http://") || lower_at(s, n, i, "https://") ||
             lower_at(s, n, i, "www."))) {
            f->has_url = 1;
        }
        if (s[i] == '@' && i > 0 && s[i - 1] > ' ' && i + 3 < n) {
            size_t j = i + 1;
            while (j < n && s[j] > ' ' && s[j] != '.') {
                j++;
            }
            if (j + 2 < n && s[j] == '.' && s[j + 1] >= 'a' && s[j + 1] <= 'z') {
                f->has_email = 1;
            }
        }
    }
}

/* Whether the sentence is alone on its line, and whether its line is a short
 * "[Figure 1. Caption]" (the segmenter may have split it at the inner full stop). Scans
 * at most CLS_LINE_SCAN bytes each way, so one huge line costs no more than a short one. */
enum { CLS_LINE_SCAN = 160 };

static void line_context(const uint8_t *doc, size_t doclen, size_t start, size_t end, cls_feat *f)
{
    size_t a = start, b = end;
    while (a > 0 && start - a < CLS_LINE_SCAN && doc[a - 1] != '\n') {
        a--;
    }
    while (b < doclen && b - end < CLS_LINE_SCAN && doc[b] != '\n') {
        b++;
    }
    int full = (a == 0 || doc[a - 1] == '\n') && (b == doclen || doc[b] == '\n');
    while (a < start && (doc[a] == ' ' || doc[a] == '\t')) {
        a++;
    }
    while (b > end && (doc[b - 1] == ' ' || doc[b - 1] == '\t' || doc[b - 1] == '\r')) {
        b--;
    }
    f->whole_line = full && a == start && b == end;
    f->bracketed = full && b - a <= CLS_LINE_SCAN && doc[a] == '[' && doc[b - 1] == ']';
}

void hnp_cls_features(const uint8_t *doc, size_t doclen, size_t start, size_t end, cls_feat *f)
{
    memset(f, 0, sizeof *f);
    if (start > end || end > doclen) {
        return;
    }
    const uint8_t *s = doc + start;
    size_t n = end - start;
    scan_chars(s, n, f);
    scan_links(s, n, f);
    hnp_cls_scan_numbers(s, n, f);
    hnp_cls_scan_company(s, n, f);
    line_context(doc, doclen, start, end, f);
    f->bracketed |= n >= 2 && s[0] == '[' && s[n - 1] == ']';
}

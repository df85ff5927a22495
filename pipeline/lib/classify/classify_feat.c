/* classify_feat.c -- shape features of one sentence for the classify stage, computed in
 * linear scans over the bytes (utf8proc for character classes), and the normalized key
 * that the phrase rules match against. */
#include "base/ascii.h"
#include "classify_internal.h"
#include "classify_stopword_table.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* English function words. Their density separates running prose from navigation,
 * keyword strings and name lists (jusText uses the same signal). */
static const char *const sw_en[] = {
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

/* The longest function word ("against", "between", "however", "through", "whether"). */
enum { STOPWORD_MAX = 7 };

/* The function words are looked up in an open-addressed table (sw_slot) keyed by a word's
 * bytes packed into one number: a lookup is a multiply and one or two compares instead of
 * a scan of the first letter's words (about 55 instructions a word on bench's records).
 * 512 slots for 111 words: a miss probes about 1.3 slots. The table is generated from
 * sw_en (scripts/gen_stopword_table.py) so that it is const: no writable data in libhnp.
 *
 * The key of w[0..n) (1 <= n <= STOPWORD_MAX): the bytes little-endian, n in the top byte,
 * so that no two words share a key and no key is 0. */
static inline uint64_t stopword_key(const char *w, size_t n)
{
    uint64_t k = (uint64_t)n << 56;
    for (size_t i = 0; i < n; i++) {
        k |= (uint64_t)(uint8_t)w[i] << (8 * i);
    }
    return k;
}

static inline size_t stopword_slot(uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> (64 - SW_BITS));
}

static inline int stopword_has(uint64_t key)
{
    for (size_t s = stopword_slot(key);; s = (s + 1) & (SW_SLOTS - 1)) {
        if (sw_slot[s] == key) {
            return 1;
        }
        if (!sw_slot[s]) {
            return 0;
        }
    }
}

int hnp_cls_is_stopword(const char *w, size_t n)
{
    if (n == 0 || n > STOPWORD_MAX) {
        return 0;
    }
    return stopword_has(stopword_key(w, n));
}

int hnp_cls_is_stopword_scan(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof sw_en / sizeof sw_en[0]; i++) {
        if (strlen(sw_en[i]) == n && memcmp(sw_en[i], w, n) == 0) {
            return 1;
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

/* Function words of the other languages whose pages health news arrives in, sorted by
 * bytes for bsearch. A French or Spanish article has as many of its own function words as
 * an English one, so its prose is not mistaken for a link list. */
static const char *const sw_de[] = {
    "als",  "am",   "an",   "auch", "auf", "aus",   "bei", "bis",  "da",    "das",   "dass",
    "dem",  "den",  "der",  "des",  "die", "durch", "ein", "eine", "einem", "einen", "einer",
    "es",   "für",  "hat",  "im",   "in",  "ist",   "mit", "nach", "nicht", "noch",  "nur",
    "oder", "sich", "sie",  "sind", "so",  "um",    "und", "uns",  "von",   "vor",   "war",
    "wie",  "wir",  "wird", "zu",   "zum", "zur",   "über"};
static const char *const sw_es[] = {
    "a",  "al",    "como",    "con", "cuando", "de",   "del",  "donde", "el",  "ella", "ellos",
    "en", "entre", "era",     "es",  "esta",   "este", "está", "están", "fue", "ha",   "hay",
    "la", "las",   "le",      "les", "lo",     "los",  "me",   "muy",   "más", "no",   "nos",
    "o",  "para",  "pero",    "por", "que",    "qué",  "se",   "ser",   "si",  "sin",  "sobre",
    "su", "sus",   "también", "un",  "una",    "uno",  "y",    "ya",    "yo"};
static const char *const sw_fr[] = {
    "au",   "aussi", "aux", "avec", "ce",   "ces", "cette", "comme", "dans", "de",  "des", "du",
    "elle", "elles", "en",  "est",  "et",   "il",  "ils",   "je",    "la",   "le",  "les", "leur",
    "lui",  "mais",  "mes", "mon",  "même", "ne",  "nos",   "notre", "nous", "on",  "ont", "ou",
    "où",   "par",   "pas", "plus", "pour", "qu",  "que",   "qui",   "sa",   "se",  "ses", "son",
    "sont", "sur",   "un",  "une",  "vous", "y",   "à",     "était", "été",  "être"};
static const char *const sw_it[] = {"a",   "ad",   "al",  "alla",  "anche", "che", "chi",   "come",
                                    "con", "da",   "dal", "degli", "dei",   "del", "della", "delle",
                                    "di",  "e",    "gli", "ha",    "i",     "il",  "in",    "la",
                                    "le",  "lo",   "ma",  "nel",   "nella", "non", "per",   "più",
                                    "si",  "sono", "su",  "tra",   "un",    "una", "uno",   "è"};
static const char *const sw_nl[] = {
    "aan",  "al",   "als", "bij",  "dat",  "de",    "den", "der",  "die", "dit",  "door",
    "een",  "en",   "er",  "geen", "het",  "hij",   "hoe", "in",   "is",  "maar", "met",
    "naar", "niet", "nog", "of",   "om",   "ook",   "op",  "over", "te",  "tot",  "uit",
    "van",  "voor", "was", "wat",  "werd", "wordt", "ze",  "zich", "zijn"};
static const char *const sw_pt[] = {
    "a",   "ao",  "aos", "as",    "com", "como", "da",  "das",    "de",   "do",   "dos",  "e",
    "ela", "ele", "em",  "entre", "era", "está", "foi", "há",     "isso", "mais", "mas",  "muito",
    "na",  "nas", "no",  "nos",   "não", "o",    "os",  "ou",     "para", "pela", "pelo", "por",
    "que", "se",  "sem", "ser",   "seu", "sua",  "são", "também", "um",   "uma",  "à",    "é"};

typedef struct stoplist {
    const char *const *words;
    size_t n;
} stoplist;

#define LIST(a)                                                                                    \
    {                                                                                              \
        a, sizeof a / sizeof a[0]                                                                  \
    }
static const stoplist stoplists[CLS_LANG_COUNT] = {
    [CLS_LANG_DE] = LIST(sw_de), [CLS_LANG_ES] = LIST(sw_es), [CLS_LANG_FR] = LIST(sw_fr),
    [CLS_LANG_IT] = LIST(sw_it), [CLS_LANG_NL] = LIST(sw_nl), [CLS_LANG_PT] = LIST(sw_pt)};
#undef LIST

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* Another language's list (not English: its lookup stays the inline bucket scan). */
static int is_stopword_in(cls_lang lang, const char *w, size_t n)
{
    char z[16];
    if (n >= sizeof z) {
        return 0;
    }
    memcpy(z, w, n);
    z[n] = '\0';
    const stoplist *l = &stoplists[lang];
    return bsearch(z, l->words, l->n, sizeof l->words[0], cmp_word) != NULL;
}

static int word_byte(uint8_t c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int hnp_cls_ends_function_word(const uint8_t *s, size_t n, cls_lang lang)
{
    char low[16];
    while (n > 0 && !word_byte(s[n - 1])) {
        n--;
    }
    size_t a = n;
    while (a > 0 && word_byte(s[a - 1]) && n - a < sizeof low) {
        a--;
    }
    if (a == n || n - a >= sizeof low || (a > 0 && word_byte(s[a - 1]))) {
        return 0;
    }
    for (size_t i = a; i < n; i++) {
        low[i - a] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    }
    return lang == CLS_LANG_EN ? hnp_cls_is_stopword(low, n - a) : is_stopword_in(lang, low, n - a);
}

cls_lang hnp_cls_lang_of(const char *code)
{
    static const char *const codes[CLS_LANG_COUNT] = {
        [CLS_LANG_EN] = "en", [CLS_LANG_DE] = "de", [CLS_LANG_ES] = "es", [CLS_LANG_FR] = "fr",
        [CLS_LANG_IT] = "it", [CLS_LANG_NL] = "nl", [CLS_LANG_PT] = "pt"};
    for (size_t i = 0; i < CLS_LANG_COUNT; i++) {
        if (strcmp(code, codes[i]) == 0) {
            return (cls_lang)i;
        }
    }
    return CLS_LANG_EN;
}

/* Bytes of a word kept for the function-word lookup. */
enum { LOW_MAX = 16 };

/* Scan state for the word loop. */
typedef struct wstate {
    /* the current word, lower case, when short (and ASCII in English): LOW_MAX bytes, and
     * room for word_run's eight-byte stores past them */
    char low[LOW_MAX + 16];
    size_t lowlen;
    int ascii; /* the whole word is in low */
    cls_lang lang;
    int in_word;
    int has_letter;
    int reference; /* function words by hnp_cls_is_stopword_scan (check_classify_matcher) */
} wstate;

/* hnp_cls_is_stopword on the current word, its key from one eight-byte load (low has room
 * past the word). */
static inline int low_is_stopword(const wstate *w)
{
    if (w->lowlen > STOPWORD_MAX) {
        return 0;
    }
    uint64_t v;
    memcpy(&v, w->low, 8);
    v &= (UINT64_C(1) << (8 * w->lowlen)) - 1;
    return stopword_has(v | (uint64_t)w->lowlen << 56);
}

static inline void end_word(wstate *w, cls_feat *f)
{
    if (!w->in_word) {
        return;
    }
    f->words++;
    if (w->has_letter) {
        f->alpha_words++;
    }
    if (w->ascii && w->lowlen > 0 && w->lowlen < LOW_MAX &&
        (w->lang != CLS_LANG_EN ? is_stopword_in(w->lang, w->low, w->lowlen)
         : w->reference         ? hnp_cls_is_stopword_scan(w->low, w->lowlen)
                                : low_is_stopword(w))) {
        f->stop++;
    }
    w->in_word = 0;
}

/* A word starts: the per-word state resets; the word counts as capitalised or as a hashtag.
 * word_char (any character) and word_run (a run of ASCII) both start words here, so the two
 * scans count the same. */
static inline void start_word(wstate *w, cls_feat *f, int capital, utf8proc_int32_t prev)
{
    w->in_word = 1;
    w->has_letter = 0;
    w->ascii = 1;
    w->lowlen = 0;
    f->cap_words += capital != 0;
    f->hashtags += prev == '#';
}

static inline void word_char(wstate *w, cls_feat *f, utf8proc_int32_t c, utf8proc_category_t cat,
                             utf8proc_int32_t prev)
{
    if (!w->in_word) {
        start_word(w, f, cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT, prev);
    }
    if (is_letter(cat)) {
        w->has_letter = 1;
        if (!f->first_lower && !f->first_upper) {
            f->first_lower = cat == UTF8PROC_CATEGORY_LL;
            f->first_upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        }
    }
    if (c < 128 && w->lowlen < LOW_MAX) {
        w->low[w->lowlen++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c >= 128 && w->lang != CLS_LANG_EN) {
        utf8proc_uint8_t u[4];
        utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_tolower(c), u);
        if (k > 0 && w->lowlen + (size_t)k < LOW_MAX) {
            memcpy(w->low + w->lowlen, u, (size_t)k);
            w->lowlen += (size_t)k;
        } else {
            w->ascii = 0;
        }
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

/* ASCII classes for the fast path of scan_chars. */
enum { A_UP = 1, A_LOW = 2, A_DIGIT = 4, A_WS = 8, A_CLOSER = 16 };

static unsigned ascii_class(uint8_t c)
{
    if (c >= 'a' && c <= 'z') {
        return A_LOW;
    }
    if (c >= 'A' && c <= 'Z') {
        return A_UP;
    }
    if (c >= '0' && c <= '9') {
        return A_DIGIT;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        return A_WS;
    }
    return c == '"' || c == '\'' || c == ')' || c == ']' ? A_CLOSER : 0;
}

/* One ASCII character: what the general step below does, without utf8proc and without
 * the tests that only non-ASCII characters can pass (CJK, wide punctuation). */
static void ascii_step(wstate *w, cls_feat *f, uint8_t c, utf8proc_int32_t prev,
                       utf8proc_int32_t *last)
{
    unsigned k = ascii_class(c);
    if (k & (A_UP | A_LOW)) {
        f->letters++;
        word_char(w, f, c, k == A_UP ? UTF8PROC_CATEGORY_LU : UTF8PROC_CATEGORY_LL, prev);
    } else if (k == A_DIGIT) {
        f->digits++;
        word_char(w, f, c, UTF8PROC_CATEGORY_ND, prev);
    } else {
        f->symbols += k != A_WS;
        f->commas += c == ',';
        if (!(w->in_word && (c == '\'' || c == '-'))) {
            end_word(w, f);
        }
    }
    if (k != A_WS && k != A_CLOSER) {
        *last = c;
    }
}

static void general_step(wstate *w, cls_feat *f, utf8proc_int32_t c, utf8proc_int32_t prev,
                         utf8proc_int32_t *last)
{
    utf8proc_category_t cat = utf8proc_category(c);
    count_char(f, c, cat);
    if (is_cjk(c)) {
        f->cjk++;
        end_word(w, f);
    } else if (is_wordch(cat)) {
        word_char(w, f, c, cat, prev);
    } else if (!(w->in_word && (c == '\'' || c == 0x2019 || c == '-'))) {
        end_word(w, f);
    }
    if (!is_ws(c) && !is_closer(c)) {
        *last = c;
    }
}

/* The first letter of the sentence (when none was seen yet) is in the run s[i..j). */
static void first_letter_in(cls_feat *f, const uint8_t *s, size_t i, size_t j)
{
    while (i < j && !hnp_ascii_is(s[i], HNP_ASCII_UPPER | HNP_ASCII_LOWER)) {
        i++;
    }
    if (i < j) {
        f->first_lower = hnp_ascii_is(s[i], HNP_ASCII_LOWER);
        f->first_upper = !f->first_lower;
    }
}

/* Eight bytes at a time (SWAR: each byte a lane of a 64-bit word). */
static const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;

/* The end of the run of ASCII letters and digits from s[i]; *digits counts its digits.
 * Eight bytes a step: the first lane that is neither a letter nor a digit ends it. */
static size_t run_end(const uint8_t *s, size_t n, size_t i, unsigned *digits)
{
#ifdef __SSE2__
    /* Sixteen bytes a step (most runs end in the first) while they can be read. */
    for (; i + 16 <= n; i += 16) {
        __m128i letter;
        unsigned dig, word = hnp_ascii_word16(
                          _mm_loadu_si128((const __m128i *)(const void *)(s + i)), &letter, &dig);
        if (word != 0xFFFF) {
            unsigned k = (unsigned)__builtin_ctz(~word); /* bytes before the stop */
            dig &= (1u << k) - 1;
            *digits += dig ? (unsigned)__builtin_popcount(dig) : 0;
            return i + k;
        }
        *digits += dig ? (unsigned)__builtin_popcount(dig) : 0;
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        uint64_t dig = hnp_ascii_lanes_between(v, '0' - 1, '9' + 1);
        uint64_t word = dig | hnp_ascii_lanes_between(v, 'A' - 1, 'Z' + 1) |
                        hnp_ascii_lanes_between(v, 'a' - 1, 'z' + 1);
        uint64_t stop = ~word & highs;
        if (stop) {
            unsigned k = (unsigned)__builtin_ctzll(stop) / 8; /* lanes before the stop */
            uint64_t keep = k ? ~(uint64_t)0 >> (64 - 8 * k) : 0;
            *digits += (unsigned)(((dig & keep) >> 7) * ones >> 56);
            return i + k;
        }
        *digits += (unsigned)((dig >> 7) * ones >> 56);
    }
    while (i < n && hnp_ascii_is(s[i], HNP_ASCII_WORD)) {
        *digits += (unsigned)hnp_ascii_is(s[i], HNP_ASCII_DIGIT);
        i++;
    }
    return i;
}

/* Appends the lower-cased first take bytes of the run at s[i] to the word's low (letters
 * and digits only: or'ing 0x20 lowers a letter and keeps a digit). Sixteen bytes are stored
 * at once when they can be read; what lies past take is never looked at. */
static void keep_low(wstate *w, const uint8_t *s, size_t n, size_t i, size_t take)
{
    if (i + 16 <= n) {
        uint64_t v[2];
        memcpy(v, s + i, 16);
        v[0] |= ones * 0x20;
        v[1] |= ones * 0x20;
        memcpy(w->low + w->lowlen, v, 16);
        w->lowlen += take;
        return;
    }
    for (size_t k = 0; k < take; k++) {
        w->low[w->lowlen++] = (char)(s[i + k] | 0x20);
    }
}

/* A run of ASCII letters and digits from s[i]: what ascii_step does for each of them, in
 * one loop (most of a sentence's bytes are in such runs). Returns the run's end. */
static size_t word_run(wstate *w, cls_feat *f, const uint8_t *s, size_t n, size_t i,
                       utf8proc_int32_t prev)
{
    if (!w->in_word) {
        start_word(w, f, hnp_ascii_is(s[i], HNP_ASCII_UPPER), prev);
    }
    unsigned digits = 0;
    size_t j = run_end(s, n, i, &digits);
    size_t len = j - i, room = LOW_MAX - w->lowlen;
    size_t take = len < room ? len : room;
    keep_low(w, s, n, i, take);
    if (take < len) {
        w->ascii = 0;
    }
    f->digits += digits;
    f->letters += (unsigned)len - digits;
    f->nchars += len;
    if (digits < len) {
        w->has_letter = 1;
        if (!f->first_lower && !f->first_upper) {
            first_letter_in(f, s, i, j);
        }
    }
    return j;
}

/* reference: every character through ascii_step or general_step, no word_run (the path
 * the fast one must agree with). */
static void scan_chars(const uint8_t *s, size_t n, cls_lang lang, int reference, cls_feat *f)
{
    wstate w = {{0}, 0, 1, lang, 0, 0, reference};
    utf8proc_int32_t prev = ' ', last = 0;
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t c;
        if (!reference && hnp_ascii_is(s[i], HNP_ASCII_WORD)) {
            i = word_run(&w, f, s, n, i, prev);
            last = prev = s[i - 1];
            continue;
        }
        if (!reference && s[i] == ' ') {
            c = s[i++]; /* ascii_step for a space: it ends the word, counts nothing else */
            end_word(&w, f);
        } else if (s[i] < 0x80) {
            c = s[i++];
            ascii_step(&w, f, (uint8_t)c, prev, &last);
        } else {
            utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &c);
            if (k <= 0) {
                c = 0xFFFD; /* invalid byte: count it as one symbol */
                k = 1;
            }
            i += (size_t)k;
            general_step(&w, f, c, prev, &last);
        }
        f->nchars++;
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

/* 1 if a URL (http://, https://, www.) starts at i, at the start or after a separator. */
static int url_at(const uint8_t *s, size_t n, size_t i)
{
    int boundary = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == ',' ||
                   s[i - 1] == ':' || s[i - 1] == '\n';
    return boundary && (lower_at(s, n, i, "http://") || lower_at(s, n, i, "https://") ||
                        lower_at(s, n, i, "www."));
}

/* Every URL form has a ':' or a '.' at a fixed offset from its start, and those bytes are
 * rare, so memchr finds the few places worth testing. */
static int find_url(const uint8_t *s, size_t n)
{
    for (const uint8_t *p = memchr(s, ':', n); p; p = memchr(p + 1, ':', n - (size_t)(p - s) - 1)) {
        size_t j = (size_t)(p - s);
        if ((j >= 4 && url_at(s, n, j - 4)) || (j >= 5 && url_at(s, n, j - 5))) {
            return 1;
        }
    }
    for (const uint8_t *p = memchr(s, '.', n); p; p = memchr(p + 1, '.', n - (size_t)(p - s) - 1)) {
        size_t j = (size_t)(p - s);
        if (j >= 3 && url_at(s, n, j - 3)) {
            return 1;
        }
    }
    return 0;
}

/* An address: a visible byte, '@', a name, then a dot and a lower-case letter. */
static int find_email(const uint8_t *s, size_t n)
{
    for (const uint8_t *p = memchr(s, '@', n); p; p = memchr(p + 1, '@', n - (size_t)(p - s) - 1)) {
        size_t i = (size_t)(p - s);
        if (i > 0 && s[i - 1] > ' ' && i + 3 < n) {
            size_t j = i + 1;
            while (j < n && s[j] > ' ' && s[j] != '.') {
                j++;
            }
            if (j + 2 < n && s[j] == '.' && s[j + 1] >= 'a' && s[j + 1] <= 'z') {
                return 1;
            }
        }
    }
    return 0;
}

static void scan_links(const uint8_t *s, size_t n, cls_feat *f)
{
    if (n == 0) {
        return;
    }
    f->has_url = find_url(s, n);
    f->has_email = find_email(s, n);
}

/* Whether the sentence is alone on its line, and whether its line is a short
 * "[Figure 1. Caption]" (the segmenter may have split it at the inner full stop). Scans
 * at most CLS_LINE_SCAN bytes each way, so one huge line costs no more than a short one. */
enum { CLS_LINE_SCAN = 160 };

/* The start of the line holding doc[start], looking back at most CLS_LINE_SCAN bytes.
 * Eight bytes at a time are skipped while none of them is a newline. */
static size_t line_start(const uint8_t *doc, size_t start)
{
    const uint64_t nl = 0x0A0A0A0A0A0A0A0Au;
    size_t stop = start - (start < CLS_LINE_SCAN ? start : CLS_LINE_SCAN), a = start;
    while (a - stop >= 8) {
        uint64_t v;
        memcpy(&v, doc + a - 8, 8);
        v ^= nl; /* a newline byte becomes a zero byte */
        if ((v - ones) & ~v & (ones << 7)) {
            break;
        }
        a -= 8;
    }
    while (a > stop && doc[a - 1] != '\n') {
        a--;
    }
    return a;
}

static void line_context(const uint8_t *doc, size_t doclen, size_t start, size_t end, cls_feat *f)
{
    size_t a = line_start(doc, start), b = end;
    size_t reach = doclen - end < CLS_LINE_SCAN ? doclen - end : CLS_LINE_SCAN;
    const uint8_t *nl = reach ? memchr(doc + end, '\n', reach) : NULL;
    b = nl ? (size_t)(nl - doc) : end + reach;
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

void hnp_cls_features(const uint8_t *doc, size_t doclen, size_t start, size_t end, cls_lang lang,
                      int reference, cls_feat *f)
{
    memset(f, 0, sizeof *f);
    if (start > end || end > doclen) {
        return;
    }
    const uint8_t *s = doc + start;
    size_t n = end - start;
    scan_chars(s, n, lang, reference, f);
    scan_links(s, n, f);
    hnp_cls_scan_numbers(s, n, f);
    hnp_cls_scan_company(s, n, reference, f);
    line_context(doc, doclen, start, end, f);
    f->bracketed |= n >= 2 && s[0] == '[' && s[n - 1] == ']';
}

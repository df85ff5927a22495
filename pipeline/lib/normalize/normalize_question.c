/* normalize_question.c -- a letter that a legacy code page could not hold, written as '?'.
 *
 * Text that went through ASCII or a code page without "é" comes back as "Qu?bec". The '?'
 * is put back only inside a word (letters on both sides: a '?' at a word's end is far more
 * often a question mark, and "pass?" would become "passé"), only when the word has no other
 * '?', and only when exactly one accented letter makes a word of the word list
 * (normalize_word_table.h, generated from SCOWL and corpora/wordlists; see the README
 * there). Anything else stays as it is: the letter is lost and cannot be guessed.
 *
 * This file calls only the bottom layer (normalize_work.c). */
#include "normalize_internal.h"
#include "normalize_word_table.h"

#include <string.h>
#include <utf8proc.h>

enum { MAX_WORD = 48 };

static int is_letter(uint32_t c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

/* The first listed word that is not below w (binary search). */
static size_t lower_bound(const char *w)
{
    size_t lo = 0, hi = sizeof accented_words / sizeof accented_words[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(accented_words[mid], w) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* The letters a lost '?' can stand for: the accented Latin letters of Latin-1 and
 * Latin Extended-A. */
static int candidate(uint32_t c)
{
    return (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) || (c >= 0x100 && c <= 0x17F);
}

/* UTF-8 of l[s, e) into buf, NUL-terminated; 0 if it does not fit. */
static size_t spell(const hnp_norm_line *l, size_t s, size_t e, char *buf)
{
    size_t n = 0;
    for (size_t k = s; k < e; k++) {
        if (n + 5 > MAX_WORD * 4) {
            return 0;
        }
        n += hnp_norm_utf8_encode(l->cp[k], (uint8_t *)buf + n);
    }
    buf[n] = '\0';
    return n;
}

/* The one letter that makes l[s, e) a listed word with it at q, or 0. The listed words that
 * begin with l[s, q) are contiguous in the sorted table: each is checked for one candidate
 * letter followed by exactly l[q + 1, e). */
static uint32_t lost_letter(const hnp_norm_line *l, size_t s, size_t e, size_t q)
{
    char pre[MAX_WORD * 4 + 1], post[MAX_WORD * 4 + 1];
    size_t np = spell(l, s, q, pre), ns = spell(l, q + 1, e, post);
    uint32_t found = 0;
    if (!np || !ns) {
        return 0;
    }
    for (size_t k = lower_bound(pre); k < sizeof accented_words / sizeof accented_words[0]; k++) {
        const char *w = accented_words[k];
        utf8proc_int32_t c;
        if (strncmp(w, pre, np) != 0) {
            break;
        }
        utf8proc_ssize_t len = utf8proc_iterate((const uint8_t *)w + np, -1, &c);
        if (len <= 0 || !candidate((uint32_t)c) || strcmp(w + np + len, post) != 0) {
            continue;
        }
        if (found && found != (uint32_t)c) {
            return 0; /* two letters fit: no way to choose */
        }
        found = (uint32_t)c;
    }
    return found;
}

hnp_status hnp_norm_pass_question(hnp_norm_work *w, int *changed)
{
    hnp_norm_line *l = &w->a;
    for (size_t q = 1; q + 1 < l->n; q++) {
        if (l->cp[q] != '?' || !is_letter(l->cp[q - 1]) || !is_letter(l->cp[q + 1])) {
            continue;
        }
        size_t s = q, e = q + 1;
        while (s > 0 && is_letter(l->cp[s - 1])) {
            s--;
        }
        while (e < l->n && is_letter(l->cp[e])) {
            e++;
        }
        /* another lost letter in the same word ("M?ni?re"); a '?' after the word that is
         * not followed by a letter is its question mark ("in Z?rich?") */
        int other_q = (s > 0 && l->cp[s - 1] == '?') ||
                      (e + 1 < l->n && l->cp[e] == '?' && is_letter(l->cp[e + 1]));
        uint32_t c = other_q || e - s > MAX_WORD ? 0 : lost_letter(l, s, e, q);
        if (!c) {
            continue;
        }
        uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_QUESTION);
        if (!tag) {
            return HNP_ERR_NOMEM;
        }
        HNP_TRY(hnp_norm_note_before(w, tag, q, q + 1));
        l->cp[q] = c;
        l->tag[q] = tag;
        *changed = 1;
    }
    return HNP_OK;
}

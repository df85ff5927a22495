/* tag_ion.c -- metal ions written as their element's symbol: "Na+", "K(+)", "Mg(2+)",
 * "Ca2+", "[Na]o".
 *
 * The lexicons drop terms of one or two letters (as words they are mostly something else),
 * so an ion written as its symbol is no dictionary match and lies outside the model's
 * regions. A metal's symbol, in its exact case, directly followed by a positive charge or
 * inside the brackets of a concentration is a drug mention (BC5CDR's Chemical), the symbol
 * alone as that corpus marks it. On the training part of bc5cdr-train the pattern's 34
 * occurrences are 33 gold chemicals with exactly that span; the validation part has none.
 * So are the metals named in an ion pump's name, "(Na,K)-ATPase", "Na/K-ATPase",
 * "Ca-ATPase" (the corpus marks each element): on the training part 12 more gold
 * chemicals (one document), no false one; the validation part has none. And a metal
 * salt's formula written as one word, "KCl", "LiCl", "CaCl2", "MgSO4" (the lexicons have
 * few, and "KCl" is ctx as a short term): training part +3 true, no false; validation and
 * fold 1 none; fold 2 +2 true, no false.
 *
 * Layering: called by tag.c; calls tag_mentions.c. */
#include "tag_internal.h"

#include "base/ascii.h"

#include <string.h>

/* Metals seen as cations in biomedical text; non-metals ("C", "I", "S") are left out: a
 * capital letter before "+" or in brackets is more often a label or a citation. */
static int is_metal(const uint8_t *s, size_t n)
{
    static const char *const metals[] = {"Ag", "Al", "Ba", "Ca", "Cd", "Co", "Cr", "Cs",
                                         "Cu", "Fe", "Gd", "Hg", "K",  "La", "Li", "Mg",
                                         "Mn", "Na", "Ni", "Pb", "Rb", "Sr", "Tl", "Zn"};
    for (size_t k = 0; k < sizeof metals / sizeof metals[0]; k++) {
        if (strlen(metals[k]) == n && memcmp(metals[k], s, n) == 0) {
            return 1;
        }
    }
    return 0;
}

/* A positive charge at byte p, before byte end: "+", "2+", "(+", "(2+". */
static int charge_at(const uint8_t *text, size_t p, size_t end)
{
    if (p < end && text[p] == '(') {
        p++;
    }
    if (p < end && text[p] >= '1' && text[p] <= '4') {
        p++;
    }
    return p < end && text[p] == '+';
}

/* The length of a metal's symbol at byte p, before byte end (0: none). */
static size_t metal_at(const uint8_t *text, size_t p, size_t end)
{
    if (p >= end || !hnp_ascii_is(text[p], HNP_ASCII_UPPER)) {
        return 0;
    }
    size_t n = p + 1 < end && hnp_ascii_is(text[p + 1], HNP_ASCII_LOWER) ? 2 : 1;
    return is_metal(text + p, n) ? n : 0;
}

/* The symbol that ends at byte p names, with the metals after it, an ion pump: "(Na,K)-
 * ATPase", "Na,K-ATPase", "Na/K-ATPase", "Ca-ATPase" (the corpus marks each element). */
static int names_atpase(const uint8_t *text, size_t p, size_t end)
{
    for (int k = 0; k < 16 && p < end; k++) {
        size_t n = metal_at(text, p, end);
        if (n == 0 && text[p] != ',' && text[p] != '/' && text[p] != ')' && text[p] != '+') {
            break;
        }
        p += n ? n : 1;
    }
    return p + 7 <= end && (text[p] == '-' || text[p] == ' ') &&
           memcmp(text + p + 1, "ATPase", 6) == 0;
}

/* The length of the metal's symbol token k starts with, when the token is an ion (0: not
 * one); the sentence ends at byte end. "Ca2+" may be one token "Ca2" before "+". */
static size_t ion_symbol(const uint8_t *text, const tag_token *k, size_t end)
{
    size_t n = k->end - k->start;
    if (k->kind != LEXTOK_WORD || n > 3 || !hnp_ascii_is(text[k->start], HNP_ASCII_UPPER)) {
        return 0;
    }
    if (n == 3 || (n == 2 && hnp_ascii_is(text[k->start + 1], HNP_ASCII_DIGIT))) {
        size_t s = n - 1; /* the symbol and one digit, then "+" */
        uint8_t d = text[k->start + s];
        return d >= '1' && d <= '4' && k->end < end && text[k->end] == '+' &&
                       is_metal(text + k->start, s)
                   ? s
                   : 0;
    }
    if (!is_metal(text + k->start, n)) {
        return 0;
    }
    int bracketed =
        k->start > 0 && text[k->start - 1] == '[' && k->end < end && text[k->end] == ']';
    return bracketed || charge_at(text, k->end, end) || names_atpase(text, k->end, end) ? n : 0;
}

/* Whether "ATPase" occurs in bytes a..end. */
static int has_atpase(const uint8_t *text, size_t a, size_t end)
{
    for (const uint8_t *q = memchr(text + a, 'P', end - a); q;
         q = memchr(q + 1, 'P', end - (size_t)(q + 1 - text))) {
        size_t p = (size_t)(q - text);
        if (p >= a + 2 && p + 4 <= end && memcmp(text + p - 2, "ATPase", 6) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The length of an element of a salt's anion at s (n bytes left): "Cl", "Br", or one of
 * H C N O S P F I (0: none); *anion is set for a halogen or oxygen. */
static size_t anion_element(const uint8_t *s, size_t n, int *anion)
{
    if (n >= 2 && ((s[0] == 'C' && s[1] == 'l') || (s[0] == 'B' && s[1] == 'r'))) {
        *anion = 1;
        return 2;
    }
    if (n == 0 || !strchr("HCNOSPFI", s[0]) || s[0] == 0) {
        return 0;
    }
    *anion |= s[0] == 'O' || s[0] == 'F' || s[0] == 'I';
    return 1;
}

/* A count after an element: one or two digits ("CaCl2"; not a code's number, "KF17837").
 * Returns the index after it, or n + 1 when the digits run on. */
static size_t skip_count(const uint8_t *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && hnp_ascii_is(s[j], HNP_ASCII_DIGIT)) {
        j++;
    }
    return j - i > 2 ? n + 1 : j;
}

/* Token k is a metal salt's formula: a metal, then elements of an anion with a halogen or
 * oxygen, each maybe with a count ("KCl", "LiCl", "CaCl2", "MgSO4", "NaHCO3"), written
 * with a small letter or a digit ("KO" is a knockout, "KI" too short to tell). */
static int salt_formula(const uint8_t *text, const tag_token *k)
{
    const uint8_t *s = text + k->start;
    size_t n = k->end - k->start;
    if (k->kind != LEXTOK_WORD || n < 3 || n > 12) {
        return 0;
    }
    /* A capital and a small letter or digit among the next three bytes ("KCl", "LiCl",
     * "Na2SO4"): most words fail here, cheaply. */
    int caps = 0, other = 0;
    for (size_t j = 1; j < 4 && j < n; j++) {
        caps |= hnp_ascii_is(s[j], HNP_ASCII_UPPER);
        other |= hnp_ascii_is(s[j], HNP_ASCII_LOWER | HNP_ASCII_DIGIT);
    }
    size_t i = hnp_ascii_is(s[1], HNP_ASCII_LOWER) ? 2 : 1;
    if (!caps || !other || !is_metal(s, i)) {
        return 0;
    }
    int anion = 0, small = i == 2 || k->digit;
    i = skip_count(s, n, i);
    size_t groups = 0;
    while (i < n) {
        size_t e = anion_element(s + i, n - i, &anion);
        if (e == 0) {
            return 0;
        }
        small |= e == 2;
        i = skip_count(s, n, i + e);
        groups++;
    }
    return i == n && groups > 0 && anion && small;
}

hnp_status hnp_tag_ions(hnp_tagger *t, const uint8_t *text, size_t m0, size_t end)
{
    if (t->n_tok == 0) {
        return HNP_OK;
    }
    /* Every ion has a "+" or a "]" after it, or names a pump: most sentences have none of
     * these (fast scans instead of a test at each token); a salt's formula is one token. */
    size_t a = t->tok[0].start;
    int ions = memchr(text + a, '+', end - a) || memchr(text + a, ']', end - a) ||
               has_atpase(text, a, end);
    for (size_t i = 0; i < t->n_tok; i++) {
        const tag_token *k = &t->tok[i];
        size_t n = ions ? ion_symbol(text, k, end) : 0;
        if (n == 0 && hnp_ascii_is(text[k->start], HNP_ASCII_UPPER) && salt_formula(text, k)) {
            n = k->end - k->start;
        }
        if (n && !hnp_tag_overlaps(t, m0, k->start, k->start + n)) {
            HNP_TRY(hnp_tag_emit(t, k->start, k->start + n, HNP_LABEL_DRUG, "-", "-", SIZE_MAX));
            hnp_tag_settle_last(t, m0);
        }
    }
    return HNP_OK;
}

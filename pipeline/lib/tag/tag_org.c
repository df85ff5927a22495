/* tag_org.c -- names of organisations are not mentions of what they are named after.
 *
 * "the Multiple Sclerosis Society", "National Cancer Institute", "American Diabetes
 * Association", "Cancer Research UK": health news quotes such bodies all the time, and
 * the disease in their name is not something a patient has. A capitalised term followed
 * by a capitalised organisation word is taken as part of a name and not tagged. */
#include "tag_internal.h"

#include <string.h>

static int capitalised(const uint8_t *text, const tag_token *k)
{
    return k->kind == LEXTOK_WORD && text[k->start] >= 'A' && text[k->start] <= 'Z';
}

static int org_word(const hnp_tagger *t, const tag_token *k)
{
    static const char *const words[] = {
        "alliance",  "association", "center",     "centre",     "charity", "clinic",
        "coalition", "council",     "federation", "foundation", "fund",    "hospital",
        "institute", "network",     "research",   "society",    "trust"};
    const uint8_t *w = t->fold.data + k->fold_off;
    for (size_t x = 0; x < sizeof words / sizeof words[0]; x++) {
        if (strlen(words[x]) == k->fold_len && memcmp(words[x], w, k->fold_len) == 0) {
            return 1;
        }
    }
    return 0;
}

int hnp_tag_in_org_name(const hnp_tagger *t, const uint8_t *text, size_t i, size_t ntok)
{
    size_t next = i + ntok;
    if (next >= t->n_tok || !capitalised(text, &t->tok[next]) || !org_word(t, &t->tok[next]) ||
        t->tok[next].glued) {
        return 0;
    }
    for (size_t k = i; k < next; k++) {
        if (t->tok[k].kind == LEXTOK_WORD && !capitalised(text, &t->tok[k])) {
            return 0;
        }
    }
    return 1;
}

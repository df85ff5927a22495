/* normalize_internal.h -- what the files of the normalize stage share.
 *
 * The files are one-way layers: each calls only files listed below it, never one above,
 * and state is passed down in hnp_norm_work (nothing is reached for through a caller).
 *
 * normalize.c           the entry (hnp_normalize): binary check, line splitting, the fast
 *                       path for plain lines, controls, NFC, output text and repair records
 * normalize_decode.c    bytes -> valid UTF-8: BOM, UTF-8 repair, ICU detection, iconv
 * normalize_line.c      the per-line loop of repair passes: entities, C1 controls, the
 *                       lost closing quote, and the calls into the files below
 * normalize_question.c  a '?' that stood for an accented letter, from a word list
 * normalize_dbcs.c      mojibake seen from the whole line or its words: GBK/Big5 read as
 *                       Latin-1, UTF-8 read as CP949, a lone windows-1251 pair amid English
 * normalize_lossy.c     UTF-8 read as Latin-1 that lost many bytes (dense CJK lines)
 * normalize_mojibake.c  UTF-8 read as a single-byte codepage, re-decoded line, stretch or
 *                       run at a time; owns the codepage tables (hnp_norm_cp_byte)
 * normalize_lost.c      UTF-8 sequences that lost their last byte, completed from context
 * normalize_badness.c   the badness score that decides whether a repair is an improvement
 * normalize_work.c      the bottom: arrays, lines and tags, the editor, byte buffers, UTF-8
 *                       encoding, what each repair replaced ("before")
 *
 * A line under repair is an array of code points with a parallel array of tags: tag 0 is
 * an original character, tag k > 0 says the character came from repair k, whose kind is
 * work->kinds[k] and whose input is work->bcp[bef_off[k], + bef_len[k]). A pass that
 * replaces characters gives the new ones a fresh tag, so a later repair over an earlier one
 * is recorded once, with the original input as its "before". */
#ifndef HNP_NORMALIZE_INTERNAL_H
#define HNP_NORMALIZE_INTERNAL_H

#include "hnp/normalize.h"

#include <iconv.h>
#include <stddef.h>
#include <stdint.h>

#define NORM_REPLACEMENT 0xFFFDu
#define NORM_MAX_SEEN    64

/* A line of code points with repair tags (see above). */
typedef struct hnp_norm_line {
    uint32_t *cp;
    uint32_t *tag;
    size_t n, cap;
} hnp_norm_line;

/* Bytes of a line re-encoded in a codepage (values up to 0x100 = "no byte"), each with the
 * line position it came from. */
typedef struct hnp_norm_bytes {
    unsigned *b;
    size_t *src;
    size_t n, cap;
} hnp_norm_bytes;

/* Scratch memory for one hnp_normalize call: two lines that passes swap between, and byte
 * buffers for re-encoding. Nothing here outlives the call. */
typedef struct hnp_norm_work {
    hnp_norm_line a, b;
    hnp_norm_bytes enc, fix, stretch, lost;
    uint32_t *dcp; /* decoded code points and their source ranges */
    size_t *dlo, *dhi;
    size_t cap_dec;
    uint32_t *tmp; /* scratch code points for scoring a candidate */
    size_t cap_tmp;
    uint8_t *kinds; /* hnp_repair_kind by tag; tag 0 unused */
    size_t n_kinds, cap_kinds;
    /* What each tag's repair replaced: bcp[bef_off[tag], + bef_len[tag]) */
    size_t *bef_off, *bef_len;
    size_t cap_bef;
    uint32_t *bcp;
    size_t n_bcp, cap_bcp;
    unsigned flags;
    /* Characters that a lost byte can stand for, seen in the document's earlier lines:
     * evidence for normalize_lost.c. */
    uint32_t seen[NORM_MAX_SEEN];
    size_t n_seen;
    /* GB18030 and Big5 decoders, opened at the first line that needs them and kept for the
     * document (opening one per line costs and churns glibc's module cache); cd_tried has
     * bit k set once cd[k] was tried, cd[k] is (iconv_t)-1 when it could not be opened. */
    iconv_t cd[2];
    unsigned cd_tried;
} hnp_norm_work;

enum { NORM_CD_GB18030 = 0, NORM_CD_BIG5 = 1 };

/* Decoded document: valid UTF-8 plus the byte ranges (in it) that replaced undecodable
 * input, and for each such range k the input bytes it replaced: raw[raw_end[k - 1] (0 for
 * k = 0), raw_end[k]). When owned is 0, text points into the caller's input (the valid
 * UTF-8 fast path). */
typedef struct hnp_norm_decoded {
    const uint8_t *text;
    uint8_t *owned;
    size_t len;
    hnp_span *bad;
    size_t n_bad, cap_bad;
    size_t *raw_end;
    size_t cap_raw_end;
    uint8_t *raw;
    size_t n_raw, cap_raw;
    int no_raw; /* HNP_NORM_COUNT_REPAIRS: no "before" texts, so raw and raw_end stay NULL */
    char encoding[32];
} hnp_norm_decoded;

hnp_status hnp_norm_decode(const hnp_normalize_opts *opts, const uint8_t *in, size_t len,
                           hnp_norm_decoded *out);
void hnp_norm_decoded_free(hnp_norm_decoded *d);

/* Writes code point c as UTF-8 into u (room for 4); returns the length. */
size_t hnp_norm_utf8_encode(uint32_t c, uint8_t *u);

/* Badness: the number of places that look like mojibake (0 for clean text). */
size_t hnp_norm_badness(const uint32_t *cp, size_t n);

/* Runs every repair pass over line (in w->a) until nothing changes. The result is in w->a. */
hnp_status hnp_norm_fix_line(hnp_norm_work *w);

/* Line helpers. */
hnp_status hnp_norm_line_reserve(hnp_norm_line *l, size_t n);
/* A fresh tag for a repair of the given kind (0 on allocation failure). */
uint32_t hnp_norm_new_tag(hnp_norm_work *w, hnp_repair_kind kind);
/* Records that tag's repair replaced w->a[lo, hi) (see hnp_norm_note_before in
 * normalize_work.c); hnp_norm_ed_replace does this itself. */
hnp_status hnp_norm_note_before(hnp_norm_work *w, uint32_t tag, size_t lo, size_t hi);
/* Appends c to what tag's repair replaced. */
hnp_status hnp_norm_before_push(hnp_norm_work *w, uint32_t tag, uint32_t c);
hnp_status hnp_norm_grow(void **p, size_t *cap, size_t need, size_t elem);

/* An editor rewrites w->a into w->b from left to right; hnp_norm_ed_finish copies the rest
 * and swaps the two, so the result is in w->a again. */
typedef struct hnp_norm_ed {
    hnp_norm_work *w;
    size_t pos; /* next unread position in w->a */
} hnp_norm_ed;

void hnp_norm_ed_begin(hnp_norm_ed *e, hnp_norm_work *w);
/* Copies w->a[pos, upto) with its tags. */
hnp_status hnp_norm_ed_copy(hnp_norm_ed *e, size_t upto);
/* Replaces w->a[pos, upto) by n code points tagged tag. */
hnp_status hnp_norm_ed_replace(hnp_norm_ed *e, size_t upto, const uint32_t *cp, size_t n,
                               uint32_t tag);
/* Replaces w->a[pos, upto) by n code points tagged tag without noting what they replaced:
 * for a pass that reshapes an earlier repair's output, which keeps that repair's record. */
hnp_status hnp_norm_ed_put(hnp_norm_ed *e, size_t upto, const uint32_t *cp, size_t n, uint32_t tag);
hnp_status hnp_norm_ed_finish(hnp_norm_ed *e);

/* The mojibake pass: re-decodes UTF-8 that was read as a single-byte codepage, for the whole
 * line, stretch by stretch or run by run, where that lowers the badness. *changed is set
 * when it did; *bad gets the line's badness before. */
hnp_status hnp_norm_pass_mojibake(hnp_norm_work *w, int *changed, size_t *bad);
/* The byte that c has in codepage `page` of the mojibake tables (0: latin-1, 1:
 * windows-1252), c itself below 0x80, or 0x100 when it has none. */
unsigned hnp_norm_cp_byte(size_t page, uint32_t c);
/* The character byte b has in codepage `page` (0 for an undefined byte). */
uint32_t hnp_norm_page_char(size_t page, uint8_t b);
/* Indexes of the mojibake tables' codepages used by name. */
enum { NORM_PAGE_MACROMAN = 8 };
/* Last resort for a bad line: UTF-8 read as Latin-1 that also lost bytes (normalize_lossy.c). */
hnp_status hnp_norm_pass_lossy_utf8(hnp_norm_work *w, size_t bad, int *changed);
/* Mojibake seen from the whole line (normalize_dbcs.c): GBK/Big5 read as Latin-1, UTF-8
 * read as CP949, a lone windows-1251 pair amid English. */
hnp_status hnp_norm_pass_dbcs(hnp_norm_work *w, int *changed);
/* What normalize_lost.c needs to choose a lost byte: the page's undefined bytes 0x80-0x9F
 * (bit b - 0x80), the document's evidence, whether the line opens a quote, and whether its
 * converter wrote '?' for lost bytes (hnp_norm_qmark_subst). */
typedef struct hnp_norm_lost_ctx {
    uint32_t undefined;
    const uint32_t *seen;
    size_t n_seen;
    int open_quote;
    int qmark_subst;
    /* For each 2-byte lead byte (0xC2-0xDF): the character that a lost byte completed
     * elsewhere in the line with a sign of its own (hnp_norm_lost_line), 0 if none,
     * UINT32_MAX if two differ. */
    uint32_t line_lead[30];
} hnp_norm_lost_ctx;

/* Fills ctx->line_lead from the line in: the other occurrences of a lead byte that lost
 * its byte ("ÅKS ÅÃ³dÅº": the second is Ł, so is the first). */
void hnp_norm_lost_line(const hnp_norm_bytes *in, hnp_norm_lost_ctx *ctx);

/* Does the line in (bytes in a sloppy page) show a '?' that can only be a converter's
 * substitute for a lost byte ("â?¬", "â€? from")? */
int hnp_norm_qmark_subst(const hnp_norm_bytes *in);

/* Copies in to out, completing UTF-8 sequences that lost their last byte (normalize_lost.c). */
hnp_status hnp_norm_restore_lost(const hnp_norm_bytes *in, const hnp_norm_lost_ctx *ctx,
                                 hnp_norm_bytes *out);
/* If the sequence led by in->b[i] lost its last byte and one candidate wins, sets *cp to the
 * completed character and returns the number of bytes it spans in `in`; 0 otherwise. */
size_t hnp_norm_lost_at(const hnp_norm_bytes *in, size_t i, const hnp_norm_lost_ctx *ctx,
                        uint32_t *cp);
hnp_status hnp_norm_bytes_push(hnp_norm_bytes *bb, unsigned b, size_t src);
/* Records c in w->seen if a lost byte can stand for it (the caller passes the non-ASCII
 * characters of each finished line). */
void hnp_norm_note_seen(hnp_norm_work *w, uint32_t c);

/* A '?' inside a word that a legacy code page wrote for a lost letter, put back from the
 * accented-word list ("Qu?bec" -> "Québec"; normalize_question.c). */
hnp_status hnp_norm_pass_question(hnp_norm_work *w, int *changed);

/* The code point that byte b (0x80-0xFF) stands for in windows-1252, or 0 if undefined. */
uint32_t hnp_norm_cp1252(uint8_t b);
void hnp_norm_work_free(hnp_norm_work *w);

#endif /* HNP_NORMALIZE_INTERNAL_H */

#ifndef SANDBOXLENS_CLIBXML2_SHIM_H
#define SANDBOXLENS_CLIBXML2_SHIM_H
/* Debian's libxml2 headers pull in system ICU headers, whose UErrorCode clashes with
 * Foundation's bundled ICU (_FoundationICU) in any module importing both. Turning ICU
 * support off before the other headers avoids it (../shared/ENGINEERING-NOTES.md). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void sl_xmlFree(void *p) { xmlFree(p); }

/* A structured error handler that only counts, so libxml2 prints nothing. */
static inline void sl_count_error(void *ctx, xmlErrorPtr err) {
    if (ctx == 0 || err == 0) return;
    int *counts = (int *)ctx;
    if (err->level == XML_ERR_WARNING) counts[1] += 1; else counts[0] += 1;
}
static inline void sl_silence_errors(int *counts) {
    xmlSetStructuredErrorFunc(counts, sl_count_error);
}
static inline void sl_restore_errors(void) {
    xmlSetStructuredErrorFunc(0, 0);
}
#endif

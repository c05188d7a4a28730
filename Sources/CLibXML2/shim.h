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

/* What libxml2 reported while parsing one page: counts, and the first error that made
 * it drop content (nesting deeper than its limit, a huge text node, …). */
typedef struct {
    int errors;
    int warnings;
    int dropped;
    char message[240];
} sl_parse_report;

/* A structured error handler that only records, so libxml2 prints nothing. */
static inline void sl_record_error(void *ctx, xmlErrorPtr err) {
    if (ctx == 0 || err == 0) return;
    sl_parse_report *r = (sl_parse_report *)ctx;
    if (err->level == XML_ERR_WARNING) r->warnings += 1; else r->errors += 1;
    if (err->code == XML_ERR_INTERNAL_ERROR || err->code == XML_ERR_NO_MEMORY) {
        if (r->dropped == 0 && err->message != 0) {
            int i = 0;
            for (; i < 239 && err->message[i] != 0 && err->message[i] != '\n'; i++) r->message[i] = err->message[i];
            r->message[i] = 0;
        }
        r->dropped += 1;
    }
}
static inline void sl_silence_errors(sl_parse_report *report) {
    xmlSetStructuredErrorFunc(report, sl_record_error);
}
static inline void sl_restore_errors(void) {
    xmlSetStructuredErrorFunc(0, 0);
}
#endif

/* libxml2's bare parse floor (issue 12): htmlReadMemory + xmlFreeDoc over every
 * .html/.htm file under the given folders, with the options the pipeline uses
 * (RECOVER, NONET, NOERROR, NOWARNING). The encoding is left to libxml2 (meta charset,
 * BOM), as a bare parse does. Each file is read, parsed and freed in turn (memory stays
 * flat); only htmlReadMemory + xmlFreeDoc are timed. Prints: pages bytes parse_seconds.
 * Build: cc -O2 -o floor Benchmarks/floor.c $(pkg-config --cflags --libs libxml-2.0)
 * Usage: floor DIR… */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/HTMLparser.h>

static size_t npages, total, failed;
static double secs;
static int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)ftw;
    if (type != FTW_F) return 0;
    size_t n = strlen(path);
    if (!((n > 5 && strcmp(path + n - 5, ".html") == 0) || (n > 4 && strcmp(path + n - 4, ".htm") == 0))) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char *buf = malloc(st->st_size ? st->st_size : 1);
    size_t got = fread(buf, 1, st->st_size, f);
    fclose(f);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    htmlDocPtr doc = htmlReadMemory(buf, (int)got, "page.html", NULL, opts);
    if (doc) xmlFreeDoc(doc); else failed++;
    clock_gettime(CLOCK_MONOTONIC, &b);
    secs += (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    free(buf);
    npages++;
    total += got;
    return 0;
}

static void quiet(void *ctx, const xmlError *err) { (void)ctx; (void)err; }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s DIR...\n", argv[0]); return 64; }
    xmlInitParser();
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)quiet);
    for (int i = 1; i < argc; i++) nftw(argv[i], visit, 32, FTW_PHYS);
    printf("%zu %zu %.4f\n", npages, total, secs);
    if (failed) fprintf(stderr, "floor: %zu pages gave no document\n", failed);
    return 0;
}

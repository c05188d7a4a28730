#ifndef SANDBOXLENS_COPENCC_SHIM_H
#define SANDBOXLENS_COPENCC_SHIM_H
// OpenCC's C API (Debian libopencc-dev): opencc_open, opencc_convert_utf8,
// opencc_convert_utf8_free, opencc_close, opencc_error.
#include <opencc/opencc.h>
#include <stdint.h>

/// True when `handle` is OpenCC's error value `(opencc_t)-1`.
static inline int sandboxlens_opencc_failed(opencc_t handle) {
    return handle == (opencc_t)(intptr_t)-1;
}
#endif

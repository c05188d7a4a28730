#ifndef SANDBOXLENS_COPENSSL_SHIM_H
#define SANDBOXLENS_COPENSSL_SHIM_H
#include <openssl/sha.h>
#endif

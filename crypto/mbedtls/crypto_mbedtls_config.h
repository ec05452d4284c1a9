/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Our mbed TLS 2.28 configuration (MBEDTLS_CONFIG_FILE): only the
 * primitives the crypto API wraps, built freestanding.
 *
 * No entropy, no file I/O, no time, no networking, no self-test code of its
 * own (crypto/selftest.c runs our known-answer tests).  The only heap use is
 * the HMAC context in md.c; it goes to kcalloc/kfree through
 * crypto_mbedtls_calloc()/crypto_mbedtls_free() (crypto/mbedtls_glue.c), so
 * allocation failures reach the caller as MBEDTLS_ERR_MD_ALLOC_FAILED.
 */
#ifndef CRYPTO_MBEDTLS_CONFIG_H
#define CRYPTO_MBEDTLS_CONFIG_H

#include <stddef.h>

/* System support: nothing from libc beyond string.h. */
#define MBEDTLS_HAVE_ASM
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_PLATFORM_NO_STD_FUNCTIONS
void *crypto_mbedtls_calloc(size_t n, size_t size);
void crypto_mbedtls_free(void *ptr);
#define MBEDTLS_PLATFORM_CALLOC_MACRO	crypto_mbedtls_calloc
#define MBEDTLS_PLATFORM_FREE_MACRO	crypto_mbedtls_free

/* Block cipher and modes. */
#define MBEDTLS_AES_C
#define MBEDTLS_AES_ROM_TABLES		/* tables in .rodata: no init race */
#define MBEDTLS_CIPHER_MODE_CBC
#define MBEDTLS_CIPHER_MODE_XTS

/* Hashes, HMAC (md.c) and PBKDF2 (pkcs5.c). */
#define MBEDTLS_SHA1_C			/* LUKS1 containers made with sha1 */
#define MBEDTLS_SHA256_C
#define MBEDTLS_MD_C
#define MBEDTLS_PKCS5_C

#include "mbedtls/check_config.h"

#endif /* CRYPTO_MBEDTLS_CONFIG_H */

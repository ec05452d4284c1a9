// SPDX-License-Identifier: GPL-2.0
/*
 * mbed TLS glue: its heap (only md.c's HMAC context) goes to kcalloc/kfree.
 *
 * Named by crypto/mbedtls/crypto_mbedtls_config.h.  Knows nothing else about
 * mbed TLS.
 */
#include <port/port.h>

void *crypto_mbedtls_calloc(size_t n, size_t size);
void crypto_mbedtls_free(void *ptr);

/**
 * crypto_mbedtls_calloc() - mbed TLS's calloc
 * Return: zeroed memory or NULL.
 */
void *crypto_mbedtls_calloc(size_t n, size_t size)
{
	return kcalloc(n, size, GFP_KERNEL);
}

/**
 * crypto_mbedtls_free() - mbed TLS's free
 */
void crypto_mbedtls_free(void *ptr)
{
	kfree(ptr);
}

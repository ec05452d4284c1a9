# crypto/: the crypto API over mbed TLS 2.28 (pinned, build/deps/mbedtls).
host-src-y += crypto/api.c crypto/cipher.c crypto/hash.c crypto/rng.c \
	crypto/selftest.c crypto/mbedtls_glue.c
host-dep-src-y += $(addprefix $(MBEDTLS_DIR)/library/,aes.c sha1.c sha256.c \
	md.c pkcs5.c platform.c platform_util.c)
HOST_DEP_CFLAGS += -I$(MBEDTLS_DIR)/include -Icrypto/mbedtls \
	-DMBEDTLS_CONFIG_FILE='"crypto_mbedtls_config.h"'
host-test-y += crypto/tests/crypto_test.c crypto/tests/crypto_alloc_test.c \
	crypto/tests/crypto_thread_test.c

# Portable library code and its host tests.
host-src-y += lib/host/blkio_file.c
host-test-y += lib/tests/ktest_selftest_test.c lib/tests/vsprintf_test.c \
	lib/tests/vsprintf_host.c

# LZ4 (pinned, from build/deps): the same lz4.c/lz4hc.c the kernel links.
host-dep-src-y += $(LZ4_DIR)/lz4.c $(LZ4_DIR)/lz4hc.c
HOST_DEP_CFLAGS += -I$(LZ4_DIR)

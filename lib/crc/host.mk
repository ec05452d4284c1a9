# Portable CRC-32 and its tests.
host-src-y += lib/crc/crc32.c
host-test-y += lib/crc/tests/crc32_test.c

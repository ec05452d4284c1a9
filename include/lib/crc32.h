/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum of
 * zlib, Ethernet and PNG.  Portable: no allocation, no state.
 *
 * crc32(0, buf, len) of "123456789" is 0xcbf43926.  Chaining works:
 * crc32(crc32(0, a, n), b, m) == crc32(0, a||b, n + m).
 */
#ifndef LIB_CRC32_H
#define LIB_CRC32_H

#include <kernel/types.h>

/**
 * crc32() - update a CRC-32 with more bytes
 * @crc: the CRC so far (0 to start)
 * @buf: bytes to add
 * @len: how many
 *
 * Return: the CRC of everything so far (pre- and post-inverted, zlib style).
 */
u32 crc32(u32 crc, const void *buf, size_t len);

#endif /* LIB_CRC32_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * FTL I/O: PEB-relative reads and writes, the EC and VID headers (built,
 * written and validated here — every header read from flash is checked
 * for magic, version and CRC), and erase followed by a fresh EC header.
 *
 * Layer: the bottom of the FTL, directly on the MTD core.
 * Locking: caller holds ftl->lock.
 * Must not know: LEB mapping, pools, checkpoints.
 */
#define pr_fmt(fmt) "ftl: " fmt
#include <lib/crc32.h>
#include "ftl_priv.h"

/** ftl_peb_ofs() - byte offset of PEB @peb on the MTD device */
u64 ftl_peb_ofs(const struct ftl_device *ftl, u32 peb)
{
	return (u64)peb * ftl->mtd->erasesize;
}

/**
 * ftl_io_all_ff() - is @buf erased flash?
 * Return: true if every byte is 0xff.
 */
bool ftl_io_all_ff(const void *buf, u32 len)
{
	const u8 *p = buf;
	u32 i;

	for (i = 0; i < len; i++)
		if (p[i] != 0xff)
			return false;
	return true;
}

/**
 * ftl_io_read() - read from a PEB
 * Return: 0 (also for corrected bit flips), -EBADMSG, -EIO, -EINVAL.
 */
int ftl_io_read(struct ftl_device *ftl, u32 peb, u32 ofs, void *buf, u32 len)
{
	int ret = mtd_read(ftl->mtd, ftl_peb_ofs(ftl, peb) + ofs, len, buf);

	if (ret == -EUCLEAN)
		return 0;
	if (ret)
		pr_err("read PEB %u+%u: %d\n", peb, ofs, ret);
	return ret;
}

/**
 * ftl_io_write() - program part of a PEB
 * Return: 0, -EIO, -EINVAL.
 */
int ftl_io_write(struct ftl_device *ftl, u32 peb, u32 ofs, const void *buf,
		 u32 len)
{
	int ret = mtd_write(ftl->mtd, ftl_peb_ofs(ftl, peb) + ofs, len, buf);

	if (ret)
		pr_err("write PEB %u+%u: %d\n", peb, ofs, ret);
	return ret;
}

/**
 * ftl_io_write_unit() - program one header unit (hdr_unit bytes)
 * Return: as ftl_io_write().
 */
int ftl_io_write_unit(struct ftl_device *ftl, u32 peb, u32 ofs, const void *unit)
{
	return ftl_io_write(ftl, peb, ofs, unit, ftl->hdr_unit);
}

/**
 * ftl_io_build_ec() - fill a header unit with an EC header
 * @ftl: device
 * @unit: hdr_unit bytes
 * @ec: erase counter
 */
void ftl_io_build_ec(struct ftl_device *ftl, void *unit, u64 ec)
{
	struct ftl_ec_hdr *h = unit;

	memset(unit, 0xff, ftl->hdr_unit);
	memset(h, 0, sizeof(*h));
	h->magic = FTL_EC_MAGIC;
	h->version = FTL_FORMAT_VERSION;
	h->ec = ec;
	h->image_seq = ftl->image_seq;
	h->hdr_crc = crc32(0, h, offsetof(struct ftl_ec_hdr, hdr_crc));
}

/**
 * ftl_io_build_vid() - fill a header unit with a VID header
 * @ftl: device (its sqnum is consumed)
 * @unit: hdr_unit bytes
 * @vol: volume id
 * @lnum: LEB number
 * @data_size: for @copy: length of the data that follows
 * @data_crc: for @copy: its CRC-32
 * @copy: set copy_flag with data size and CRC
 */
void ftl_io_build_vid(struct ftl_device *ftl, void *unit, u32 vol, u32 lnum,
		      u32 data_size, u32 data_crc, bool copy)
{
	struct ftl_vid_hdr *h = unit;

	memset(unit, 0xff, ftl->hdr_unit);
	memset(h, 0, sizeof(*h));
	h->magic = FTL_VID_MAGIC;
	h->version = FTL_FORMAT_VERSION;
	h->vol_id = vol;
	h->lnum = lnum;
	h->sqnum = ftl->sqnum++;
	if (copy) {
		h->copy_flag = 1;
		h->data_size = data_size;
		h->data_crc = data_crc;
	}
	h->hdr_crc = crc32(0, h, offsetof(struct ftl_vid_hdr, hdr_crc));
}

/* Read a header unit: 0, FTL_HDR_EMPTY, FTL_HDR_BAD or -errno. */
static int ftl_io_read_hdr(struct ftl_device *ftl, u32 peb, u32 ofs,
			   void *hdr, u32 size, u32 magic)
{
	u32 crc_ofs = size - 4, crc;
	u8 *unit = ftl->hbuf;
	int ret;

	ret = ftl_io_read(ftl, peb, ofs, unit, ftl->hdr_unit);
	if (ret == -EBADMSG)
		return FTL_HDR_BAD;
	if (ret)
		return ret;
	if (ftl_io_all_ff(unit, ftl->hdr_unit))
		return FTL_HDR_EMPTY;
	memcpy(hdr, unit, size);
	memcpy(&crc, unit + crc_ofs, 4);
	if (*(u32 *)unit != magic || unit[4] != FTL_FORMAT_VERSION ||
	    crc32(0, unit, crc_ofs) != crc)
		return FTL_HDR_BAD;
	return 0;
}

/**
 * ftl_io_read_ec() - read and check the EC header of @peb
 * While ftl->image_seq is 0 the first valid header's image_seq is adopted.
 * Return: 0, FTL_HDR_EMPTY, FTL_HDR_BAD (also for another image), -errno.
 */
int ftl_io_read_ec(struct ftl_device *ftl, u32 peb, struct ftl_ec_hdr *ec)
{
	int ret = ftl_io_read_hdr(ftl, peb, 0, ec, sizeof(*ec), FTL_EC_MAGIC);

	/* image_seq 0: adopt the first one seen (scan, format) */
	if (!ret && !ftl->image_seq)
		ftl->image_seq = ec->image_seq;
	if (!ret && ec->image_seq != ftl->image_seq)
		return FTL_HDR_BAD;
	return ret;
}

/**
 * ftl_io_read_vid() - read and check the VID header of @peb
 * Return: 0, FTL_HDR_EMPTY, FTL_HDR_BAD, -errno.
 */
int ftl_io_read_vid(struct ftl_device *ftl, u32 peb, struct ftl_vid_hdr *vid)
{
	return ftl_io_read_hdr(ftl, peb, ftl->hdr_unit, vid, sizeof(*vid),
			       FTL_VID_MAGIC);
}

/**
 * ftl_io_erase() - erase @peb and write its EC header (ec + 1)
 * Return: 0, -EIO (the caller retires the PEB).
 */
int ftl_io_erase(struct ftl_device *ftl, u32 peb)
{
	struct ftl_peb *p = &ftl->pebs[peb];
	int ret;

	ret = mtd_erase(ftl->mtd, ftl_peb_ofs(ftl, peb));
	if (ret) {
		pr_err("erase PEB %u: %d\n", peb, ret);
		return ret;
	}
	p->ec++;
	ftl_io_build_ec(ftl, ftl->hbuf, p->ec);
	return ftl_io_write_unit(ftl, peb, 0, ftl->hbuf);
}

/**
 * ftl_io_data_crc() - CRC-32 of the first @len data bytes of @peb
 * @ftl: device (its chunk buffer is used)
 * @peb: PEB
 * @len: bytes from the start of the data area
 * @crc: result
 *
 * Return: 0, -EBADMSG, -EIO.
 */
int ftl_io_data_crc(struct ftl_device *ftl, u32 peb, u32 len, u32 *crc)
{
	u32 ofs, n;
	int ret;

	*crc = 0;
	for (ofs = 0; ofs < len; ofs += n) {
		n = min(ftl->chunk, len - ofs);
		ret = ftl_io_read(ftl, peb, 2 * ftl->hdr_unit + ofs, ftl->buf, n);
		if (ret)
			return ret;
		*crc = crc32(*crc, ftl->buf, n);
	}
	return 0;
}

/**
 * ftl_io_data_len() - bytes of @peb's data area up to the last written unit
 * @ftl: device (its chunk buffer is used)
 * @peb: PEB
 * @len: result, a multiple of min_io
 *
 * Return: 0, -EBADMSG, -EIO.
 */
int ftl_io_data_len(struct ftl_device *ftl, u32 peb, u32 *len)
{
	u32 end = ftl->leb_size, n, i;
	int ret;

	while (end) {
		n = min(ftl->chunk, end);
		ret = ftl_io_read(ftl, peb, 2 * ftl->hdr_unit + end - n, ftl->buf, n);
		if (ret)
			return ret;
		for (i = n; i; i -= ftl->min_io) {
			if (!ftl_io_all_ff(ftl->buf + i - ftl->min_io, ftl->min_io)) {
				*len = end - n + i;
				return 0;
			}
		}
		end -= n;
	}
	*len = 0;
	return 0;
}

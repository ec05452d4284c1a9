// SPDX-License-Identifier: GPL-2.0
/*
 * The LogFS log: objects appended front to back in segments.
 *
 * Objects are 8-byte aligned and carry consecutive sequence numbers, so
 * the end of the log is exactly the first object whose CRC or sequence
 * number is wrong.  Objects are staged in an io_unit-aligned write buffer
 * and written a unit at a time; logfs_log_sync() pads the last unit with a
 * PAD object.  Segments come from the plan the last anchor recorded (so
 * that replay can follow them); only commit output may leave the plan.
 * The segment usage table (sut) counts the live bytes of DATA and NODE
 * objects per segment.
 * Layout rules shared with the reader (replay.c, gc.c): after an object,
 * if less than a header fits in the rest of the io unit, the log skips to
 * the next unit; if less than a header fits in the segment, it goes on in
 * the next segment.
 *
 * Layer: above dev.c, below tree/inode/file.  Locking: fs->lock held.
 * Must not know: what objects mean.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include <lib/crc32.h>
#include "logfs_priv.h"
#if IS_ENABLED(CONFIG_LOGFS_LZ4) || !defined(__KERNEL__)
#include <lz4.h>
#define LOGFS_HAVE_LZ4 1
#else
#define LOGFS_HAVE_LZ4 0
#endif

/**
 * logfs_set_ro() - a fatal error: refuse further changes, say why
 * @fs: filesystem
 * @err: the error
 * @why: for the log
 */
void logfs_set_ro(struct logfs *fs, int err, const char *why)
{
	if (!fs->ro)
		pr_err("error %d: %s; filesystem is now read-only\n", err, why);
	fs->ro = true;
}

/**
 * logfs_skip_to() - where the next object starts after one ending at @ofs
 * Return: @ofs, or the next io boundary if no header fits before it.
 */
u32 logfs_skip_to(struct logfs *fs, u32 ofs)
{
	u32 rem = ofs % fs->io_unit;

	ofs = ALIGN_UP(ofs, 8u);
	rem = ofs % fs->io_unit;
	if (rem && fs->io_unit - rem < LOGFS_HDR)
		ofs = ALIGN_UP(ofs, fs->io_unit);
	return ofs;
}

/** logfs_seg_in_plan() - is @seg one of the planned log segments? */
bool logfs_seg_in_plan(struct logfs *fs, u32 seg)
{
	u32 i;

	for (i = 0; i < fs->plan_count; i++)
		if (fs->plan[i] == seg)
			return true;
	return false;
}

/** logfs_free_segs() - free segments, not counting the plan */
u32 logfs_free_segs(struct logfs *fs)
{
	u32 i, n = 0;

	for (i = LOGFS_JOURNAL_SEGS; i < fs->nr_segs; i++)
		if (fs->sut[i] == LOGFS_SEG_FREE && !logfs_seg_in_plan(fs, i))
			n++;
	return n;
}

/**
 * logfs_log_room() - bytes the log can take before the plan runs out
 * Return: rest of the head segment plus the planned segments.
 */
u32 logfs_log_room(struct logfs *fs)
{
	u64 room = fs->seg_size - min(fs->head_ofs, fs->seg_size);

	room += (u64)fs->plan_count * fs->seg_size;
	return (u32)min(room, (u64)0xffffffffu);
}

/** logfs_obj_dead() - the object at @loc is no longer referenced */
void logfs_obj_dead(struct logfs *fs, u64 loc)
{
	u32 seg = LOGFS_LOC_SEG(loc), len = LOGFS_LOC_LEN(loc);

	if (!loc || seg >= fs->nr_segs || fs->sut[seg] == LOGFS_SEG_FREE)
		return;
	fs->sut[seg] = fs->sut[seg] >= len ? fs->sut[seg] - len : 0;
}

/** logfs_obj_live() - the object at @loc is referenced (replay, mount) */
void logfs_obj_live(struct logfs *fs, u64 loc)
{
	u32 seg = LOGFS_LOC_SEG(loc);

	if (!loc || seg >= fs->nr_segs)
		return;
	if (fs->sut[seg] == LOGFS_SEG_FREE)
		fs->sut[seg] = 0;
	fs->sut[seg] += LOGFS_LOC_LEN(loc);
}

/* Write the whole io units staged in wbuf. */
static int logfs_wbuf_write_units(struct logfs *fs)
{
	u32 n = ALIGN_DOWN(fs->wbuf_len, fs->io_unit);
	int ret;

	if (!n)
		return 0;
	ret = fs->dev->write(fs->dev, fs->head_seg, fs->wbuf_ofs, fs->wbuf, n);
	if (ret) {
		logfs_set_ro(fs, ret, "log write failed");
		return ret;
	}
	fs->st.bytes_written += n;
	memmove(fs->wbuf, fs->wbuf + n, fs->wbuf_len - n);
	fs->wbuf_len -= n;
	fs->wbuf_ofs += n;
	return 0;
}

/* Stage bytes at head_ofs (which is wbuf_ofs + wbuf_len after padding). */
static int logfs_wbuf_add(struct logfs *fs, const void *p, u32 len)
{
	const u8 *src = p;
	u32 n;
	int ret;

	while (len) {
		n = min(len, fs->wbuf_size - fs->wbuf_len);
		memcpy(fs->wbuf + fs->wbuf_len, src, n);
		fs->wbuf_len += n;
		src += n;
		len -= n;
		if (fs->wbuf_len == fs->wbuf_size) {
			ret = logfs_wbuf_write_units(fs);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/* Move the staging point to @ofs, filling the gap with 0xff. */
static int logfs_wbuf_skip(struct logfs *fs, u32 ofs)
{
	u8 ff[64];
	u32 n;
	int ret;

	memset(ff, 0xff, sizeof(ff));
	while (fs->wbuf_ofs + fs->wbuf_len < ofs) {
		n = min((u32)sizeof(ff), ofs - fs->wbuf_ofs - fs->wbuf_len);
		ret = logfs_wbuf_add(fs, ff, n);
		if (ret)
			return ret;
	}
	fs->head_ofs = ofs;
	return 0;
}

static void logfs_build_hdr(struct logfs *fs, struct logfs_obj_hdr *h, u8 type,
			    u8 flags, u32 ino, u64 index, u32 len, u32 raw_len)
{
	memset(h, 0, sizeof(*h));
	h->magic = LOGFS_OBJ_MAGIC;
	h->type = type;
	h->flags = flags;
	h->ino = ino;
	h->len = len;
	h->index = index;
	h->sqnum = fs->sqnum++;
	h->raw_len = raw_len;
}

/* A PAD object covering [head_ofs, end): header only, payload skipped. */
static int logfs_write_pad(struct logfs *fs, u32 end)
{
	struct logfs_obj_hdr h;
	int ret;

	logfs_build_hdr(fs, &h, LOGFS_OBJ_PAD, 0, 0, 0,
			end - fs->head_ofs - LOGFS_HDR, 0);
	h.crc = crc32(0, &h, sizeof(h));
	ret = logfs_wbuf_add(fs, &h, sizeof(h));
	if (ret)
		return ret;
	return logfs_wbuf_skip(fs, end);
}

/**
 * logfs_next_seg() - close the head segment and open the next one
 *
 * The next one is the first planned segment; during a commit, any free
 * segment once the plan is empty.
 * Return: 0, -ENOSPC, -EIO.
 */
int logfs_next_seg(struct logfs *fs)
{
	u32 seg = LOGFS_SEG_FREE, i;
	int ret;

	if (fs->head_ofs < fs->seg_size) {
		if (fs->seg_size - fs->head_ofs >= LOGFS_HDR)
			ret = logfs_write_pad(fs, fs->seg_size);
		else
			ret = logfs_wbuf_skip(fs, fs->seg_size);
		if (ret)
			return ret;
	}
	ret = logfs_wbuf_write_units(fs);
	if (ret)
		return ret;
	if (fs->plan_count) {
		seg = fs->plan[0];
		memmove(fs->plan, fs->plan + 1, --fs->plan_count * sizeof(u32));
	} else if (fs->in_commit) {
		for (i = LOGFS_JOURNAL_SEGS; i < fs->nr_segs; i++)
			if (fs->sut[i] == LOGFS_SEG_FREE) {
				seg = i;
				break;
			}
	}
	if (seg == LOGFS_SEG_FREE) {
		pr_err("log: no planned segment left (commit %d, free %u, room %u)\n",
		       fs->in_commit, logfs_free_segs(fs), logfs_log_room(fs));
		return -ENOSPC;
	}
	ret = fs->dev->erase(fs->dev, seg);
	if (ret) {
		logfs_set_ro(fs, ret, "segment erase failed");
		return ret;
	}
	fs->sut[seg] = 0;
	fs->head_seg = seg;
	fs->head_ofs = 0;
	fs->wbuf_ofs = 0;
	fs->wbuf_len = 0;
	return 0;
}

static u32 logfs_compress(struct logfs *fs, const void *in, u32 len, u8 *out)
{
#if LOGFS_HAVE_LZ4
	int n;

	if (!fs->cfg.compress || len < 256)
		return 0;
	/* the 16 KiB LZ4 state is per mount: never on a kernel stack */
	n = LZ4_compress_fast_extState(fs->lz4_state, in, (char *)out,
				       (int)len, (int)LOGFS_BLOCK_SIZE - 1, 1);
	if (n <= 0 || (u32)n + 64 > len)
		return 0;
	return (u32)n;
#else
	return 0;
#endif
}

/**
 * logfs_write_obj() - append an object to the log
 * @fs: filesystem
 * @type: LOGFS_OBJ_*
 * @flags: LOGFS_OF_LAST ends a transaction
 * @ino: owner
 * @index: block, or node level/number
 * @payload: bytes
 * @len: payload length (<= LOGFS_BLOCK_SIZE)
 * @raw_len: unused (the payload is compressed here when that helps)
 * @loc: where it went (may be NULL)
 *
 * Return: 0, -ENOSPC (plan exhausted), -EROFS, -EIO.
 */
int logfs_write_obj(struct logfs *fs, u8 type, u8 flags, u32 ino, u64 index,
		    const void *payload, u32 len, u32 raw_len, u64 *loc)
{
	struct logfs_obj_hdr *h = (struct logfs_obj_hdr *)fs->obuf;
	u8 *body = fs->obuf + LOGFS_HDR;
	u32 clen = 0, total;
	int ret;

	if (fs->ro)
		return -EROFS;
	if (type == LOGFS_OBJ_DATA)
		clen = logfs_compress(fs, payload, len, body);
	if (clen)
		flags |= LOGFS_OF_LZ4;
	else if (len)
		memcpy(body, payload, len);
	total = LOGFS_HDR + (clen ? clen : len);
	if (fs->head_ofs + total > fs->seg_size) {
		ret = logfs_next_seg(fs);
		if (ret)
			return ret;
	}
	logfs_build_hdr(fs, h, type, flags, ino, index, clen ? clen : len, len);
	h->crc = crc32(0, fs->obuf, total);
	if (loc)
		*loc = LOGFS_LOC(fs->head_seg, fs->head_ofs, total);
	ret = logfs_wbuf_add(fs, fs->obuf, total);
	if (ret)
		return ret;
	fs->head_ofs += total;
	if (type == LOGFS_OBJ_DATA || type == LOGFS_OBJ_NODE)
		fs->sut[fs->head_seg] += total;
	ret = logfs_wbuf_skip(fs, logfs_skip_to(fs, fs->head_ofs));
	if (!ret && fs->seg_size - fs->head_ofs < LOGFS_HDR)
		ret = logfs_next_seg(fs);
	return ret;
}

/**
 * logfs_log_flush() - write out the staged bytes, padding the last unit
 * Return: 0 or -errno.
 */
int logfs_log_flush(struct logfs *fs)
{
	u32 end = ALIGN_UP(fs->head_ofs, fs->io_unit);
	int ret;

	if (fs->ro)
		return -EROFS;
	if (end != fs->head_ofs) {
		if (end - fs->head_ofs >= LOGFS_HDR)
			ret = logfs_write_pad(fs, end);
		else
			ret = logfs_wbuf_skip(fs, end);
		if (ret)
			return ret;
	}
	ret = logfs_wbuf_write_units(fs);
	if (!ret && fs->seg_size - fs->head_ofs < LOGFS_HDR)
		ret = logfs_next_seg(fs);
	return ret;
}

/**
 * logfs_log_sync() - flush and make durable
 * Return: 0 or -errno.
 */
int logfs_log_sync(struct logfs *fs)
{
	int ret = logfs_log_flush(fs);

	if (!ret)
		ret = fs->dev->sync(fs->dev);
	if (ret)
		logfs_set_ro(fs, ret, "sync failed");
	return ret;
}

/* Read raw bytes of the log; what is still staged comes from wbuf. */
static int logfs_log_read(struct logfs *fs, u32 seg, u32 ofs, void *buf, u32 len)
{
	u32 n = len;
	int ret;

	if (seg == fs->head_seg && ofs + len > fs->wbuf_ofs && fs->wbuf_len) {
		if (ofs + len > fs->wbuf_ofs + fs->wbuf_len)
			return -EUCLEAN;	/* beyond the head */
		n = ofs < fs->wbuf_ofs ? fs->wbuf_ofs - ofs : 0;
		memcpy((u8 *)buf + n, fs->wbuf + (ofs + n - fs->wbuf_ofs), len - n);
	}
	if (!n)
		return 0;
	ret = fs->dev->read(fs->dev, seg, ofs, buf, n);
	return ret;
}

static int logfs_decode(struct logfs *fs, const struct logfs_obj_hdr *h,
			const u8 *body, void *payload)
{
	if (!(h->flags & LOGFS_OF_LZ4)) {
		memcpy(payload, body, h->len);
		return 0;
	}
#if LOGFS_HAVE_LZ4
	if (LZ4_decompress_safe((const char *)body, payload, (int)h->len,
				(int)h->raw_len) == (int)h->raw_len)
		return 0;
#endif
	pr_err("object %llu: cannot decompress\n", (unsigned long long)h->sqnum);
	return -EUCLEAN;
}

/**
 * logfs_read_obj_at() - read and check the object at @seg/@ofs
 * @fs: filesystem
 * @seg: segment
 * @ofs: offset
 * @hdr: its header (checked: magic, sizes, CRC)
 * @payload: where the (decompressed) payload goes, or NULL
 * @max: largest acceptable object length
 *
 * Return: 0, -EUCLEAN (not a valid object), -EIO.
 */
int logfs_read_obj_at(struct logfs *fs, u32 seg, u32 ofs,
		      struct logfs_obj_hdr *hdr, void *payload, u32 max)
{
	u32 crc, total;
	int ret;

	if (seg >= fs->nr_segs || ofs + LOGFS_HDR > fs->seg_size)
		return -EUCLEAN;
	ret = logfs_log_read(fs, seg, ofs, hdr, LOGFS_HDR);
	if (ret)
		return ret;
	if (hdr->magic != LOGFS_OBJ_MAGIC)
		return -EUCLEAN;
	if (hdr->type == LOGFS_OBJ_PAD) {
		crc = hdr->crc;
		hdr->crc = 0;
		ret = crc32(0, hdr, LOGFS_HDR) == crc ? 0 : -EUCLEAN;
		hdr->crc = crc;
		if (!ret && ofs + LOGFS_HDR + (u64)hdr->len > fs->seg_size)
			ret = -EUCLEAN;
		return ret;
	}
	total = LOGFS_HDR + hdr->len;
	if (hdr->len > LOGFS_BLOCK_SIZE || hdr->raw_len > LOGFS_BLOCK_SIZE ||
	    total > max || ofs + total > fs->seg_size ||
	    (!(hdr->flags & LOGFS_OF_LZ4) && hdr->raw_len != hdr->len))
		return -EUCLEAN;
	memcpy(fs->obuf, hdr, LOGFS_HDR);
	ret = logfs_log_read(fs, seg, ofs + LOGFS_HDR, fs->obuf + LOGFS_HDR,
			     hdr->len);
	if (ret)
		return ret;
	((struct logfs_obj_hdr *)fs->obuf)->crc = 0;
	if (crc32(0, fs->obuf, total) != hdr->crc)
		return -EUCLEAN;
	if (payload)
		return logfs_decode(fs, hdr, fs->obuf + LOGFS_HDR, payload);
	return 0;
}

/**
 * logfs_read_obj() - read the object a pointer names, checking it matches
 * @fs: filesystem
 * @loc: pointer
 * @hdr: its header
 * @payload: decompressed payload (raw_len bytes), or NULL
 *
 * Return: 0, or -EUCLEAN (with a log line and the fs read-only) / -EIO.
 */
int logfs_read_obj(struct logfs *fs, u64 loc, struct logfs_obj_hdr *hdr,
		   void *payload)
{
	int ret = logfs_read_obj_at(fs, LOGFS_LOC_SEG(loc), LOGFS_LOC_OFS(loc),
				    hdr, payload, LOGFS_LOC_LEN(loc));

	if (!ret && (hdr->type == LOGFS_OBJ_PAD ||
		     LOGFS_HDR + hdr->len != LOGFS_LOC_LEN(loc)))
		ret = -EUCLEAN;
	if (ret) {
		pr_err("bad object at %u:%u (%d)\n", LOGFS_LOC_SEG(loc),
		       LOGFS_LOC_OFS(loc), ret);
		logfs_set_ro(fs, ret, "corrupt or unreadable object");
		return ret == -EIO ? -EIO : -EUCLEAN;
	}
	return 0;
}

/**
 * logfs_log_init() - allocate the log's buffers and usage table
 * Return: 0 or -ENOMEM.
 */
int logfs_log_init(struct logfs *fs)
{
	fs->wbuf_size = ALIGN_UP(LOGFS_OBJ_MAX, fs->io_unit) + fs->io_unit;
	fs->wbuf = kmalloc(fs->wbuf_size, GFP_KERNEL);
	fs->obuf = kmalloc(LOGFS_OBJ_MAX, GFP_KERNEL);
	fs->sut = kcalloc(fs->nr_segs, sizeof(u32), GFP_KERNEL);
	if (!fs->wbuf || !fs->obuf || !fs->sut)
		return -ENOMEM;
#if LOGFS_HAVE_LZ4
	if (fs->cfg.compress) {
		fs->lz4_size = (u32)LZ4_sizeofState();
		fs->lz4_state = kmalloc(fs->lz4_size, GFP_KERNEL);
		if (!fs->lz4_state)
			return -ENOMEM;
	}
#endif
	return 0;
}

/** logfs_log_free() - free what logfs_log_init() allocated */
void logfs_log_free(struct logfs *fs)
{
	kfree(fs->lz4_state);
	kfree(fs->sut);
	kfree(fs->obuf);
	kfree(fs->wbuf);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * blkcache tests over an in-memory store that counts device transfers:
 * reads come from the device once and then from the cache, writes stay
 * in the cache until flush or eviction, a short last block, read-only
 * devices, bad geometry, and an I/O error that keeps data dirty.
 */
#include <kernel/ktest.h>
#include <fs/blkcache.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>

#define STORE_SECTORS 37		/* not a multiple of the block size */

struct store {
	struct blkio bio;
	u8 data[STORE_SECTORS * 512];
	int reads, writes;
	bool fail_writes;
};

static int store_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct store *s = bio->priv;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	memcpy(buf, s->data + sector * 512, count * 512);
	s->reads++;
	return 0;
}

static int store_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	struct store *s = bio->priv;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	if (s->fail_writes)
		return -EIO;
	memcpy(s->data + sector * 512, buf, count * 512);
	s->writes++;
	return 0;
}

static struct store *store_new(void)
{
	struct store *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->bio = (struct blkio){ .sector_size = 512, .nr_sectors = STORE_SECTORS,
				 .priv = s, .read = store_read, .write = store_write };
	for (int i = 0; i < STORE_SECTORS * 512; i++)
		s->data[i] = (u8)(i / 512 + i);
	return s;
}

static void blkcache_read_through(struct ktest *t)
{
	struct blkcache_config cfg = { .block_size = 2048, .nr_blocks = 4 };
	struct store *s = store_new();
	static u8 buf[3 * 512];
	struct blkcache_stats st;
	struct blkcache *bc;
	struct blkio *bio;

	KASSERT_NOT_NULL(t, s);
	KASSERT_EQ(t, blkcache_create(&s->bio, &cfg, &bc), 0);
	bio = blkcache_blkio(bc);
	KEXPECT_EQ(t, bio->nr_sectors, STORE_SECTORS);
	/* sectors 3..5 span blocks 0 and 1 */
	KEXPECT_EQ(t, bio->read(bio, 3, buf, 3), 0);
	KEXPECT_MEMEQ(t, buf, s->data + 3 * 512, 3 * 512);
	KEXPECT_EQ(t, s->reads, 2);
	KEXPECT_EQ(t, bio->read(bio, 4, buf, 2), 0);		/* cached */
	KEXPECT_EQ(t, s->reads, 2);
	/* the short last block (sectors 36..36) */
	KEXPECT_EQ(t, bio->read(bio, 36, buf, 1), 0);
	KEXPECT_MEMEQ(t, buf, s->data + 36 * 512, 512);
	KEXPECT_EQ(t, bio->read(bio, 36, buf, 2), -EINVAL);	/* past the end */
	blkcache_get_stats(bc, &st);
	KEXPECT_EQ(t, st.misses, 3);
	KEXPECT_EQ(t, st.hits, 1);
	/*
	 * Blocks 0..7 through a 4-block cache holding 0, 1, 9: 0 and 1 hit,
	 * 2..7 miss; then 0 was evicted and misses again.
	 */
	for (u64 sec = 0; sec < 32; sec += 4)
		KEXPECT_EQ(t, bio->read(bio, sec, buf, 1), 0);
	KEXPECT_EQ(t, s->reads, 3 + 6);
	KEXPECT_EQ(t, bio->read(bio, 0, buf, 1), 0);
	KEXPECT_EQ(t, s->reads, 3 + 6 + 1);
	KEXPECT_EQ(t, blkcache_destroy(bc), 0);
	KEXPECT_EQ(t, s->writes, 0);
	kfree(s);
}

static void blkcache_write_back(struct ktest *t)
{
	struct blkcache_config cfg = { .block_size = 1024, .nr_blocks = 2 };
	struct store *s = store_new();
	static u8 buf[1024];
	struct blkcache *bc;
	struct blkio *bio;

	KASSERT_NOT_NULL(t, s);
	KASSERT_EQ(t, blkcache_create(&s->bio, &cfg, &bc), 0);
	bio = blkcache_blkio(bc);
	memset(buf, 0xab, sizeof(buf));
	KEXPECT_EQ(t, bio->write(bio, 1, buf, 1), 0);		/* partial: read first */
	KEXPECT_EQ(t, s->reads, 1);
	KEXPECT_EQ(t, s->writes, 0);
	KEXPECT_NE(t, s->data[512], 0xab);			/* not yet on the device */
	KEXPECT_EQ(t, bio->read(bio, 0, buf, 2), 0);		/* read sees the write */
	KEXPECT_EQ(t, buf[512], 0xab);
	KEXPECT_EQ(t, buf[0], s->data[0]);
	KEXPECT_EQ(t, bio->flush(bio), 0);
	KEXPECT_EQ(t, s->writes, 1);
	KEXPECT_EQ(t, s->data[512], 0xab);
	KEXPECT_EQ(t, bio->flush(bio), 0);			/* clean: nothing more */
	KEXPECT_EQ(t, s->writes, 1);
	/* a whole-block write needs no read; eviction writes it back */
	memset(buf, 0xcd, sizeof(buf));
	KEXPECT_EQ(t, bio->write(bio, 4, buf, 2), 0);
	KEXPECT_EQ(t, s->reads, 1);
	KEXPECT_EQ(t, bio->read(bio, 8, buf, 1), 0);
	KEXPECT_EQ(t, bio->read(bio, 12, buf, 1), 0);		/* evicts block 2 */
	KEXPECT_EQ(t, s->writes, 2);
	KEXPECT_EQ(t, s->data[4 * 512], 0xcd);
	/* a failing device: the data stays dirty and the error comes back */
	memset(buf, 0xcd, sizeof(buf));
	KEXPECT_EQ(t, bio->write(bio, 8, buf, 1), 0);
	ktest_log(t, "a write-back error below is expected");
	s->fail_writes = true;
	KEXPECT_EQ(t, bio->flush(bio), -EIO);
	s->fail_writes = false;
	KEXPECT_EQ(t, bio->flush(bio), 0);
	KEXPECT_EQ(t, s->data[8 * 512], 0xcd);
	KEXPECT_EQ(t, blkcache_destroy(bc), 0);
	kfree(s);
}

static void blkcache_bad_config_and_ro(struct ktest *t)
{
	struct blkcache_config bad = { .block_size = 700 };
	struct store *s = store_new();
	struct blkcache *bc;
	u8 buf[512];

	KASSERT_NOT_NULL(t, s);
	KEXPECT_EQ(t, blkcache_create(&s->bio, &bad, &bc), -EINVAL);
	bad.block_size = 256;
	KEXPECT_EQ(t, blkcache_create(&s->bio, &bad, &bc), -EINVAL);
	s->bio.read_only = true;
	KASSERT_EQ(t, blkcache_create(&s->bio, NULL, &bc), 0);
	KEXPECT_EQ(t, blkcache_blkio(bc)->write(blkcache_blkio(bc), 0, buf, 1), -EROFS);
	KEXPECT_EQ(t, blkcache_destroy(bc), 0);
	KEXPECT_EQ(t, blkcache_destroy(NULL), 0);
	kfree(s);
}

static struct ktest_case blkcache_cases[] = {
	KTEST_CASE(blkcache_read_through),
	KTEST_CASE(blkcache_write_back),
	KTEST_CASE(blkcache_bad_config_and_ro),
	{}
};

static struct ktest_suite blkcache_suite = {
	.name = "blkcache",
	.cases = blkcache_cases,
};
KTEST_SUITE(blkcache_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * Encrypted mappings on the target: LUKS1 containers in ramfs files
 * formatted, opened, written through /dev/crypt-<name>, closed and opened
 * again (each cipher); a wrong passphrase (-EKEYREJECTED, nothing
 * written); the errors of the uapi header (-EEXIST, -ENOENT, -EINVAL,
 * -ENOSPC, -EBADF); -EBUSY while a LogFS is mounted on a mapping or a
 * loop device is stacked on it, and for formatting a device that is in
 * use; plain mode against an independent decryption with the documented
 * key; read-only mappings; kernel pointers refused by the ioctls.  A live
 * mapping is crypt-<name> in the block class, and leaves it when closed.
 * Closing wipes the key: the cipher handle that held it is all zeros
 * when it is freed.
 */
#include "nodes_helpers.h"
#include <block/blkdev.h>
#include <block/cryptctl.h>
#include <block/loop_dev.h>
#include <block/luks1.h>
#include <fs/devfs.h>
#include <fs/logfs.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "wipe_watch.h"

#define IMG BNT "/c.img"
#define HDR_BYTES (2u << 20)		/* payload offset of every LUKS1 here */
#define PAYLOAD (64u * 1024)
#define PASS "correct horse"
#define ITER CRYPT_ITER_MIN		/* fast tests; the default is for users */

static const char *const dev_kt = "/dev/crypt-kt";

/* Format @path (made @size bytes) with @cipher, @bits; 0 or -errno. */
static int make_luks(struct ktest *t, const char *path, u64 size,
		     const char *cipher, u32 bits)
{
	static struct crypt_format fm;		/* one test thread */
	struct file *f;
	int ret = bnt_make_file(bnt_ctx(t), path, size, 0xff);

	if (ret)
		return ret;
	memset(&fm, 0, sizeof(fm));
	strlcpy(fm.cipher, cipher, sizeof(fm.cipher));
	fm.key_bits = bits;
	fm.iterations = ITER;
	fm.pass_len = strlen(PASS);
	memcpy(fm.passphrase, PASS, fm.pass_len);
	f = bnt_filp(t, path, O_RDWR);
	if (!f)
		return -EIO;
	ret = cryptctl_format(&fm, f);
	fput(f);
	return ret;
}

static void fill_open(struct crypt_open *o, unsigned int type, const char *name,
		      const char *pass)
{
	memset(o, 0, sizeof(*o));
	o->type = type;
	strlcpy(o->name, name, sizeof(o->name));
	o->pass_len = strlen(pass);
	memcpy(o->passphrase, pass, o->pass_len);
}

/* cryptctl_open() of @path; the mapping keeps the file only on success. */
static int open_map(struct ktest *t, const struct crypt_open *o, const char *path,
		    int flags)
{
	struct file *f = bnt_filp(t, path, flags);
	int ret;

	if (!f)
		return -EIO;
	ret = cryptctl_open(o, f);
	if (ret)
		fput(f);
	return ret;
}

static int open_luks(struct ktest *t, const char *name, const char *pass,
		     const char *path)
{
	static struct crypt_open o;

	fill_open(&o, CRYPT_TYPE_LUKS1, name, pass);
	return open_map(t, &o, path, O_RDWR);
}

struct cipher_case {
	const char *cipher;
	u32 bits;
	const char *shown;		/* CRYPT_STATUS's cipher */
};

static const struct cipher_case ciphers[] = {
	{ "", 0, "aes-xts-plain64" },
	{ "aes-xts-plain64", 256, "aes-xts-plain64" },
	{ "aes-cbc-essiv:sha256", 256, "aes-cbc-essiv:sha256" },
};

static void describe_cipher(const void *p, char *buf, size_t len)
{
	const struct cipher_case *c = p;

	snprintf(buf, len, "%s-%u", *c->cipher ? c->cipher : "default", c->bits);
}

/* Format, open, write, close, open again and read it back. */
static void cryptctl_luks_roundtrip(struct ktest *t)
{
	const struct cipher_case *cc = t->param;
	struct vfs_ctx *c = bnt_ctx(t);
	static u8 buf[PAYLOAD];
	struct block_device *bdev;
	struct crypt_status st;
	struct stat sb;
	int fd;

	KASSERT_EQ(t, make_luks(t, IMG, HDR_BYTES + PAYLOAD, cc->cipher, cc->bits), 0);
	KEXPECT_NULL(t, blk_find("crypt-kt"));
	KASSERT_EQ(t, open_luks(t, "kt", PASS, IMG), 0);
	KEXPECT_EQ(t, vfs_stat(c, dev_kt, &sb), 0);
	KEXPECT_TRUE(t, S_ISBLK(sb.st_mode));
	KEXPECT_EQ(t, sb.st_size, PAYLOAD);
	bdev = blk_find("crypt-kt");
	KASSERT_NOT_NULL(t, bdev);
	KEXPECT_EQ(t, bdev->nr_sectors * bdev->sector_size, PAYLOAD);
	memset(&st, 0, sizeof(st));
	strlcpy(st.name, "kt", sizeof(st.name));
	KEXPECT_EQ(t, cryptctl_status(&st), 0);
	KEXPECT_EQ(t, st.type, CRYPT_TYPE_LUKS1);
	KEXPECT_EQ(t, st.flags, 0);
	KEXPECT_EQ(t, st.sectors, PAYLOAD / 512);
	KEXPECT_STREQ(t, st.cipher, cc->shown);
	for (u32 i = 0; i < PAYLOAD; i++)
		buf[i] = bnt_pattern(i, 5);
	fd = vfs_open(c, dev_kt, O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, buf, PAYLOAD), PAYLOAD);
	KEXPECT_EQ(t, vfs_fsync(c, fd), 0);
	vfs_close(c, fd);
	KEXPECT_EQ(t, cryptctl_close("kt"), 0);
	KEXPECT_EQ(t, vfs_stat(c, dev_kt, &sb), -ENOENT);
	KEXPECT_NULL(t, blk_find("crypt-kt"));
	KEXPECT_EQ(t, cryptctl_status(&st), -ENOENT);
	/* the file holds ciphertext */
	fd = vfs_open(c, IMG, O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 512, HDR_BYTES), 512);
	vfs_close(c, fd);
	KEXPECT_FALSE(t, bnt_is_pattern(buf, 512, 0, 5));
	/* and the plaintext comes back */
	KASSERT_EQ(t, open_luks(t, "kt", PASS, IMG), 0);
	memset(buf, 0, sizeof(buf));
	fd = vfs_open(c, dev_kt, O_RDONLY, 0);
	KEXPECT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_read(c, fd, buf, PAYLOAD), PAYLOAD);
	KEXPECT_TRUE(t, bnt_is_pattern(buf, PAYLOAD, 0, 5));
	vfs_close(c, fd);
	KEXPECT_EQ(t, cryptctl_close("kt"), 0);
}

static void cryptctl_wrong_passphrase(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	struct stat sb;
	u32 crc;

	KASSERT_EQ(t, make_luks(t, IMG, HDR_BYTES + PAYLOAD, "", 0), 0);
	crc = bnt_file_crc(c, IMG);
	KEXPECT_EQ(t, open_luks(t, "kt", "correct horsE", IMG), -EKEYREJECTED);
	KEXPECT_EQ(t, open_luks(t, "kt", "", IMG), -EKEYREJECTED);
	KEXPECT_EQ(t, bnt_file_crc(c, IMG), crc);
	KEXPECT_EQ(t, vfs_stat(c, dev_kt, &sb), -ENOENT);
	/* the name was given back */
	KEXPECT_EQ(t, open_luks(t, "kt", PASS, IMG), 0);
	KEXPECT_EQ(t, cryptctl_close("kt"), 0);
	KEXPECT_EQ(t, bnt_file_crc(c, IMG), crc);	/* reading writes nothing */
}

static void cryptctl_open_errors(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	static struct crypt_open o;
	static struct crypt_status st;
	struct stat sb;

	KASSERT_EQ(t, make_luks(t, IMG, HDR_BYTES + PAYLOAD, "", 0), 0);
	KASSERT_EQ(t, bnt_make_file(c, BNT "/zero", HDR_BYTES, 0xff), 0);
	KASSERT_EQ(t, open_luks(t, "kt", PASS, IMG), 0);
	KEXPECT_EQ(t, open_luks(t, "kt", PASS, BNT "/zero"), -EEXIST);
	KEXPECT_EQ(t, cryptctl_close("kt"), 0);
	KEXPECT_EQ(t, cryptctl_close("kt"), -ENOENT);
	KEXPECT_EQ(t, cryptctl_close("never"), -ENOENT);
	/* not LUKS1 */
	KEXPECT_EQ(t, open_luks(t, "kt", PASS, BNT "/zero"), -EINVAL);
	/* bad requests */
	KEXPECT_EQ(t, open_luks(t, "", PASS, IMG), -EINVAL);
	KEXPECT_EQ(t, open_luks(t, "a/b", PASS, IMG), -EINVAL);
	KEXPECT_EQ(t, open_luks(t, "..", PASS, IMG), -EINVAL);
	fill_open(&o, CRYPT_TYPE_LUKS1, "kt", PASS);
	memset(o.name, 'x', sizeof(o.name));		/* no NUL */
	KEXPECT_EQ(t, open_map(t, &o, IMG, O_RDWR), -EINVAL);
	fill_open(&o, 7, "kt", PASS);
	KEXPECT_EQ(t, open_map(t, &o, IMG, O_RDWR), -EINVAL);
	fill_open(&o, CRYPT_TYPE_LUKS1, "kt", PASS);
	o.flags = 0x10;
	KEXPECT_EQ(t, open_map(t, &o, IMG, O_RDWR), -EINVAL);
	o.flags = 0;
	o.pass_len = CRYPT_PASS_MAX + 1;
	KEXPECT_EQ(t, open_map(t, &o, IMG, O_RDWR), -EINVAL);
	fill_open(&o, CRYPT_TYPE_PLAIN, "kt", PASS);
	strlcpy(o.cipher, "twofish-xts-plain64", sizeof(o.cipher));
	o.key_bits = 512;
	KEXPECT_EQ(t, open_map(t, &o, IMG, O_RDWR), -EINVAL);
	strlcpy(o.cipher, "aes-xts-plain64", sizeof(o.cipher));
	o.key_bits = 384;
	KEXPECT_EQ(t, open_map(t, &o, IMG, O_RDWR), -EINVAL);
	/* bad backing files */
	fill_open(&o, CRYPT_TYPE_LUKS1, "kt", PASS);
	KEXPECT_EQ(t, open_map(t, &o, IMG, O_WRONLY), -EBADF);
	KEXPECT_EQ(t, open_map(t, &o, "/dev/zero", O_RDONLY), -EINVAL);
	KEXPECT_EQ(t, vfs_stat(c, dev_kt, &sb), -ENOENT);
	/* a name of 31 characters fits /dev */
	KEXPECT_EQ(t, open_luks(t, "abcdefghijklmnopqrstuvwxyz01234", PASS, IMG), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/dev/crypt-abcdefghijklmnopqrstuvwxyz01234", &sb), 0);
	memset(&st, 0, sizeof(st));
	memset(st.name, 'x', sizeof(st.name));
	KEXPECT_EQ(t, cryptctl_status(&st), -EINVAL);
	KEXPECT_EQ(t, cryptctl_close("abcdefghijklmnopqrstuvwxyz01234"), 0);
}

static int format_with(struct ktest *t, const char *path, int flags,
		       const char *cipher, u32 bits, u32 iter, u32 pass_len)
{
	static struct crypt_format fm;
	struct file *f = bnt_filp(t, path, flags);
	int ret;

	if (!f)
		return -EIO;
	memset(&fm, 0, sizeof(fm));
	strlcpy(fm.cipher, cipher, sizeof(fm.cipher));
	fm.key_bits = bits;
	fm.iterations = iter;
	fm.pass_len = pass_len;
	memset(fm.passphrase, 'p', sizeof(fm.passphrase));
	ret = cryptctl_format(&fm, f);
	fput(f);
	return ret;
}

static void cryptctl_format_errors(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	u32 crc;

	KASSERT_EQ(t, bnt_make_file(c, IMG, HDR_BYTES + PAYLOAD, 1), 0);
	crc = bnt_file_crc(c, IMG);
	KEXPECT_EQ(t, format_with(t, IMG, O_RDWR, "", 0, ITER - 1, 4), -EINVAL);
	KEXPECT_EQ(t, format_with(t, IMG, O_RDWR, "", 0, ITER, 0), -EINVAL);
	KEXPECT_EQ(t, format_with(t, IMG, O_RDWR, "", 0, ITER, CRYPT_PASS_MAX + 1), -EINVAL);
	KEXPECT_EQ(t, format_with(t, IMG, O_RDWR, "", 384, ITER, 4), -EINVAL);
	KEXPECT_EQ(t, format_with(t, IMG, O_RDWR, "aes-cbc-essiv:sha256", 512, ITER, 4),
		   -EINVAL);
	KEXPECT_EQ(t, format_with(t, IMG, O_RDWR, "aes-ecb", 256, ITER, 4), -EINVAL);
	KEXPECT_EQ(t, format_with(t, IMG, O_RDONLY, "", 0, ITER, 4), -EBADF);
	KEXPECT_EQ(t, format_with(t, "/dev/zero", O_RDWR, "", 0, ITER, 4), -EINVAL);
	KEXPECT_EQ(t, format_with(t, BNT, O_RDONLY, "", 0, ITER, 4), -EBADF);
	KEXPECT_EQ(t, bnt_file_crc(c, IMG), crc);	/* nothing was written */
	KASSERT_EQ(t, bnt_make_file(c, BNT "/small", HDR_BYTES, 1), 0);
	KEXPECT_EQ(t, format_with(t, BNT "/small", O_RDWR, "", 0, ITER, 4), -ENOSPC);
	/* a 128-bit cbc key needs less room: 1 MiB of header */
	KEXPECT_EQ(t, format_with(t, BNT "/small", O_RDWR, "aes-cbc-essiv:sha256", 128,
				  ITER, CRYPT_PASS_MAX), 0);
}

/* Mounted, under a loop device, over a loop device: -EBUSY where due. */
static void cryptctl_busy(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	struct logfs_dev ldev;
	struct blkio *bio;
	struct file *h;
	char buf[8] = { 0 };
	int fd;

	/* busy is shown with a LogFS mounted on the device */
	if (!IS_ENABLED(CONFIG_LOGFS)) {
		ktest_skip(t, "needs CONFIG_LOGFS");
		return;
	}
	KASSERT_EQ(t, make_luks(t, IMG, 2 * HDR_BYTES, "", 0), 0);
	KASSERT_EQ(t, open_luks(t, "kt", PASS, IMG), 0);
	h = devfs_open_blkio(c, dev_kt, &bio);
	KASSERT_FALSE(t, IS_ERR(h));
	KEXPECT_EQ(t, cryptctl_close("kt"), -EBUSY);
	KASSERT_EQ(t, logfs_dev_blkio(&ldev, bio, 0), 0);
	KEXPECT_EQ(t, logfs_format(&ldev), 0);
	ldev.release(&ldev);
	fput(h);
	KASSERT_EQ(t, vfs_mkdir(c, BNT "/mnt", 0755), 0);
	KASSERT_EQ(t, vfs_mount(c, dev_kt, BNT "/mnt", "logfs", 0, NULL), 0);
	KEXPECT_EQ(t, cryptctl_close("kt"), -EBUSY);
	fd = vfs_open(c, BNT "/mnt/secret", O_CREAT | O_WRONLY, 0600);
	KEXPECT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "kept", 4), 4);
	vfs_close(c, fd);
	KEXPECT_EQ(t, vfs_umount(c, BNT "/mnt"), 0);
	KEXPECT_EQ(t, cryptctl_close("kt"), 0);
	/* what was written under the mount is there after reopening */
	KASSERT_EQ(t, open_luks(t, "kt", PASS, IMG), 0);
	KEXPECT_EQ(t, vfs_mount(c, dev_kt, BNT "/mnt", "logfs", 0, NULL), 0);
	fd = vfs_open(c, BNT "/mnt/secret", O_RDONLY, 0);
	KEXPECT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), 4);
	KEXPECT_STREQ(t, buf, "kept");
	vfs_close(c, fd);
	KEXPECT_EQ(t, vfs_umount(c, BNT "/mnt"), 0);
	KEXPECT_EQ(t, vfs_rmdir(c, BNT "/mnt"), 0);
	KEXPECT_EQ(t, cryptctl_close("kt"), 0);
}

static void cryptctl_stacked_loops(struct ktest *t)
{
	static struct crypt_open o;
	char loopdev[32];
	struct file *f;
	int index;

	if (!IS_ENABLED(CONFIG_BLK_DEV_LOOP_NODES)) {
		ktest_skip(t, "no loop device nodes");
		return;
	}
	KASSERT_EQ(t, make_luks(t, IMG, HDR_BYTES + PAYLOAD, "", 0), 0);
	/* a loop device over the mapping */
	KASSERT_EQ(t, open_luks(t, "kt", PASS, IMG), 0);
	index = loop_dev_get_free();
	KASSERT_GE(t, index, 0);
	f = bnt_filp(t, dev_kt, O_RDWR);
	KASSERT_NOT_NULL(t, f);
	KASSERT_EQ(t, loop_dev_set_file(index, f), 0);
	KEXPECT_EQ(t, cryptctl_close("kt"), -EBUSY);
	KEXPECT_EQ(t, loop_dev_clear(index), 0);
	KEXPECT_EQ(t, cryptctl_close("kt"), 0);
	/* the mapping over a loop device: cryptsetup open /dev/loopN */
	f = bnt_filp(t, IMG, O_RDWR);
	KASSERT_NOT_NULL(t, f);
	KASSERT_EQ(t, loop_dev_set_file(index, f), 0);
	snprintf(loopdev, sizeof(loopdev), "/dev/loop%d", index);
	fill_open(&o, CRYPT_TYPE_LUKS1, "kt", PASS);
	KEXPECT_EQ(t, open_map(t, &o, loopdev, O_RDWR), 0);
	KEXPECT_EQ(t, loop_dev_clear(index), -EBUSY);
	/* formatting wants the device to itself */
	KEXPECT_EQ(t, format_with(t, loopdev, O_RDWR, "", 0, ITER, 4), -EBUSY);
	KEXPECT_EQ(t, cryptctl_close("kt"), 0);
	KEXPECT_EQ(t, format_with(t, loopdev, O_RDWR, "", 0, ITER, 4), 0);
	KEXPECT_EQ(t, loop_dev_clear(index), 0);
	KEXPECT_EQ(t, open_luks(t, "kt", PASS, IMG), -EKEYREJECTED);	/* 'pppp' now */
}

/* The documented plain key, checked against an independent decryption. */
static void cryptctl_plain(struct ktest *t)
{
	/* sha256("correct horse") || sha256("A" "correct horse"), by Python */
	static const u8 want[64] = {
		0x41, 0x04, 0xd3, 0x6f, 0x8d, 0xa2, 0xc2, 0x54, 0x34, 0x9f, 0x85, 0x83,
		0x67, 0x93, 0xeb, 0xe0, 0x29, 0xe0, 0xc9, 0x57, 0x06, 0x3a, 0x34, 0xc9,
		0x1c, 0x2e, 0x92, 0x03, 0x18, 0x7b, 0x56, 0x31, 0xc5, 0x1a, 0xef, 0xc7,
		0xf4, 0x09, 0xf4, 0xdf, 0x08, 0x88, 0xcd, 0x78, 0xc6, 0x38, 0xb9, 0x69,
		0xdb, 0x45, 0x1f, 0xa1, 0xe0, 0x40, 0xe0, 0x6e, 0x2a, 0x9e, 0xd7, 0x7f,
		0x2a, 0xe0, 0x83, 0xd5,
	};
	struct vfs_ctx *c = bnt_ctx(t);
	static struct crypt_open o;
	static u8 sec[512];
	struct cryptloop_cipher *cc;
	struct crypt_status st;
	u8 key[64];
	int fd;

	KEXPECT_EQ(t, cryptctl_plain_key(PASS, strlen(PASS), key, 64), 0);
	KEXPECT_MEMEQ(t, key, want, 64);
	KEXPECT_EQ(t, cryptctl_plain_key(PASS, strlen(PASS), key, 20), 0);
	KEXPECT_MEMEQ(t, key, want, 20);
	KEXPECT_EQ(t, cryptctl_plain_key(PASS, strlen(PASS), key, 65), -EINVAL);
	KASSERT_EQ(t, bnt_make_file(c, IMG, PAYLOAD, 0xff), 0);
	fill_open(&o, CRYPT_TYPE_PLAIN, "pl", PASS);
	strlcpy(o.cipher, "aes-xts-plain64", sizeof(o.cipher));
	o.key_bits = 512;
	KASSERT_EQ(t, open_map(t, &o, IMG, O_RDWR), 0);
	memset(&st, 0, sizeof(st));
	strlcpy(st.name, "pl", sizeof(st.name));
	KEXPECT_EQ(t, cryptctl_status(&st), 0);
	KEXPECT_EQ(t, st.type, CRYPT_TYPE_PLAIN);
	KEXPECT_EQ(t, st.sectors, PAYLOAD / 512);
	KEXPECT_STREQ(t, st.cipher, "aes-xts-plain64");
	for (int i = 0; i < 512; i++)
		sec[i] = bnt_pattern(i, 9);
	fd = vfs_open(c, "/dev/crypt-pl", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_pwrite(c, fd, sec, 512, 3 * 512), 512);
	vfs_close(c, fd);
	KEXPECT_EQ(t, cryptctl_close("pl"), 0);
	/* decrypt sector 3 of the file with the key above, IV = sector 3 */
	fd = vfs_open(c, IMG, O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_pread(c, fd, sec, 512, 3 * 512), 512);
	vfs_close(c, fd);
	KEXPECT_FALSE(t, bnt_is_pattern(sec, 512, 0, 9));
	cc = cryptloop_cipher_new("aes", "xts-plain64", want, 64);
	KASSERT_FALSE(t, IS_ERR(cc));
	KEXPECT_EQ(t, cryptloop_crypt(cc, LOOP_READ, 3, sec, 1), 0);
	cryptloop_cipher_free(cc);
	KEXPECT_TRUE(t, bnt_is_pattern(sec, 512, 0, 9));
	/* another passphrase opens too (no header to tell), and reads noise */
	fill_open(&o, CRYPT_TYPE_PLAIN, "pl", "correct horsE");
	o.key_bits = 256;
	strlcpy(o.cipher, "aes-cbc-essiv:sha256", sizeof(o.cipher));
	KASSERT_EQ(t, open_map(t, &o, IMG, O_RDWR), 0);
	fd = vfs_open(c, "/dev/crypt-pl", O_RDONLY, 0);
	KEXPECT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_pread(c, fd, sec, 512, 3 * 512), 512);
	vfs_close(c, fd);
	KEXPECT_FALSE(t, bnt_is_pattern(sec, 512, 0, 9));
	KEXPECT_EQ(t, cryptctl_close("pl"), 0);
}

static void cryptctl_read_only(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	static struct crypt_open o;
	struct crypt_status st;
	u32 crc;
	int fd;

	KASSERT_EQ(t, make_luks(t, IMG, HDR_BYTES + PAYLOAD, "", 0), 0);
	crc = bnt_file_crc(c, IMG);
	memset(&st, 0, sizeof(st));
	strlcpy(st.name, "kt", sizeof(st.name));
	for (int how = 0; how < 2; how++) {
		fill_open(&o, CRYPT_TYPE_LUKS1, "kt", PASS);
		o.flags = how ? 0 : CRYPT_F_READ_ONLY;
		KASSERT_EQ(t, open_map(t, &o, IMG, how ? O_RDONLY : O_RDWR), 0);
		KEXPECT_EQ(t, cryptctl_status(&st), 0);
		KEXPECT_EQ(t, st.flags, CRYPT_F_READ_ONLY);
		fd = vfs_open(c, dev_kt, O_RDWR, 0);
		KEXPECT_GE(t, fd, 0);
		KEXPECT_EQ(t, vfs_write(c, fd, "x", 1), -EROFS);
		vfs_close(c, fd);
		KEXPECT_EQ(t, cryptctl_close("kt"), 0);
	}
	KEXPECT_EQ(t, bnt_file_crc(c, IMG), crc);
}

/* The ioctls copy from user space only: kernel pointers are -EFAULT. */
static void cryptctl_ioctls(struct ktest *t)
{
	static struct crypt_open o;
	static struct crypt_format fm;
	struct crypt_status st;
	struct crypt_name n;
	struct file *ctl = bnt_filp(t, "/dev/cryptctl", O_RDWR);
	const u32 cmds[] = { CRYPT_OPEN, CRYPT_CLOSE, CRYPT_STATUS, CRYPT_FORMAT };
	const void *args[] = { &o, &n, &st, &fm };

	KASSERT_NOT_NULL(t, ctl);
	KEXPECT_EQ(t, CRYPT_FORMAT, 0x4000 << 16 | sizeof(fm) << 16 | 'C' << 8 | 4);
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		KEXPECT_EQ(t, ctl->f_op->ioctl(ctl, cmds[i], (u32)(unsigned long)args[i]),
			   -EFAULT);
		KEXPECT_EQ(t, ctl->f_op->ioctl(ctl, cmds[i], 0), -EFAULT);
	}
	KEXPECT_EQ(t, ctl->f_op->ioctl(ctl, LOOP_SET_FD, 0), -ENOTTY);
	fput(ctl);
}

/* CRYPT_CLOSE wipes the key: plain (the key is known) and LUKS1. */
static void cryptctl_close_wipes_key(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	static struct crypt_open o;
	u8 key[64];
	int fd;

	KASSERT_EQ(t, cryptctl_plain_key(PASS, strlen(PASS), key, 64), 0);
	KASSERT_EQ(t, bnt_make_file(c, IMG, PAYLOAD, 0xff), 0);
	fill_open(&o, CRYPT_TYPE_PLAIN, "pl", PASS);
	strlcpy(o.cipher, "aes-xts-plain64", sizeof(o.cipher));
	o.key_bits = 512;
	KASSERT_EQ(t, open_map(t, &o, IMG, O_RDWR), 0);
	fd = vfs_open(c, "/dev/crypt-pl", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_pwrite(c, fd, key, 64, 512), 64);
	vfs_close(c, fd);
	wipe_watch_start(key);
	KEXPECT_EQ(t, cryptctl_close("pl"), 0);
	wipe_watch_stop();
	wipe_watch_expect_one(t);
	crypto_memzero(key, sizeof(key));

	/* LUKS1: the volume key is random, but its handle goes the same way */
	KASSERT_EQ(t, make_luks(t, IMG, HDR_BYTES + PAYLOAD, "", 0), 0);
	KASSERT_EQ(t, open_luks(t, "kt", PASS, IMG), 0);
	wipe_watch_start(NULL);
	KEXPECT_EQ(t, cryptctl_close("kt"), 0);
	wipe_watch_stop();
	wipe_watch_expect_one(t);
}

static struct ktest_case cryptctl_cases[] = {
	KTEST_CASE_PARAMS(cryptctl_luks_roundtrip, ciphers, describe_cipher),
	KTEST_CASE(cryptctl_wrong_passphrase),
	KTEST_CASE(cryptctl_open_errors),
	KTEST_CASE(cryptctl_format_errors),
	KTEST_CASE(cryptctl_busy),
	KTEST_CASE(cryptctl_stacked_loops),
	KTEST_CASE(cryptctl_plain),
	KTEST_CASE(cryptctl_read_only),
	KTEST_CASE(cryptctl_ioctls),
	KTEST_CASE(cryptctl_close_wipes_key),
	{}
};

static struct ktest_suite cryptctl_suite = {
	.name = "cryptctl",
	.cases = cryptctl_cases,
	.init = bnt_init,
	.exit = bnt_exit,
};
KTEST_SUITE(cryptctl_suite);

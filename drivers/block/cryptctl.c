// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/cryptctl: encrypted mappings as user space asks for them
 * (include/uapi/loop-crypt.h).  CRYPT_OPEN unlocks a LUKS1 container (or
 * keys a plain one) held in an open file and registers /dev/crypt-<name>
 * over the decrypted payload; CRYPT_CLOSE removes it and wipes the key;
 * CRYPT_STATUS reports; CRYPT_FORMAT writes a new LUKS1 header.  A live
 * mapping is also a block device (blk_register_blkio()): crypt-<name> in
 * the "block" class, `devices` and /sys, with its partitions scanned.
 *
 * Layer: kernel driver between devfs and the portable encrypted loop
 * (cryptloop.c, luks1_*.c).  The ioctl layer copies requests in with the
 * fault-safe user copies and wipes the passphrase; everything under it
 * works on kernel memory (include/block/cryptctl.h, used by the tests).
 * Locking: crypt_lock (mutex) protects the list of mappings and each
 * mapping's claims and state; a mapping's io_lock serialises its I/O
 * (the encrypted loop has one bounce buffer and one cipher handle).  The
 * slow parts (PBKDF2, formatting) and the block layer's registration
 * (the partition scan reads through the mapping) run without crypt_lock:
 * a mapping being opened holds its name, so a second open of it gets
 * -EEXIST at once.  Knows nothing of the LUKS1 format beyond the header's cipher.
 */
#define pr_fmt(fmt) "cryptctl: " fmt
#include <block/blkdev.h>
#include <block/cryptctl.h>
#include <block/luks1.h>
#include <crypto/crypto.h>
#include <fs/devfs.h>
#include <fs/vfs.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/list.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include "backing.h"

#define CRYPT_DEV_PREFIX	"crypt-"

enum crypt_state {
	CRYPT_OPENING,		/* name reserved, not yet usable */
	CRYPT_LIVE,		/* /dev/crypt-<name> registered */
	CRYPT_CLOSING,		/* off the list, being torn down */
};

struct crypt_map {
	struct list_head node;		/* on crypt_maps (crypt_lock) */
	struct blkio bio;		/* what /dev/crypt-<name> exports */
	struct mutex io_lock;		/* one transfer at a time through cl */
	char name[CRYPT_NAME_MAX];
	char devname[DEVFS_NAME_LEN];
	unsigned int type;		/* CRYPT_TYPE_* */
	unsigned int flags;		/* CRYPT_F_* as in effect */
	char cipher[CRYPT_CIPHER_MAX];
	enum crypt_state state;		/* crypt_lock */
	int claims;			/* crypt_lock: mounts, stacked devices */
	struct backing *backing;
	struct block_device *bdev;	/* in the block class while live */
	struct cryptloop cl;
};

static LIST_HEAD(crypt_maps);
static DEFINE_MUTEX(crypt_lock);

/* --- requests: checks before anything is done -------------------------- */

/* "aes-<mode>" to the mode the encrypted loop takes, and its key sizes. */
static const char *cipher_mode(const char *cipher, u32 key_bits)
{
	if (!*cipher || !strcmp(cipher, "aes-xts-plain64"))
		return key_bits == 256 || key_bits == 512 ? "xts-plain64" : NULL;
	if (!strcmp(cipher, "aes-cbc-essiv:sha256"))
		return key_bits == 128 || key_bits == 192 || key_bits == 256 ?
			"cbc-essiv:sha256" : NULL;
	return NULL;
}

static bool string_ok(const char *s, size_t size)
{
	return strnlen(s, size) < size;
}

static int check_name(const char *name)
{
	size_t len = strnlen(name, CRYPT_NAME_MAX);

	if (!len || len == CRYPT_NAME_MAX || strchr(name, '/') ||
	    !strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	return 0;
}

static int check_open(const struct crypt_open *o)
{
	if (check_name(o->name) || o->pass_len > CRYPT_PASS_MAX ||
	    (o->flags & ~CRYPT_F_READ_ONLY))
		return -EINVAL;
	if (o->type == CRYPT_TYPE_LUKS1)
		return 0;
	if (o->type != CRYPT_TYPE_PLAIN || !string_ok(o->cipher, CRYPT_CIPHER_MAX) ||
	    !cipher_mode(o->cipher, o->key_bits))
		return -EINVAL;
	return 0;
}

static u32 default_key_bits(const char *cipher)
{
	return !*cipher || !strcmp(cipher, "aes-xts-plain64") ? 512 : 256;
}

static int check_format(const struct crypt_format *f)
{
	u32 bits;

	if (!string_ok(f->cipher, CRYPT_CIPHER_MAX) || !f->pass_len ||
	    f->pass_len > CRYPT_PASS_MAX ||
	    (f->iterations && f->iterations < CRYPT_ITER_MIN))
		return -EINVAL;
	bits = f->key_bits ? f->key_bits : default_key_bits(f->cipher);
	return cipher_mode(f->cipher, bits) ? 0 : -EINVAL;
}

/* --- mappings ------------------------------------------------------------ */

static struct crypt_map *find_locked(const char *name)
{
	struct crypt_map *m;

	list_for_each_entry(m, &crypt_maps, node)
		if (!strcmp(m->name, name))
			return m;
	return NULL;
}

static int cm_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct crypt_map *m = bio->priv;
	struct blkio *dev = cryptloop_blkio(&m->cl);
	int ret;

	mutex_lock(&m->io_lock);
	ret = dev->read(dev, sector, buf, count);
	mutex_unlock(&m->io_lock);
	return ret;
}

static int cm_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	struct crypt_map *m = bio->priv;
	struct blkio *dev = cryptloop_blkio(&m->cl);
	int ret;

	mutex_lock(&m->io_lock);
	ret = dev->write(dev, sector, buf, count);
	mutex_unlock(&m->io_lock);
	return ret;
}

static int cm_flush(struct blkio *bio)
{
	struct crypt_map *m = bio->priv;
	struct blkio *dev = cryptloop_blkio(&m->cl);
	int ret;

	mutex_lock(&m->io_lock);
	ret = dev->flush ? dev->flush(dev) : 0;
	mutex_unlock(&m->io_lock);
	return ret;
}

/* A mount or a stacked device: only while live; closing then waits. */
static int cm_claim(void *priv)
{
	struct crypt_map *m = priv;
	int ret = 0;

	mutex_lock(&crypt_lock);
	if (m->state == CRYPT_LIVE)
		m->claims++;
	else
		ret = -ENODEV;
	mutex_unlock(&crypt_lock);
	return ret;
}

static void cm_unclaim(void *priv)
{
	struct crypt_map *m = priv;

	mutex_lock(&crypt_lock);
	m->claims--;
	mutex_unlock(&crypt_lock);
}

static const struct devfs_blk_ops crypt_blk_ops = {
	.claim = cm_claim,
	.unclaim = cm_unclaim,
};

/* Unlock with the LUKS1 header on the store; -EPERM is a wrong passphrase. */
static int map_luks1(struct crypt_map *m, const struct crypt_open *o)
{
	struct blkio *store = backing_blkio(m->backing);
	struct luks1_header h;
	int ret;

	ret = luks1_read_header(store, &h);
	if (ret)
		return ret;
	snprintf(m->cipher, sizeof(m->cipher), "%s-%s", h.cipher_name, h.cipher_mode);
	crypto_memzero(&h, sizeof(h));
	return cryptloop_open_luks1(&m->cl, store, o->passphrase, o->pass_len,
				    LOOP_SECTOR);
}

static int map_plain(struct crypt_map *m, const struct crypt_open *o)
{
	u8 key[CRYPTO_MAX_KEY];
	size_t keylen = o->key_bits / 8;
	int ret;

	strlcpy(m->cipher, *o->cipher ? o->cipher : "aes-xts-plain64", sizeof(m->cipher));
	ret = cryptctl_plain_key(o->passphrase, o->pass_len, key, keylen);
	if (!ret)
		ret = cryptloop_open_plain(&m->cl, backing_blkio(m->backing),
					   cipher_mode(o->cipher, o->key_bits),
					   key, keylen, 0, LOOP_SECTOR);
	crypto_memzero(key, sizeof(key));
	return ret;
}

/* The portable code's errors in the vocabulary of the uapi header. */
static int open_error(int ret)
{
	switch (ret) {
	case -EPERM:		/* no key slot opens */
		return -EKEYREJECTED;
	case -EUCLEAN:		/* a damaged header */
	case -ENOENT:		/* a cipher we do not have */
		return -EINVAL;
	default:
		return ret;
	}
}

/* Reserve @o->name: a mapping in CRYPT_OPENING state, or -EEXIST. */
static struct crypt_map *map_reserve(const struct crypt_open *o)
{
	struct crypt_map *m = kzalloc(sizeof(*m), GFP_KERNEL);
	int ret = 0;

	if (!m)
		return ERR_PTR(-ENOMEM);
	strlcpy(m->name, o->name, sizeof(m->name));
	snprintf(m->devname, sizeof(m->devname), CRYPT_DEV_PREFIX "%s", o->name);
	m->type = o->type;
	m->state = CRYPT_OPENING;
	mutex_init(&m->io_lock);
	mutex_lock(&crypt_lock);
	if (find_locked(m->name))
		ret = -EEXIST;
	else
		list_add_tail(&m->node, &crypt_maps);
	mutex_unlock(&crypt_lock);
	if (ret) {
		kfree(m);
		return ERR_PTR(ret);
	}
	return m;
}

static void map_unreserve(struct crypt_map *m)
{
	mutex_lock(&crypt_lock);
	list_del(&m->node);
	mutex_unlock(&crypt_lock);
	mutex_destroy(&m->io_lock);
	crypto_memzero(m, sizeof(*m));
	kfree(m);
}

/**
 * cryptctl_open() - unlock a container and create /dev/crypt-<name>
 * @o: request in kernel memory   @file: the container; kept on success
 * Return: 0 or -errno (include/block/cryptctl.h).
 */
int cryptctl_open(const struct crypt_open *o, struct file *file)
{
	struct crypt_map *m;
	struct blkio *dev;
	int ret = check_open(o);

	if (ret)
		return ret;
	m = map_reserve(o);
	if (IS_ERR(m))
		return PTR_ERR(m);
	m->backing = backing_new(file, o->flags & CRYPT_F_READ_ONLY, false);
	if (IS_ERR(m->backing)) {
		ret = PTR_ERR(m->backing);
		m->backing = NULL;
		goto out_unreserve;
	}
	ret = o->type == CRYPT_TYPE_LUKS1 ? map_luks1(m, o) : map_plain(m, o);
	if (ret) {
		ret = open_error(ret);
		goto out_abandon;
	}
	dev = cryptloop_blkio(&m->cl);
	m->flags = dev->read_only ? CRYPT_F_READ_ONLY : 0;
	m->bio = (struct blkio){
		.sector_size = dev->sector_size,
		.nr_sectors = dev->nr_sectors,
		.read_only = dev->read_only,
		.priv = m,
		.read = cm_read,
		.write = cm_write,
		.flush = cm_flush,
	};
	ret = devfs_register_blkdev(m->devname, &m->bio, &crypt_blk_ops, m);
	if (ret)
		goto out_close;
	m->bdev = blk_register_blkio(&m->bio, NULL, m->devname, &crypt_blk_ops, m);
	if (IS_ERR(m->bdev)) {
		ret = PTR_ERR(m->bdev);
		pr_err("/dev/%s: cannot register the block device: %d", m->devname, ret);
		devfs_unregister(m->devname);
		goto out_close;
	}
	mutex_lock(&crypt_lock);
	m->state = CRYPT_LIVE;
	mutex_unlock(&crypt_lock);
	pr_info("/dev/%s: %s, %llu sectors%s", m->devname, m->cipher,
		(unsigned long long)m->bio.nr_sectors,
		m->bio.read_only ? ", read-only" : "");
	return 0;

out_close:
	cryptloop_close(&m->cl);
out_abandon:
	backing_abandon(m->backing);	/* the caller keeps its reference */
out_unreserve:
	map_unreserve(m);
	return ret;
}

/**
 * cryptctl_close() - remove /dev/crypt-@name, wipe its key, drop the store
 * Return: 0, -ENOENT, -EBUSY (claimed, or still being opened).
 */
int cryptctl_close(const char *name)
{
	struct crypt_map *m;
	int ret = 0;

	mutex_lock(&crypt_lock);
	m = find_locked(name);
	if (!m)
		ret = -ENOENT;
	else if (m->state != CRYPT_LIVE || m->claims)
		ret = -EBUSY;
	else {
		m->state = CRYPT_CLOSING;	/* refuses new claims */
		list_del(&m->node);
	}
	mutex_unlock(&crypt_lock);
	if (ret)
		return ret;
	blk_unregister_blkio(m->bdev);	/* partitions first; waits out their I/O */
	devfs_unregister(m->devname);	/* waits out I/O through open files */
	ret = cryptloop_close(&m->cl);	/* flushes; wipes the key schedule */
	if (ret)
		pr_warn("/dev/%s: flush on close failed: %d", m->devname, ret);
	backing_free(m->backing);
	mutex_destroy(&m->io_lock);
	crypto_memzero(m, sizeof(*m));
	kfree(m);
	return 0;
}

/**
 * cryptctl_status() - fill @st for the mapping named in @st->name
 * Return: 0, -ENOENT, -EINVAL.
 */
int cryptctl_status(struct crypt_status *st)
{
	struct crypt_map *m;
	int ret = 0;

	if (!string_ok(st->name, sizeof(st->name)))
		return -EINVAL;
	mutex_lock(&crypt_lock);
	m = find_locked(st->name);
	if (!m || m->state != CRYPT_LIVE) {
		ret = -ENOENT;
	} else {
		st->type = m->type;
		st->flags = m->flags;
		st->sectors = m->bio.nr_sectors * (m->bio.sector_size / 512);
		memset(st->cipher, 0, sizeof(st->cipher));
		strlcpy(st->cipher, m->cipher, sizeof(st->cipher));
	}
	mutex_unlock(&crypt_lock);
	return ret;
}

/**
 * cryptctl_format() - write a LUKS1 header and key slot 0 to @file
 * @f: request in kernel memory   @file: opened O_RDWR; not kept
 * Return: 0 or -errno (include/block/cryptctl.h).
 */
int cryptctl_format(const struct crypt_format *f, struct file *file)
{
	u32 bits = f->key_bits ? f->key_bits : default_key_bits(f->cipher);
	u32 iter = f->iterations ? f->iterations : CONFIG_BLK_DEV_CRYPTCTL_ITER;
	struct luks1_header h;
	struct backing *b;
	int ret = check_format(f);

	if (ret)
		return ret;
	if ((file->flags & O_ACCMODE) != O_RDWR)
		return -EBADF;
	/* exclusive: not while mounted, mapped or stacked on */
	b = backing_new(file, false, true);
	if (IS_ERR(b))
		return PTR_ERR(b);
	ret = luks1_format(backing_blkio(b), cipher_mode(f->cipher, bits), bits / 8,
			   f->passphrase, f->pass_len, iter, &h);
	if (!ret && backing_blkio(b)->flush)
		ret = backing_blkio(b)->flush(backing_blkio(b));
	if (!ret)
		pr_info("formatted LUKS1 %s-%s, %u-bit key, %u iterations, uuid %s",
			h.cipher_name, h.cipher_mode, bits, iter, h.uuid);
	crypto_memzero(&h, sizeof(h));
	backing_abandon(b);		/* the file is the caller's */
	return ret;
}

/**
 * cryptctl_plain_key() - the plain-mode key: SHA-256 of the passphrase,
 * then of "A" x round || passphrase while more bytes are needed (what
 * cryptsetup's plain mode does with --hash sha256)
 * @pass, @passlen: the passphrase   @key, @keylen: out, 1..64 bytes
 * Return: 0, -EINVAL, -ENOMEM, or the hash's error.
 */
int cryptctl_plain_key(const void *pass, size_t passlen, u8 *key, size_t keylen)
{
	u8 digest[CRYPTO_MAX_DIGEST];
	size_t rounds = (keylen + 31) / 32, done = 0;
	u8 *buf;
	int ret = 0;

	if (!keylen || keylen > CRYPTO_MAX_KEY || passlen > CRYPT_PASS_MAX)
		return -EINVAL;
	buf = kmalloc(rounds + passlen, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (size_t round = 0; round < rounds && !ret; round++) {
		size_t n = min(keylen - done, (size_t)32);

		memset(buf, 'A', round);
		memcpy(buf + round, pass, passlen);
		ret = crypto_hash("sha256", buf, round + passlen, digest);
		if (!ret)
			memcpy(key + done, digest, n);
		done += n;
	}
	crypto_memzero(digest, sizeof(digest));
	crypto_memzero(buf, rounds + passlen);
	kfree(buf);
	return ret;
}

/* --- ioctls: copy in, act, wipe ------------------------------------------- */

/* A request with a passphrase: copied into kmalloc'ed memory, wiped after. */
static void *copy_request_in(u32 uarg, size_t size, int *err)
{
	void *req = kmalloc(size, GFP_KERNEL);

	*err = req ? copy_from_user(req, uarg, size) : -ENOMEM;
	if (*err && req) {
		crypto_memzero(req, size);	/* a partial copy may hold secrets */
		kfree(req);
		req = NULL;
	}
	return req;
}

static void free_request(void *req, size_t size)
{
	crypto_memzero(req, size);
	kfree(req);
}

static long ioctl_open(u32 uarg)
{
	struct crypt_open *o;
	struct file *f;
	int ret;

	o = copy_request_in(uarg, sizeof(*o), &ret);
	if (!o)
		return ret;
	ret = check_open(o);
	if (!ret) {
		f = fget(vfs_current_ctx(), o->backing_fd);
		ret = IS_ERR(f) ? PTR_ERR(f) : cryptctl_open(o, f);
		if (ret && !IS_ERR(f))
			fput(f);
	}
	free_request(o, sizeof(*o));
	return ret;
}

static long ioctl_format(u32 uarg)
{
	struct crypt_format *fm;
	struct file *f;
	int ret;

	fm = copy_request_in(uarg, sizeof(*fm), &ret);
	if (!fm)
		return ret;
	ret = check_format(fm);
	if (!ret) {
		f = fget(vfs_current_ctx(), fm->backing_fd);
		ret = IS_ERR(f) ? PTR_ERR(f) : cryptctl_format(fm, f);
		if (!IS_ERR(f))
			fput(f);
	}
	free_request(fm, sizeof(*fm));
	return ret;
}

static long ioctl_close(u32 uarg)
{
	struct crypt_name n;

	if (copy_from_user(&n, uarg, sizeof(n)))
		return -EFAULT;
	if (check_name(n.name))
		return -EINVAL;
	return cryptctl_close(n.name);
}

static long ioctl_status(u32 uarg)
{
	struct crypt_status st;
	int ret;

	if (copy_from_user(&st, uarg, sizeof(st)))
		return -EFAULT;
	ret = cryptctl_status(&st);
	return ret ? ret : copy_to_user(uarg, &st, sizeof(st));
}

static long cryptctl_ioctl(void *priv, u32 cmd, u32 arg)
{
	switch (cmd) {
	case CRYPT_OPEN:
		return ioctl_open(arg);
	case CRYPT_CLOSE:
		return ioctl_close(arg);
	case CRYPT_STATUS:
		return ioctl_status(arg);
	case CRYPT_FORMAT:
		return ioctl_format(arg);
	default:
		return -ENOTTY;
	}
}

static const struct devfs_char_ops cryptctl_ops = {
	.ioctl = cryptctl_ioctl,
};

static int cryptctl_init(void)
{
	return devfs_register_char("cryptctl", &cryptctl_ops, NULL);
}

static void cryptctl_exit(void)
{
	devfs_unregister("cryptctl");
}
initcall_pair(device, cryptctl_init, cryptctl_exit);

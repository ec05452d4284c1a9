// SPDX-License-Identifier: GPL-2.0
/*
 * cryptloop: host tool for encrypted loop containers (LUKS1 or plain),
 * built on the same code the kernel runs (drivers/block/luks1*.c,
 * cryptloop.c, loop.c, crypto/).
 *
 *   cryptloop format [-c MODE] [-i ITER] -k KEYFILE FILE
 *   cryptloop dump FILE
 *   cryptloop read  -k KEYFILE FILE SECTOR COUNT > plain    (512-byte sectors)
 *   cryptloop write -k KEYFILE FILE SECTOR < plain
 *   cryptloop add-key -k KEYFILE -n NEWKEYFILE [-i ITER] FILE
 *   cryptloop remove-key -k KEYFILE -s SLOT FILE
 *   read/write with -p HEXKEY [-c MODE] [-o OFFSET] instead of -k: plain mode
 *
 * A KEYFILE's bytes are the passphrase, exactly (as cryptsetup's
 * --key-file); "-" is standard input.  MODE is xts-plain64 (default) or
 * cbc-essiv:sha256.  Random bytes come from /dev/urandom.
 */
#include <port/port.h>
#include <crypto/crypto.h>
#include <block/luks1.h>
#include <fcntl.h>
#include <unistd.h>

struct opts {
	const char *mode, *keyfile, *newkeyfile, *hexkey;
	u32 iter;
	int slot;
	u64 offset;
};

static int urandom(void *buf, size_t len)
{
	int fd = open("/dev/urandom", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, len);

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)len ? 0 : -EIO;
}

static char *read_keyfile(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *buf = f ? malloc(4096) : NULL;

	if (!buf)
		return NULL;
	*len = fread(buf, 1, 4096, f);
	if (f != stdin)
		fclose(f);
	return buf;
}

static int die(const char *what, int err)
{
	fprintf(stderr, "cryptloop: %s: %s\n", what,
		err == -EPERM ? "wrong passphrase" : strerror(-err));
	return 1;
}

static void print_hex(const char *label, const u8 *p, size_t n)
{
	size_t i;

	printf("%s", label);
	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

static int cmd_dump(struct blkio *bio)
{
	struct luks1_header h;
	int i, ret = luks1_read_header(bio, &h);

	if (ret)
		return die("header", ret);
	printf("Version:\t1\nCipher name:\t%s\nCipher mode:\t%s\nHash spec:\t%s\n"
	       "Payload offset:\t%u\nMK bits:\t%u\nMK iterations:\t%u\nUUID:\t%s\n",
	       h.cipher_name, h.cipher_mode, h.hash_spec, h.payload_offset,
	       h.key_bytes * 8, h.mk_digest_iter, h.uuid);
	print_hex("MK digest:\t", h.mk_digest, LUKS1_DIGEST_SIZE);
	for (i = 0; i < LUKS1_NUMKEYS; i++) {
		const struct luks1_keyslot *ks = &h.slots[i];

		printf("Key Slot %d: %s\n", i, ks->active == LUKS1_KEY_ENABLED ?
		       "ENABLED" : "DISABLED");
		if (ks->active == LUKS1_KEY_ENABLED)
			printf("\tIterations:\t%u\n\tKey material offset:\t%u\n"
			       "\tAF stripes:\t%u\n", ks->iterations,
			       ks->key_offset, ks->stripes);
	}
	return 0;
}

static int open_dev(struct cryptloop *cl, struct blkio *bio, const struct opts *o)
{
	u8 key[CRYPTO_MAX_KEY];
	size_t plen;
	char *pass;
	int n, ret;

	if (o->hexkey) {
		n = 0;
		while (n < CRYPTO_MAX_KEY && sscanf(o->hexkey + 2 * n, "%2hhx", &key[n]) == 1)
			n++;
		ret = cryptloop_open_plain(cl, bio, o->mode, key, n, o->offset, 512);
		crypto_memzero(key, sizeof(key));
		return ret;
	}
	if (!o->keyfile)
		return -EINVAL;
	pass = read_keyfile(o->keyfile, &plen);
	if (!pass)
		return -EIO;
	ret = cryptloop_open_luks1(cl, bio, pass, plen, 512);
	crypto_memzero(pass, plen);
	free(pass);
	return ret;
}

static int cmd_rw(struct blkio *bio, const struct opts *o, bool write,
		  char **args, int nargs)
{
	struct cryptloop cl = { 0 };
	u64 sector, count, i;
	u8 buf[512];
	int ret;

	if (nargs != (write ? 1 : 2))
		return die("usage", -EINVAL);
	sector = strtoull(args[0], NULL, 0);
	count = write ? (u64)-1 : strtoull(args[1], NULL, 0);
	ret = open_dev(&cl, bio, o);
	if (ret)
		return die("open", ret);
	for (i = 0; i < count && !ret; i++) {
		struct blkio *d = cryptloop_blkio(&cl);

		if (write) {
			size_t n = fread(buf, 1, sizeof(buf), stdin);

			if (n == 0)
				break;
			memset(buf + n, 0, sizeof(buf) - n);
			ret = d->write(d, sector + i, buf, 1);
		} else {
			ret = d->read(d, sector + i, buf, 1);
			if (!ret && fwrite(buf, 1, sizeof(buf), stdout) != sizeof(buf))
				ret = -EIO;
		}
	}
	if (ret)
		die(write ? "write" : "read", ret);
	return cryptloop_close(&cl) || ret ? 1 : 0;
}

static int cmd_keys(struct blkio *bio, const struct opts *o, bool add)
{
	struct luks1_header h;
	u8 mk[CRYPTO_MAX_KEY];
	size_t plen, nlen;
	char *pass, *npass = NULL;
	int ret, slot = o->slot;

	ret = luks1_read_header(bio, &h);
	if (ret)
		return die("header", ret);
	pass = o->keyfile ? read_keyfile(o->keyfile, &plen) : NULL;
	if (!pass)
		return die("key file", -EINVAL);
	ret = luks1_unlock(bio, &h, pass, plen, mk, NULL);
	if (!ret && add) {
		npass = o->newkeyfile ? read_keyfile(o->newkeyfile, &nlen) : NULL;
		ret = npass ? luks1_add_key(bio, &h, mk, npass, nlen, o->iter, &slot) :
			-EINVAL;
	} else if (!ret) {
		ret = luks1_kill_slot(bio, &h, slot);
	}
	crypto_memzero(mk, sizeof(mk));
	free(pass);
	free(npass);
	if (ret)
		return die(add ? "add-key" : "remove-key", ret);
	printf("key slot %d %s\n", slot, add ? "added" : "removed");
	return 0;
}

static int cmd_format(struct blkio *bio, const struct opts *o)
{
	struct luks1_header h;
	size_t plen;
	char *pass = o->keyfile ? read_keyfile(o->keyfile, &plen) : NULL;
	int ret;

	if (!pass)
		return die("key file", -EINVAL);
	ret = luks1_format(bio, o->mode, 0, pass, plen, o->iter, &h);
	crypto_memzero(pass, plen);
	free(pass);
	if (ret)
		return die("format", ret);
	printf("formatted: aes-%s, %u-bit key, UUID %s\n", h.cipher_mode,
	       h.key_bytes * 8, h.uuid);
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: cryptloop format|dump|read|write|add-key|remove-key "
		"[-c MODE] [-i ITER] [-k KEYFILE] [-n NEWKEYFILE] [-s SLOT] "
		"[-p HEXKEY] [-o OFFSET] FILE [SECTOR [COUNT]]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct opts o = { .iter = 100000, .slot = -1 };
	const char *cmd;
	struct blkio bio;
	int c, ret;

	if (argc < 2)
		return usage();
	cmd = argv[1];
	optind = 2;
	while ((c = getopt(argc, argv, "c:i:k:n:s:p:o:")) != -1) {
		switch (c) {
		case 'c': o.mode = optarg; break;
		case 'i': o.iter = (u32)strtoul(optarg, NULL, 0); break;
		case 'k': o.keyfile = optarg; break;
		case 'n': o.newkeyfile = optarg; break;
		case 's': o.slot = atoi(optarg); break;
		case 'p': o.hexkey = optarg; break;
		case 'o': o.offset = strtoull(optarg, NULL, 0); break;
		default: return usage();
		}
	}
	if (optind >= argc)
		return usage();
	crypto_rng_set_source(urandom);
	if (crypto_init())
		fprintf(stderr, "cryptloop: some algorithms failed their self-test\n");
	ret = blkio_file_open(&bio, argv[optind], 512, !strcmp(cmd, "dump") ||
			      !strcmp(cmd, "read"));
	if (ret)
		return die(argv[optind], ret);
	if (!strcmp(cmd, "format"))
		ret = cmd_format(&bio, &o);
	else if (!strcmp(cmd, "dump"))
		ret = cmd_dump(&bio);
	else if (!strcmp(cmd, "read") || !strcmp(cmd, "write"))
		ret = cmd_rw(&bio, &o, cmd[0] == 'w', argv + optind + 1,
			     argc - optind - 1);
	else if (!strcmp(cmd, "add-key") || !strcmp(cmd, "remove-key"))
		ret = cmd_keys(&bio, &o, cmd[0] == 'a');
	else
		ret = usage();
	blkio_file_close(&bio);
	return ret;
}

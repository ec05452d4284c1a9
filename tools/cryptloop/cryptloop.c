// SPDX-License-Identifier: GPL-2.0
/*
 * cryptloop: host tool for encrypted loop containers (LUKS1 or plain),
 * built on the same code the kernel runs (drivers/block/luks1*.c,
 * cryptloop.c, loop.c, crypto/).
 *
 *   cryptloop format -k KEYFILE [--size SIZE] [-c MODE] [-i ITER] [-f] FILE
 *   cryptloop dump FILE
 *   cryptloop read  -k KEYFILE FILE SECTOR [COUNT] > plain  (512-byte sectors)
 *   cryptloop write -k KEYFILE FILE SECTOR < plain
 *   cryptloop add-key -k KEYFILE -n NEWKEYFILE [-i ITER] FILE
 *   cryptloop remove-key -k KEYFILE -s SLOT [-f] FILE
 *   read/write with -p HEXKEY [-c MODE] [-o OFFSET] instead of -k: plain mode
 *
 * This file is the command line only: it checks everything it can before
 * it touches FILE, and turns the library's error codes into sentences.
 * Random bytes come from /dev/urandom.
 */
#include <port/port.h>
#include <crypto/crypto.h>
#include <block/luks1.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../lib/cli.h"

#define PROG "cryptloop"
/* where luks1_format() puts the payload, for either mode: 2 MiB, as cryptsetup */
#define LUKS1_PAYLOAD_SECTORS	4096
#define MIN_CONTAINER		(LUKS1_PAYLOAD_SECTORS * 512ull + 512)
/* cryptsetup's default limit on a key file (--keyfile-size-max) */
#define KEYFILE_MAX		(8u << 20)
#define DEFAULT_ITER		100000
#define CHUNK_SECTORS		128
#define OPT_SIZE		'S'	/* --size has no short form */

struct opts {
	const char *mode, *keyfile, *newkeyfile, *hexkey;
	uint64_t iter, slot, offset, size;
	bool has_iter, has_slot, has_offset, has_size, force;
};

struct command {
	const char *name;	/* first: cli_find() */
	const char *options;	/* the option letters it takes */
	bool needs_key;		/* -k (or -p where it takes 'p') */
	int min_args, max_args;	/* after FILE */
	int (*run)(const char *file, const struct opts *o, char **args);
};

static void usage(void)
{
	printf("usage: cryptloop COMMAND [options] FILE [ARGS]\n"
	       "Make and use encrypted containers in a file: LUKS1 (opens with\n"
	       "cryptsetup --type luks1, and the other way round) or plain (no header).\n"
	       "\n"
	       "Commands:\n"
	       "  format -k KEYFILE [--size SIZE] [-c MODE] [-i ITER] [-f] FILE\n"
	       "      write a new LUKS1 header, the passphrase in key slot 0\n"
	       "  dump FILE\n"
	       "      print the LUKS1 header and which key slots are in use\n"
	       "  read -k KEYFILE FILE SECTOR [COUNT]\n"
	       "      decrypt COUNT sectors from SECTOR to standard output\n"
	       "      (default: to the end of the container)\n"
	       "  write -k KEYFILE FILE SECTOR\n"
	       "      encrypt standard input into the sectors from SECTOR on (the last\n"
	       "      sector is padded with zeros)\n"
	       "  add-key -k KEYFILE -n NEWKEYFILE [-i ITER] FILE\n"
	       "      add a passphrase in the first free key slot\n"
	       "  remove-key -k KEYFILE -s SLOT [-f] FILE\n"
	       "      disable a key slot and wipe its key material\n"
	       "  read and write take -p HEXKEY [-c MODE] [-o OFFSET] instead of -k\n"
	       "      for a plain container (no header: the key itself, in hex)\n"
	       "\n"
	       "Options:\n"
	       "  -k, --key-file FILE      the passphrase: FILE's bytes exactly, as\n"
	       "                           cryptsetup's --key-file (\"-\": standard input;\n"
	       "                           at most 8M, not empty); required except by dump\n"
	       "  -n, --new-key-file FILE  add-key: the new passphrase, the same way\n"
	       "  -s, --slot N             remove-key: the key slot, 0..7 (dump lists them)\n"
	       "  -c, --cipher MODE        aes-MODE: xts-plain64 (default, 512-bit key) or\n"
	       "                           cbc-essiv:sha256 (256-bit key); for format and\n"
	       "                           plain mode (LUKS1 names its mode in the header)\n"
	       "  -i, --iter N             PBKDF2 iterations of a new key slot, at least\n"
	       "                           1000 (default 100000); the master-key digest\n"
	       "                           gets N/8, at least 1000\n"
	       "      --size SIZE          format: create FILE, or grow it, to SIZE bytes\n"
	       "                           (K/M/G suffixes); more than 2M, since header and\n"
	       "                           key slots take 2M; a file is never shrunk\n"
	       "                           (default: use FILE as it is)\n"
	       "  -f, --force              format: overwrite an existing LUKS1 container;\n"
	       "                           remove-key: remove the last key slot too\n"
	       "  -p, --hex-key HEX        plain mode: the volume key in hex, e.g. 128\n"
	       "                           digits (64 bytes) for xts-plain64, 64 digits\n"
	       "                           (32 bytes) for cbc-essiv:sha256\n"
	       "  -o, --offset N           plain mode: bytes of FILE before the encrypted\n"
	       "                           area, a multiple of 512 (default 0)\n"
	       "  -h, --help               this text\n"
	       "\n"
	       "SECTOR and COUNT count 512-byte sectors from the start of the payload\n"
	       "(LUKS1: 2M into FILE; plain: OFFSET).  Exit status: 0 done, 1 failed\n"
	       "(wrong passphrase, not a container, past the end, I/O), 2 bad command\n"
	       "line.\n");
}

static int urandom(void *buf, size_t len)
{
	int fd = open("/dev/urandom", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, len);

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)len ? 0 : -EIO;
}

/* Print "cryptloop: WHAT: MESSAGE"; return 1, the exit status of a failure. */
static int fail(const char *what, const char *fmt, ...) __printf(2, 3);
static int fail(const char *what, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, PROG ": %s: ", what);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

/* The library's error codes for a container, in words. */
static int fail_container(const char *file, int err)
{
	if (err == -EPERM)
		return fail(file, "wrong passphrase (no key slot opens with it)");
	if (err == -EINVAL)
		return fail(file, "not a LUKS1 container, or an unsupported one");
	if (err == -EUCLEAN)
		return fail(file, "damaged LUKS1 header");
	return fail(file, "%s", strerror(-err));
}

/* Read a key file whole; NULL after a message. */
static char *read_keyfile(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *buf = f ? malloc(KEYFILE_MAX + 1) : NULL;

	if (!f || !buf) {
		fail(path, "%s", strerror(errno));
		goto out_close;
	}
	*len = fread(buf, 1, KEYFILE_MAX + 1, f);
	if (ferror(f) || *len == 0 || *len > KEYFILE_MAX) {
		fail(path, ferror(f) ? strerror(errno) : *len ? "key file larger "
		     "than 8M" : "key file is empty (no passphrase)");
		free(buf);
		buf = NULL;
	}
out_close:
	if (f && f != stdin)
		fclose(f);
	return buf;
}

static void free_key(char *pass, size_t len)
{
	if (pass)
		crypto_memzero(pass, len);
	free(pass);
}

static int open_file(struct blkio *bio, const char *file, bool read_only)
{
	int ret = blkio_file_open(bio, file, 512, read_only);

	if (ret)
		return fail(file, "%s", strerror(-ret));
	return 0;
}

static void print_hex(const char *label, const u8 *p, size_t n)
{
	size_t i;

	printf("%s", label);
	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

static int cmd_dump(const char *file, const struct opts *o, char **args)
{
	struct luks1_header h;
	struct blkio bio;
	int i, ret;

	if (open_file(&bio, file, true))
		return 1;
	ret = luks1_read_header(&bio, &h);
	blkio_file_close(&bio);
	if (ret)
		return fail_container(file, ret);
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

/* Decode -p; 0, or -EINVAL for anything but pairs of hex digits. */
static int parse_hexkey(const char *hex, u8 *key, size_t *len)
{
	size_t n = strlen(hex), i;

	if (!n || n % 2 || n / 2 > CRYPTO_MAX_KEY ||
	    strspn(hex, "0123456789abcdefABCDEF") != n)
		return -EINVAL;
	for (i = 0; i < n / 2; i++)
		sscanf(hex + 2 * i, "%2hhx", &key[i]);
	*len = n / 2;
	return 0;
}

static int open_plain(struct cryptloop *cl, struct blkio *bio, const char *file,
		      const struct opts *o)
{
	u8 key[CRYPTO_MAX_KEY];
	size_t len = 0;
	int ret;

	parse_hexkey(o->hexkey, key, &len);	/* checked by check_args() */
	if (o->offset >= bio->nr_sectors * 512ull)
		return fail(file, "-o %llu is past the end of the file",
			    (unsigned long long)o->offset);
	ret = cryptloop_open_plain(cl, bio, o->mode, key, len, o->offset, 512);
	crypto_memzero(key, sizeof(key));
	if (ret == -EINVAL)
		return fail("-p", "a %zu-byte key does not fit aes-%s", len,
			    o->mode ? o->mode : "xts-plain64");
	return ret ? fail(file, "%s", strerror(-ret)) : 0;
}

/* Attach the plaintext view of @file (LUKS1 with -k, plain with -p). */
static int open_dev(struct cryptloop *cl, struct blkio *bio, const char *file,
		    const struct opts *o, bool read_only)
{
	size_t plen;
	char *pass;
	int ret;

	if (open_file(bio, file, read_only))
		return 1;
	if (o->hexkey) {
		ret = open_plain(cl, bio, file, o);
		goto out;
	}
	pass = read_keyfile(o->keyfile, &plen);
	if (!pass) {
		ret = 1;
		goto out;
	}
	ret = cryptloop_open_luks1(cl, bio, pass, plen, 512);
	free_key(pass, plen);
	if (ret)
		ret = fail_container(file, ret);
out:
	if (ret)
		blkio_file_close(bio);
	return ret;
}

static int close_dev(struct cryptloop *cl, struct blkio *bio, const char *file,
		     int status)
{
	int ret = cryptloop_close(cl);

	blkio_file_close(bio);
	if (ret && !status)
		status = fail(file, "%s", strerror(-ret));
	return status;
}

/* The payload's sectors [first, first + count) must exist. */
static int check_range(const char *file, u64 first, u64 count, u64 nr)
{
	if (first < nr && count <= nr - first)
		return 0;
	return fail(file, "sectors %llu..%llu are past the end: the container "
		    "holds %llu sectors of 512 bytes (0..%llu)",
		    (unsigned long long)first,
		    (unsigned long long)(first + count - 1),
		    (unsigned long long)nr, (unsigned long long)nr - 1);
}

static int cmd_read(const char *file, const struct opts *o, char **args)
{
	static u8 buf[CHUNK_SECTORS * 512];
	struct cryptloop cl = { 0 };
	uint64_t first, count;
	struct blkio bio, *d;
	int ret;

	cli_parse_size(args[0], &first);	/* checked by check_args() */
	if (open_dev(&cl, &bio, file, o, true))
		return 1;
	d = cryptloop_blkio(&cl);
	if (!args[1] || cli_parse_size(args[1], &count))
		count = first < d->nr_sectors ? d->nr_sectors - first : 1;
	ret = check_range(file, first, count, d->nr_sectors);
	while (!ret && count) {
		u32 n = (u32)min(count, (u64)CHUNK_SECTORS);

		ret = d->read(d, first, buf, n);
		if (ret)
			ret = fail(file, "sector %llu: %s", (unsigned long long)first,
				   strerror(-ret));
		else if (fwrite(buf, 512, n, stdout) != n)
			ret = fail("standard output", "%s", strerror(errno));
		first += n;
		count -= n;
	}
	return close_dev(&cl, &bio, file, ret);
}

/* Sectors left in standard input if it is a regular file, else 0. */
static u64 stdin_sectors(void)
{
	struct stat st;
	off_t pos = lseek(0, 0, SEEK_CUR);

	if (fstat(0, &st) || !S_ISREG(st.st_mode) || pos < 0 || st.st_size < pos)
		return 0;
	return DIV_ROUND_UP((u64)(st.st_size - pos), 512);
}

static int cmd_write(const char *file, const struct opts *o, char **args)
{
	static u8 buf[CHUNK_SECTORS * 512];
	struct cryptloop cl = { 0 };
	struct blkio bio, *d;
	uint64_t sector;
	u64 known, start;
	size_t n;
	int ret;

	cli_parse_size(args[0], &sector);	/* checked by check_args() */
	if (open_dev(&cl, &bio, file, o, false))
		return 1;
	d = cryptloop_blkio(&cl);
	known = stdin_sectors();
	ret = known ? check_range(file, sector, known, d->nr_sectors) : 0;
	start = sector;
	while (!ret && (n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
		u32 count = DIV_ROUND_UP(n, 512);

		memset(buf + n, 0, count * 512 - n);
		ret = check_range(file, sector, count, d->nr_sectors);
		if (ret && sector > start)
			fail(file, "sectors %llu..%llu were written, the rest of "
			     "standard input was not", (unsigned long long)start,
			     (unsigned long long)sector - 1);
		if (ret)
			break;
		ret = d->write(d, sector, buf, count);
		if (ret)
			ret = fail(file, "sector %llu: %s", (unsigned long long)sector,
				   strerror(-ret));
		sector += count;
	}
	if (!ret && ferror(stdin))
		ret = fail("standard input", "%s", strerror(errno));
	return close_dev(&cl, &bio, file, ret);
}

/* Read the header and recover the master key with -k. */
static int unlock(struct blkio *bio, const char *file, const struct opts *o,
		  struct luks1_header *h, u8 *mk)
{
	size_t plen;
	char *pass;
	int ret = luks1_read_header(bio, h);

	if (ret)
		return fail_container(file, ret);
	pass = read_keyfile(o->keyfile, &plen);
	if (!pass)
		return 1;
	ret = luks1_unlock(bio, h, pass, plen, mk, NULL);
	free_key(pass, plen);
	return ret ? fail_container(file, ret) : 0;
}

static int cmd_add_key(const char *file, const struct opts *o, char **args)
{
	struct luks1_header h;
	u8 mk[CRYPTO_MAX_KEY];
	struct blkio bio = { 0 };
	size_t nlen;
	char *npass;
	int ret, slot;

	npass = read_keyfile(o->newkeyfile, &nlen);
	if (!npass)
		return 1;
	ret = open_file(&bio, file, false);
	if (!ret)
		ret = unlock(&bio, file, o, &h, mk);
	if (!ret) {
		ret = luks1_add_key(&bio, &h, mk, npass, nlen, (u32)o->iter, &slot);
		if (ret == -ENOSPC)
			ret = fail(file, "all %d key slots are in use: remove one "
				   "first", LUKS1_NUMKEYS);
		else if (ret)
			ret = fail(file, "%s", strerror(-ret));
		else
			printf("key slot %d added\n", slot);
	}
	crypto_memzero(mk, sizeof(mk));
	free_key(npass, nlen);
	if (bio.priv)
		blkio_file_close(&bio);
	return ret;
}

static int slots_in_use(const struct luks1_header *h)
{
	int i, n = 0;

	for (i = 0; i < LUKS1_NUMKEYS; i++)
		n += h->slots[i].active == LUKS1_KEY_ENABLED;
	return n;
}

/* Refuse to remove a slot that is free, or the last one without -f. */
static int check_removal(const char *file, const struct luks1_header *h,
			 const struct opts *o)
{
	int slot = (int)o->slot;

	if (h->slots[slot].active != LUKS1_KEY_ENABLED)
		return fail(file, "key slot %d is not in use (see: cryptloop dump)",
			    slot);
	if (slots_in_use(h) == 1 && !o->force)
		return fail(file, "key slot %d is the last one: without it no "
			    "passphrase opens the container and its data are "
			    "lost for good; give --force to remove it anyway",
			    slot);
	return 0;
}

static int cmd_remove_key(const char *file, const struct opts *o, char **args)
{
	struct luks1_header h;
	u8 mk[CRYPTO_MAX_KEY];
	struct blkio bio;
	int ret;

	if (open_file(&bio, file, false))
		return 1;
	ret = luks1_read_header(&bio, &h);
	if (ret)
		ret = fail_container(file, ret);
	if (!ret)
		ret = check_removal(file, &h, o);
	if (!ret)
		ret = unlock(&bio, file, o, &h, mk);
	if (!ret && (ret = luks1_kill_slot(&bio, &h, (int)o->slot)))
		ret = fail(file, "%s", strerror(-ret));
	if (!ret)
		printf("key slot %d removed\n", (int)o->slot);
	crypto_memzero(mk, sizeof(mk));
	blkio_file_close(&bio);
	return ret;
}

/* With --size: create @file or grow it; never shrink it. */
static int prepare_file(const char *file, const struct opts *o)
{
	struct stat st;
	int fd, ret = 0;

	if (!o->has_size)
		return stat(file, &st) ? fail(file, "%s (give --size, e.g. --size "
					      "8M, to create it)", strerror(errno)) : 0;
	fd = open(file, O_RDWR | O_CREAT, 0600);
	if (fd < 0 || fstat(fd, &st))
		ret = fail(file, "%s", strerror(errno));
	else if ((u64)st.st_size > o->size)
		ret = fail(file, "already %llu bytes, more than --size %llu; a "
			   "file is never shrunk", (unsigned long long)st.st_size,
			   (unsigned long long)o->size);
	else if (ftruncate(fd, (off_t)o->size))
		ret = fail(file, "%s", strerror(errno));
	if (fd >= 0)
		close(fd);
	return ret;
}

/* FILE must be big enough, and hold no LUKS1 container unless -f. */
static int check_target(struct blkio *bio, const char *file, bool force)
{
	u8 raw[512];

	if (bio->nr_sectors * 512 < MIN_CONTAINER)
		return fail(file, "%llu bytes is too small: a LUKS1 container needs "
			    "more than 2M (header and key slots take 2M); give "
			    "--size, e.g. --size 8M, to grow the file",
			    (unsigned long long)bio->nr_sectors * 512);
	if (bio->read(bio, 0, raw, 1))
		return fail(file, "cannot read the first sector");
	if (!force && !memcmp(raw, LUKS1_MAGIC, LUKS1_MAGIC_LEN))
		return fail(file, "already holds a LUKS1 container, which format "
			    "would destroy; give --force to do it anyway");
	return 0;
}

static int cmd_format(const char *file, const struct opts *o, char **args)
{
	struct luks1_header h;
	struct blkio bio;
	size_t plen;
	char *pass;
	int ret;

	pass = read_keyfile(o->keyfile, &plen);
	if (!pass)
		return 1;
	ret = prepare_file(file, o);
	if (!ret)
		ret = open_file(&bio, file, false);
	if (ret)
		goto out_free;
	ret = check_target(&bio, file, o->force);
	if (!ret && (ret = luks1_format(&bio, o->mode, 0, pass, plen, (u32)o->iter, &h)))
		ret = fail(file, "%s", strerror(-ret));
	if (!ret)
		printf("formatted: aes-%s, %u-bit key, UUID %s\n", h.cipher_mode,
		       h.key_bytes * 8, h.uuid);
	blkio_file_close(&bio);
out_free:
	free_key(pass, plen);
	return ret;
}

static const struct command commands[] = {
	{ "format", "kcifS", true, 0, 0, cmd_format },
	{ "dump", "", false, 0, 0, cmd_dump },
	{ "read", "kpco", true, 1, 2, cmd_read },
	{ "write", "kpco", true, 1, 1, cmd_write },
	{ "add-key", "kni", true, 0, 0, cmd_add_key },
	{ "remove-key", "ksf", true, 0, 0, cmd_remove_key },
};

static const struct option longopts[] = {
	{ "key-file", required_argument, NULL, 'k' },
	{ "new-key-file", required_argument, NULL, 'n' },
	{ "slot", required_argument, NULL, 's' },
	{ "cipher", required_argument, NULL, 'c' },
	{ "iter", required_argument, NULL, 'i' },
	{ "size", required_argument, NULL, OPT_SIZE },
	{ "force", no_argument, NULL, 'f' },
	{ "hex-key", required_argument, NULL, 'p' },
	{ "offset", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* The option's name, for messages. */
static const char *opt_name(int c)
{
	static char s[3] = "-?";

	if (c == OPT_SIZE)
		return "--size";
	s[1] = (char)c;
	return s;
}

static int set_option(struct opts *o, int c, const char *v)
{
	const char *n = opt_name(c);

	switch (c) {
	case 'k': o->keyfile = v; return 0;
	case 'n': o->newkeyfile = v; return 0;
	case 'p': o->hexkey = v; return 0;
	case 'f': o->force = true; return 0;
	case 'c':
		if (strcmp(v, "xts-plain64") && strcmp(v, "cbc-essiv:sha256"))
			return cli_usage_error(PROG, "-c %s: expected xts-plain64 "
					       "or cbc-essiv:sha256", v);
		o->mode = v;
		return 0;
	case 's':
		o->has_slot = true;
		return cli_number(PROG, n, v, 0, LUKS1_NUMKEYS - 1, "a key slot 0..7",
				  &o->slot);
	case 'i':
		o->has_iter = true;
		return cli_number(PROG, n, v, LUKS1_MIN_ITER, UINT32_MAX, NULL, &o->iter);
	case 'o':
		o->has_offset = true;
		if (cli_number(PROG, n, v, 0, UINT64_MAX, "bytes, a multiple of 512",
			       &o->offset))
			return CLI_EXIT_USAGE;
		return o->offset % 512 ? cli_usage_error(PROG, "-o %s: expected "
							 "bytes, a multiple of 512", v) : 0;
	case OPT_SIZE:
		o->has_size = true;
		return cli_number(PROG, n, v, MIN_CONTAINER, INT64_MAX,
				  "a size of more than 2M (e.g. 8M)", &o->size);
	}
	return 0;
}

/* Options that do not apply to @cmd, and ones that are missing. */
static int check_options(const struct command *cmd, const struct opts *o,
			 const char *given)
{
	const char *c;

	for (c = given; *c; c++)
		if (!strchr(cmd->options, *c))
			return cli_usage_error(PROG, "%s does not apply to %s",
					       opt_name(*c), cmd->name);
	if (cmd->needs_key && !o->keyfile && !o->hexkey)
		return cli_usage_error(PROG, "%s needs -k KEYFILE%s", cmd->name,
				       strchr(cmd->options, 'p') ? " (or -p HEXKEY)" : "");
	if (o->keyfile && o->hexkey)
		return cli_usage_error(PROG, "-k (LUKS1) and -p (plain) exclude each other");
	if (o->keyfile && (o->mode || o->has_offset) && strchr(cmd->options, 'p'))
		return cli_usage_error(PROG, "-c and -o are for plain mode (-p): a "
				       "LUKS1 header names its own cipher and payload");
	if (strchr(cmd->options, 'n') && !o->newkeyfile)
		return cli_usage_error(PROG, "add-key needs -n NEWKEYFILE");
	if (strchr(cmd->options, 's') && !o->has_slot)
		return cli_usage_error(PROG, "remove-key needs -s SLOT (0..7)");
	return 0;
}

/* Keys from standard input, the hex key, and the positional arguments. */
static int check_args(const struct command *cmd, const struct opts *o,
		      char **args, int nargs)
{
	u8 key[CRYPTO_MAX_KEY];
	size_t len;
	uint64_t v;
	int i;

	if (o->keyfile && o->newkeyfile && !strcmp(o->keyfile, "-") &&
	    !strcmp(o->newkeyfile, "-"))
		return cli_usage_error(PROG, "-k and -n cannot both read standard input");
	if (cmd->run == cmd_write && o->keyfile && !strcmp(o->keyfile, "-"))
		return cli_usage_error(PROG, "write reads the data from standard "
				       "input: give -k a file");
	if (o->hexkey && parse_hexkey(o->hexkey, key, &len))
		return cli_usage_error(PROG, "-p: expected the key as pairs of hex "
				       "digits (up to %d bytes)", CRYPTO_MAX_KEY);
	if (nargs < cmd->min_args || nargs > cmd->max_args)
		return cli_usage_error(PROG, "%s expects FILE%s", cmd->name,
				       cmd->max_args == 2 ? " SECTOR [COUNT]" :
				       cmd->max_args ? " SECTOR" : " only");
	for (i = 0; i < nargs; i++)
		if (cli_number(PROG, i ? "COUNT" : "SECTOR", args[i], i, UINT64_MAX,
			       i ? "a number of sectors, at least 1" :
			       "a sector number (from 0)", &v))
			return CLI_EXIT_USAGE;
	return 0;
}

/* Parse everything; 0, or the exit status (help: -1 for 0). */
static int parse_args(int argc, char **argv, const struct command **cmd,
		      struct opts *o)
{
	char given[32] = "";
	size_t n;
	int c, ret;

	if (argc < 2)
		return cli_usage_error(PROG, "expected a command: format, dump, "
				       "read, write, add-key or remove-key");
	if (cli_is_help(argv[1]) || !strcmp(argv[1], "help"))
		return -1;
	*cmd = cli_find(commands, ARRAY_SIZE(commands), sizeof(commands[0]),
			argv[1]);
	if (!*cmd && argv[1][0] == '-')
		return cli_usage_error(PROG, "the command comes first: cryptloop "
				       "COMMAND [options] FILE");
	if (!*cmd)
		return cli_usage_error(PROG, "unknown command '%s'", argv[1]);
	optind = 2;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":k:n:s:c:i:fp:o:h", longopts, NULL)) != -1) {
		if (c == 'h')
			return -1;
		if (c == '?' || c == ':')
			return cli_getopt_error(PROG, c, argv, longopts);
		ret = set_option(o, c, optarg);
		if (ret)
			return ret;
		n = strlen(given);
		if (!strchr(given, c) && n < sizeof(given) - 1) {
			given[n] = (char)c;
			given[n + 1] = 0;
		}
	}
	if (optind >= argc)
		return cli_usage_error(PROG, "%s: expected FILE", (*cmd)->name);
	ret = check_options(*cmd, o, given);
	return ret ? ret : check_args(*cmd, o, argv + optind + 1, argc - optind - 1);
}

int main(int argc, char **argv)
{
	struct opts o = { .iter = DEFAULT_ITER };
	const struct command *cmd = NULL;
	char *args[3] = { NULL };
	int ret, i;

	ret = parse_args(argc, argv, &cmd, &o);
	if (ret < 0)
		usage();
	if (ret)
		return ret < 0 ? 0 : ret;
	for (i = 0; i + optind + 1 < argc; i++)
		args[i] = argv[optind + 1 + i];
	crypto_rng_set_source(urandom);
	if (crypto_init())
		fprintf(stderr, PROG ": some algorithms failed their self-test\n");
	return cmd->run(argv[optind], &o, args);
}

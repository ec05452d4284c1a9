// SPDX-License-Identifier: GPL-2.0
/*
 * Host-only: LUKS1 interoperability with Debian's cryptsetup, both ways.
 *
 * cryptsetup -> ours: a container from `cryptsetup luksFormat --type luks1`
 * (XTS, CBC-ESSIV, SHA-1 hash; one with --iter-time 10) unlocks here with
 * the master key that `luksDump --dump-master-key` prints; a key slot we add
 * opens in cryptsetup and a slot we kill no longer does.
 * ours -> cryptsetup: a container from luks1_format() passes `luksDump`
 * and `luksOpen --test-passphrase` (and a wrong passphrase fails), and
 * sectors we wrote through the encrypted loop decrypt, with the master key
 * cryptsetup dumps and the sector number as IV, to our plaintext.
 * Skips when cryptsetup is missing (looked for on PATH, then in /usr/sbin
 * and /sbin: tests/host/ktest_main.c).  Runs cryptsetup on plain files: no
 * device-mapper needed.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <crypto/crypto.h>
#include <block/luks1.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <unistd.h>

static char img[64];
static bool have_cryptsetup;

static int urandom(void *buf, size_t len)
{
	int fd = open("/dev/urandom", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, len);

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)len ? 0 : -EIO;
}

static int run(const char *fmt, ...) __printf(1, 2);
static int run(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Parse the "MK dump:" hex of `cryptsetup luksDump --dump-master-key`. */
static int dump_mk(const char *pass, u8 *mk, int max)
{
	char cmd[256], line[256];
	bool in = false;
	int n = 0;
	FILE *p;

	snprintf(cmd, sizeof(cmd), "printf '%s' | cryptsetup luksDump -q "
		 "--dump-master-key --key-file - %s 2>/dev/null", pass, img);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	while (fgets(line, sizeof(line), p)) {
		char *s = line;
		unsigned int b;
		int used;

		if (!strncmp(line, "MK dump:", 8)) {
			in = true;
			s += 8;
		} else if (!in || (line[0] != '\t' && line[0] != ' ')) {
			in = false;
			continue;
		}
		while (n < max && sscanf(s, " %2x%n", &b, &used) == 1) {
			mk[n++] = (u8)b;
			s += used;
		}
	}
	pclose(p);
	return n;
}

static int interop_init(void)
{
	have_cryptsetup = run("command -v cryptsetup >/dev/null 2>&1") == 0;
	snprintf(img, sizeof(img), "/tmp/luks1-interop.%d.img", (int)getpid());
	crypto_rng_set_source(urandom);
	return 0;
}

static void interop_exit(void)
{
	unlink(img);
	crypto_rng_set_source(NULL);
}

struct cs_param {
	const char *cipher;	/* cryptsetup --cipher */
	int key_bits;
	const char *hash;
	bool iter_time;		/* --iter-time 10 instead of forced 1000 */
};

static const struct cs_param cs_params[] = {
	{ "aes-xts-plain64", 512, "sha256", true },
	{ "aes-cbc-essiv:sha256", 256, "sha256", false },
	{ "aes-xts-plain64", 256, "sha1", false },
};

static void describe_cs(const void *p, char *buf, size_t len)
{
	const struct cs_param *c = p;

	snprintf(buf, len, "%s-%d %s%s", c->cipher, c->key_bits, c->hash,
		 c->iter_time ? " iter-time" : "");
}

static void cryptsetup_container_opens_here(struct ktest *t)
{
	const struct cs_param *c = t->param;
	u8 mk[64], theirs[64];
	struct luks1_header h;
	struct blkio bio;
	int slot;

	if (!have_cryptsetup) {
		ktest_skip(t, "cryptsetup not installed");
		return;
	}
	KASSERT_EQ(t, run("rm -f %s && truncate -s 4M %s", img, img), 0);
	KASSERT_EQ(t, run("printf 'their pass' | cryptsetup luksFormat -q --type luks1 "
			  "--cipher %s --key-size %d --hash %s %s --key-file - %s",
			  c->cipher, c->key_bits, c->hash, c->iter_time ?
			  "--iter-time 10" : "--pbkdf-force-iterations 1000", img), 0);
	KASSERT_EQ(t, dump_mk("their pass", theirs, 64), c->key_bits / 8);
	KASSERT_EQ(t, blkio_file_open(&bio, img, 512, false), 0);
	KASSERT_EQ(t, luks1_read_header(&bio, &h), 0);
	KEXPECT_EQ(t, h.key_bytes, c->key_bits / 8);
	KEXPECT_STREQ(t, h.hash_spec, c->hash);
	KEXPECT_EQ(t, luks1_unlock(&bio, &h, "their pass", 10, mk, &slot), 0);
	KEXPECT_MEMEQ(t, mk, theirs, c->key_bits / 8);
	ktest_printf("    # 'no key slot opens' below is expected\n");
	KEXPECT_EQ(t, luks1_unlock(&bio, &h, "their pasS", 10, mk, &slot), -EPERM);
	KEXPECT_EQ(t, luks1_unlock(&bio, &h, "their pass", 10, mk, &slot), 0);
	/* a slot we add opens in cryptsetup; a slot we kill does not */
	KEXPECT_EQ(t, luks1_add_key(&bio, &h, mk, "our pass", 8, 1000, &slot), 0);
	KEXPECT_EQ(t, slot, 1);
	KEXPECT_EQ(t, luks1_kill_slot(&bio, &h, 0), 0);
	blkio_file_close(&bio);
	KEXPECT_EQ(t, run("printf 'our pass' | cryptsetup luksOpen --test-passphrase "
			  "--key-file - %s", img), 0);
	KEXPECT_NE(t, run("printf 'their pass' | cryptsetup luksOpen --test-passphrase "
			  "--key-file - %s 2>/dev/null", img), 0);
}

static const char *const our_modes[] = { "xts-plain64", "cbc-essiv:sha256" };

static void describe_mode(const void *p, char *buf, size_t len)
{
	snprintf(buf, len, "%s", *(const char *const *)p);
}

static void our_container_opens_in_cryptsetup(struct ktest *t)
{
	const char *mode = *(const char *const *)t->param;
	bool xts = !strcmp(mode, "xts-plain64");
	struct crypto_cipher *tfm;
	struct cryptloop cl = { 0 };
	struct luks1_header h;
	u8 plain[8 * 512], ct[512], out[512], iv[16], mk[64];
	struct blkio bio;
	int i, kb;
	FILE *f;

	if (!have_cryptsetup) {
		ktest_skip(t, "cryptsetup not installed");
		return;
	}
	for (i = 0; i < (int)sizeof(plain); i++)
		plain[i] = (u8)(i * 13 + 1);
	KASSERT_EQ(t, run("rm -f %s && truncate -s 4M %s", img, img), 0);
	KASSERT_EQ(t, blkio_file_open(&bio, img, 512, false), 0);
	KASSERT_EQ(t, luks1_format(&bio, mode, 0, "ours", 4, 1000, &h), 0);
	KASSERT_EQ(t, cryptloop_open_luks1(&cl, &bio, "ours", 4, 4096), 0);
	/* 4096-byte device block 1 = 512-byte sectors 8..15 */
	KEXPECT_EQ(t, cryptloop_blkio(&cl)->write(cryptloop_blkio(&cl), 1, plain, 1), 0);
	KEXPECT_EQ(t, cryptloop_close(&cl), 0);
	blkio_file_close(&bio);

	KEXPECT_EQ(t, run("cryptsetup luksDump %s | grep -q 'Cipher mode:.*%s'", img, mode), 0);
	KEXPECT_EQ(t, run("printf ours | cryptsetup luksOpen --test-passphrase "
			  "--key-file - %s", img), 0);
	KEXPECT_NE(t, run("printf ourz | cryptsetup luksOpen --test-passphrase "
			  "--key-file - %s 2>/dev/null", img), 0);
	kb = dump_mk("ours", mk, 64);
	KASSERT_EQ(t, kb, xts ? 64 : 32);

	/* decrypt sectors 8..15 with cryptsetup's key: our plaintext */
	tfm = crypto_alloc_cipher(xts ? "xts(aes)" : "essiv(cbc(aes),sha256)");
	KASSERT_FALSE(t, IS_ERR(tfm));
	KASSERT_EQ(t, crypto_cipher_setkey(tfm, mk, kb), 0);
	f = fopen(img, "rb");
	KASSERT_NOT_NULL(t, f);
	for (i = 0; i < 8; i++) {
		int s = 8 + i;

		KASSERT_EQ(t, fseek(f, ((long)h.payload_offset + s) * 512, SEEK_SET), 0);
		KASSERT_EQ(t, fread(ct, 1, 512, f), 512);
		memset(iv, 0, sizeof(iv));
		iv[0] = (u8)s;
		KEXPECT_EQ(t, crypto_cipher_decrypt(tfm, iv, ct, out, 512), 0);
		KEXPECT_MEMEQ(t, out, plain + i * 512, 512);
	}
	fclose(f);
	crypto_free_cipher(tfm);
}

static struct ktest_case interop_cases[] = {
	KTEST_CASE_PARAMS(cryptsetup_container_opens_here, cs_params, describe_cs),
	KTEST_CASE_PARAMS(our_container_opens_in_cryptsetup, our_modes, describe_mode),
	{}
};

static struct ktest_suite interop_suite = {
	.name = "luks1_cryptsetup",
	.cases = interop_cases,
	.suite_init = interop_init,
	.suite_exit = interop_exit,
};
KTEST_SUITE(interop_suite);

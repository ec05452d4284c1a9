// SPDX-License-Identifier: GPL-2.0
/*
 * cryptsetup: encrypted containers through /dev/cryptctl (include/uapi/
 * loop-crypt.h).
 *   cryptsetup luksFormat [--cipher C] [--key-size BITS] [--iter N]
 *              [--key-file F] [-q] DEVICE
 *   cryptsetup open [--type luks1|plain] [--cipher C] [--key-size BITS]
 *              [--readonly] [--key-file F] DEVICE NAME   -> /dev/crypt-NAME
 *   cryptsetup close NAME
 *   cryptsetup status NAME
 *
 * The passphrase, as cryptsetup reads it: with --key-file F the whole file
 * ("-": all of standard input), newlines included; otherwise one line from
 * standard input, without its newline (on a terminal: prompted for with
 * echo off, and asked twice by luksFormat).  luksFormat on a terminal
 * asks for "YES" first, unless -q.  An empty passphrase at a terminal
 * prompt ends with exit status 2 (a boot script takes it as "skip").
 * Ciphers: aes-xts-plain64 (default, 256 or 512-bit keys) and
 * aes-cbc-essiv:sha256 (128, 192, 256).  The kernel makes the volume key
 * and salts; when /proc/crypto says its random generator is not secure
 * (no entropy source on the board: the time-based fallback), luksFormat
 * warns on standard error before it asks for the passphrase.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <uapi/loop-crypt.h>

struct opts {
	unsigned int type;		/* CRYPT_TYPE_* */
	const char *cipher;		/* NULL: the default */
	unsigned int key_bits;		/* 0: the cipher's default */
	unsigned int iter;		/* 0: the kernel's default */
	const char *key_file;
	int read_only, batch;
	const char *args[2];
	int nargs;
};

/* Exit status when the terminal prompt got an empty line: /etc/rc skips. */
#define EXIT_NO_PASSPHRASE	2

/* Secrets live here only, and are wiped before exit. */
static char pass[CRYPT_PASS_MAX], pass2[CRYPT_PASS_MAX];

static int usage(void)
{
	fprintf(stderr,
		"usage: cryptsetup luksFormat [--cipher C] [--key-size BITS] [--iter N]\n"
		"                             [--key-file F] [-q] DEVICE\n"
		"       cryptsetup open [--type luks1|plain] [--cipher C] [--key-size BITS]\n"
		"                       [--readonly] [--key-file F] DEVICE NAME\n"
		"       cryptsetup close NAME | cryptsetup status NAME\n");
	return 2;
}

static int fail(const char *what)
{
	fprintf(stderr, "cryptsetup: %s: %s\n", what, strerror(errno));
	return 1;
}

static void wipe(void)
{
	memset(pass, 0, sizeof(pass));
	memset(pass2, 0, sizeof(pass2));
	__asm__ volatile("" : : "r"(pass), "r"(pass2) : "memory");
}

/* One line from @fd into @buf, without the newline; -1 if it is too long. */
static int read_line(int fd, char *buf, size_t max, size_t *len)
{
	char c;

	*len = 0;
	while (read(fd, &c, 1) == 1 && c != '\n') {
		if (*len == max)
			return -1;
		buf[(*len)++] = c;
	}
	return 0;
}

/* All of @path ("-": standard input); -1 past CRYPT_PASS_MAX bytes. */
static int read_key_file(const char *path, char *buf, size_t *len)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY) : 0;
	ssize_t n;
	char extra;

	if (fd < 0)
		return fail(path);
	*len = 0;
	while (*len < CRYPT_PASS_MAX &&
	       (n = read(fd, buf + *len, CRYPT_PASS_MAX - *len)) > 0)
		*len += n;
	n = read(fd, &extra, 1);
	if (fd)
		close(fd);
	if (n > 0) {
		fprintf(stderr, "cryptsetup: %s: key file larger than %d bytes\n",
			path, CRYPT_PASS_MAX);
		return 1;
	}
	return 0;
}

/* Prompt on the terminal with echo off. */
static int prompt(const char *what, char *buf, size_t *len)
{
	struct termios t, quiet;
	int echo_off, ret;

	fprintf(stderr, "%s: ", what);
	echo_off = tcgetattr(0, &t) == 0;
	if (echo_off) {
		quiet = t;
		quiet.c_lflag &= ~ECHO;
		tcsetattr(0, TCSAFLUSH, &quiet);
	}
	ret = read_line(0, buf, CRYPT_PASS_MAX, len);
	if (echo_off)
		tcsetattr(0, TCSAFLUSH, &t);
	fputc('\n', stderr);
	if (ret)
		fprintf(stderr, "cryptsetup: passphrase longer than %d bytes\n",
			CRYPT_PASS_MAX);
	return ret ? 1 : 0;
}

/* The passphrase into pass[]; @verify: ask twice on a terminal. */
static int get_pass(const struct opts *o, int verify, unsigned int *len)
{
	size_t n = 0, n2 = 0;

	if (o->key_file) {
		if (read_key_file(o->key_file, pass, &n))
			return 1;
	} else if (!isatty(0)) {
		if (read_line(0, pass, CRYPT_PASS_MAX, &n)) {
			fprintf(stderr, "cryptsetup: passphrase longer than %d bytes\n",
				CRYPT_PASS_MAX);
			return 1;
		}
	} else {
		if (prompt("Enter passphrase", pass, &n))
			return 1;
		if (!n) {
			/* at a prompt, Enter alone (or Ctrl-D) means "not now" */
			fprintf(stderr, "cryptsetup: no passphrase entered\n");
			return EXIT_NO_PASSPHRASE;
		}
		if (verify && (prompt("Verify passphrase", pass2, &n2) ||
			       n != n2 || memcmp(pass, pass2, n))) {
			fprintf(stderr, "cryptsetup: passphrases do not match\n");
			return 1;
		}
	}
	*len = n;
	return 0;
}

static int copy_name(char *dst, const char *src)
{
	if (strlen(src) >= CRYPT_NAME_MAX || !*src || strchr(src, '/')) {
		fprintf(stderr, "cryptsetup: bad name '%s'\n", src);
		return -1;
	}
	strcpy(dst, src);
	return 0;
}

static int copy_cipher(char *dst, const char *src)
{
	if (!src)
		src = "aes-xts-plain64";
	if (strlen(src) >= CRYPT_CIPHER_MAX) {
		fprintf(stderr, "cryptsetup: bad cipher '%s'\n", src);
		return -1;
	}
	strcpy(dst, src);
	return 0;
}

static const char *req_name(unsigned long req)
{
	switch (req) {
	case CRYPT_OPEN:
		return "open";
	case CRYPT_CLOSE:
		return "close";
	case CRYPT_FORMAT:
		return "luksFormat";
	default:
		return "status";
	}
}

static int ctl(unsigned long req, void *arg)
{
	int fd = open("/dev/cryptctl", O_RDWR), r, e;

	if (fd < 0)
		return fail("/dev/cryptctl");
	r = ioctl(fd, req, arg);
	e = errno;
	close(fd);
	if (r == 0)
		return 0;
	errno = e;
	if (req == CRYPT_OPEN && e == EACCES)	/* the kernel's EKEYREJECTED */
		fprintf(stderr, "cryptsetup: No key available with this passphrase.\n");
	else if (e == EBUSY)
		fprintf(stderr, "cryptsetup: %s: device in use (mounted or mapped)\n",
			req_name(req));
	else
		return fail(req_name(req));
	return 1;
}

/* Options of every command; the rest are its arguments (at most 2). */
static int parse(int argc, char **argv, struct opts *o)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--type") && v) {
			if (!strcmp(v, "plain"))
				o->type = CRYPT_TYPE_PLAIN;
			else if (strcmp(v, "luks1") && strcmp(v, "luks"))
				return -1;
			i++;
		} else if (!strcmp(a, "--cipher") && v) {
			o->cipher = v;
			i++;
		} else if (!strcmp(a, "--key-size") && v) {
			o->key_bits = strtoul(v, NULL, 10);
			i++;
		} else if ((!strcmp(a, "--iter") || !strcmp(a, "--pbkdf-force-iterations")) && v) {
			o->iter = strtoul(v, NULL, 10);
			i++;
		} else if (!strcmp(a, "--key-file") && v) {
			o->key_file = v;
			i++;
		} else if (!strcmp(a, "--readonly")) {
			o->read_only = 1;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--batch-mode")) {
			o->batch = 1;
		} else if (a[0] == '-' || o->nargs == 2) {
			return -1;
		} else {
			o->args[o->nargs++] = a;
		}
	}
	return 0;
}

static unsigned int default_bits(const char *cipher)
{
	return cipher && !strcmp(cipher, "aes-cbc-essiv:sha256") ? 256 : 512;
}

static int do_open(struct opts *o)
{
	static struct crypt_open req;
	int fd, r;

	if (o->nargs != 2 || copy_name(req.name, o->args[1]) ||
	    copy_cipher(req.cipher, o->cipher))
		return usage();
	req.type = o->type;
	req.key_bits = o->key_bits ? o->key_bits : default_bits(o->cipher);
	req.flags = o->read_only ? CRYPT_F_READ_ONLY : 0;
	fd = open(o->args[0], o->read_only ? O_RDONLY : O_RDWR);
	if (fd < 0)
		return fail(o->args[0]);
	r = get_pass(o, 0, &req.pass_len);
	if (r) {
		close(fd);
		return r;
	}
	memcpy(req.passphrase, pass, req.pass_len);
	req.backing_fd = fd;
	r = ctl(CRYPT_OPEN, &req);
	memset(req.passphrase, 0, sizeof(req.passphrase));
	close(fd);
	if (!r)
		printf("/dev/crypt-%s\n", req.name);
	return r;
}

/* On a terminal, the user types YES before anything is overwritten. */
static int confirm(const char *dev)
{
	char line[16];
	size_t n;

	fprintf(stderr, "WARNING: this overwrites the data on %s irrevocably.\n"
		"Are you sure? (Type 'YES' in capital letters): ", dev);
	if (read_line(0, line, sizeof(line) - 1, &n))
		return 0;
	line[n] = '\0';
	return !strcmp(line, "YES");
}

/*
 * The "secure" field of /proc/crypto's stdrng block: 1 yes, 0 no,
 * -1 unknown (no such file or field: another kernel).
 */
static int rng_secure(void)
{
	static char text[4096];
	int fd = open("/proc/crypto", O_RDONLY);
	char *rng, *field, *val;
	ssize_t n, got = 0;

	if (fd < 0)
		return -1;
	while (got < (ssize_t)sizeof(text) - 1 &&
	       (n = read(fd, text + got, sizeof(text) - 1 - got)) > 0)
		got += n;
	close(fd);
	text[got] = '\0';
	rng = strstr(text, ": stdrng\n");
	field = rng ? strstr(rng, "\nsecure") : NULL;
	val = field ? strchr(field, ':') : NULL;
	if (!val)
		return -1;
	val += strspn(val + 1, " ") + 1;
	return !strncmp(val, "yes", 3) ? 1 : !strncmp(val, "no", 2) ? 0 : -1;
}

static void warn_if_weak_rng(void)
{
	if (rng_secure() != 0)
		return;
	fprintf(stderr,
		"WARNING: this kernel has no entropy source (/proc/crypto: stdrng secure: no).\n"
		"The volume key and salts come from its time-based fallback generator, which\n"
		"is NOT a secure RNG: someone who can guess the boot timing may recover them.\n"
		"Keep nothing valuable in this container; re-create it on a board with a\n"
		"hardware RNG.\n");
}

static int do_format(struct opts *o)
{
	static struct crypt_format req;
	int fd, r;

	if (o->nargs != 1 || o->type != CRYPT_TYPE_LUKS1 || o->read_only ||
	    copy_cipher(req.cipher, o->cipher))
		return usage();
	req.key_bits = o->key_bits;
	req.iterations = o->iter;
	if (!o->batch && isatty(0) && !confirm(o->args[0])) {
		fprintf(stderr, "cryptsetup: not confirmed: nothing written\n");
		return 1;
	}
	fd = open(o->args[0], O_RDWR);
	if (fd < 0)
		return fail(o->args[0]);
	warn_if_weak_rng();
	if (get_pass(o, 1, &req.pass_len)) {
		close(fd);
		return 1;
	}
	memcpy(req.passphrase, pass, req.pass_len);
	req.backing_fd = fd;
	r = ctl(CRYPT_FORMAT, &req);
	memset(req.passphrase, 0, sizeof(req.passphrase));
	close(fd);
	return r;
}

static int do_status(const char *name)
{
	struct crypt_status st;

	memset(&st, 0, sizeof(st));
	if (copy_name(st.name, name))
		return 2;
	if (ctl(CRYPT_STATUS, &st))
		return 1;
	st.cipher[CRYPT_CIPHER_MAX - 1] = '\0';
	printf("/dev/crypt-%s: %s, %s, %llu sectors%s\n", st.name,
	       st.type == CRYPT_TYPE_PLAIN ? "plain" : "luks1", st.cipher,
	       st.sectors, (st.flags & CRYPT_F_READ_ONLY) ? ", read-only" : "");
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .type = CRYPT_TYPE_LUKS1 };
	struct crypt_name n;
	int r;

	if (argc < 2 || parse(argc - 2, argv + 2, &o))
		return usage();
	if (!strcmp(argv[1], "open")) {
		r = do_open(&o);
	} else if (!strcmp(argv[1], "luksFormat")) {
		r = do_format(&o);
	} else if (!strcmp(argv[1], "close") && o.nargs == 1) {
		memset(&n, 0, sizeof(n));
		r = copy_name(n.name, o.args[0]) ? 2 : ctl(CRYPT_CLOSE, &n);
	} else if (!strcmp(argv[1], "status") && o.nargs == 1) {
		r = do_status(o.args[0]);
	} else {
		r = usage();
	}
	wipe();
	return r;
}

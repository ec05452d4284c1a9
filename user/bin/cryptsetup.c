// SPDX-License-Identifier: GPL-2.0
/*
 * cryptsetup: encrypted containers through /dev/cryptctl (include/uapi/
 * loop-crypt.h).  The passphrase is read from --key-file FILE, or from
 * stdin (one line, or up to end of input when it is not a terminal).
 *   cryptsetup open [--type luks1|plain] [--cipher C] [--key-size BITS]
 *              [--readonly] [--key-file F] DEVICE NAME   -> /dev/crypt-NAME
 *   cryptsetup close NAME
 *   cryptsetup status NAME
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uapi/loop-crypt.h>

static int usage(void)
{
	fprintf(stderr,
		"usage: cryptsetup open [--type luks1|plain] [--cipher C] [--key-size BITS]\n"
		"                       [--readonly] [--key-file F] DEVICE NAME\n"
		"       cryptsetup close NAME | cryptsetup status NAME\n");
	return 2;
}

static int fail(const char *what)
{
	fprintf(stderr, "cryptsetup: %s: %s\n", what, strerror(errno));
	return 1;
}

static int read_pass(const char *key_file, struct crypt_open *o)
{
	int fd = key_file ? open(key_file, O_RDONLY) : 0;
	int tty = !key_file && isatty(0);
	ssize_t n;
	size_t len = 0;

	if (fd < 0)
		return fail(key_file);
	if (tty)
		fprintf(stderr, "Enter passphrase: ");
	while (len < sizeof(o->passphrase) &&
	       (n = read(fd, o->passphrase + len, tty ? 1 : sizeof(o->passphrase) - len)) > 0) {
		len += n;
		if (tty && o->passphrase[len - 1] == '\n') {
			len--;
			break;
		}
	}
	if (key_file)
		close(fd);
	o->pass_len = len;
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

static int ctl(unsigned long req, void *arg)
{
	int fd = open("/dev/cryptctl", O_RDWR), r;

	if (fd < 0)
		return fail("/dev/cryptctl");
	r = ioctl(fd, req, arg);
	close(fd);
	return r < 0 ? fail(req == CRYPT_OPEN ? "open" : req == CRYPT_CLOSE ?
			    "close" : "status") : 0;
}

static int do_open(int argc, char **argv)
{
	static struct crypt_open o;
	const char *key_file = NULL, *args[2];
	int i, nargs = 0, fd, r;

	o.type = CRYPT_TYPE_LUKS1;
	o.key_bits = 512;
	strcpy(o.cipher, "aes-xts-plain64");
	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--type") && v) {
			if (!strcmp(v, "plain"))
				o.type = CRYPT_TYPE_PLAIN;
			else if (strcmp(v, "luks1") && strcmp(v, "luks"))
				return usage();
			i++;
		} else if (!strcmp(a, "--cipher") && v && strlen(v) < CRYPT_CIPHER_MAX) {
			strcpy(o.cipher, v);
			i++;
		} else if (!strcmp(a, "--key-size") && v) {
			o.key_bits = atoi(v);
			i++;
		} else if (!strcmp(a, "--key-file") && v) {
			key_file = v;
			i++;
		} else if (!strcmp(a, "--readonly")) {
			o.flags |= CRYPT_F_READ_ONLY;
		} else if (a[0] == '-' || nargs == 2) {
			return usage();
		} else {
			args[nargs++] = a;
		}
	}
	if (nargs != 2 || copy_name(o.name, args[1]))
		return usage();
	fd = open(args[0], (o.flags & CRYPT_F_READ_ONLY) ? O_RDONLY : O_RDWR);
	if (fd < 0)
		return fail(args[0]);
	if (read_pass(key_file, &o)) {
		close(fd);
		return 1;
	}
	o.backing_fd = fd;
	r = ctl(CRYPT_OPEN, &o);
	memset(o.passphrase, 0, sizeof(o.passphrase));
	close(fd);
	if (!r)
		printf("/dev/crypt-%s\n", o.name);
	return r;
}

int main(int argc, char **argv)
{
	struct crypt_status st;
	struct crypt_name n;

	if (argc < 2)
		return usage();
	if (!strcmp(argv[1], "open"))
		return do_open(argc - 2, argv + 2);
	if (argc != 3)
		return usage();
	if (!strcmp(argv[1], "close")) {
		memset(&n, 0, sizeof(n));
		return copy_name(n.name, argv[2]) ? 2 : ctl(CRYPT_CLOSE, &n);
	}
	if (!strcmp(argv[1], "status")) {
		memset(&st, 0, sizeof(st));
		if (copy_name(st.name, argv[2]))
			return 2;
		if (ctl(CRYPT_STATUS, &st))
			return 1;
		st.cipher[CRYPT_CIPHER_MAX - 1] = '\0';
		printf("/dev/crypt-%s: %s, %s, %llu sectors%s\n", st.name,
		       st.type == CRYPT_TYPE_PLAIN ? "plain" : "luks1", st.cipher,
		       st.sectors, (st.flags & CRYPT_F_READ_ONLY) ? ", read-only" : "");
		return 0;
	}
	return usage();
}

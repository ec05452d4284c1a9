// SPDX-License-Identifier: GPL-2.0
/*
 * t-powercut: the guest half of the power-cut scenario
 * (tests/qemu/data-powercut.sh, `make torture`).  It runs as init
 * (kernel command line "init=/usr/lib/selftest/t-powercut") and reads its
 * orders from the rest of the command line:
 *
 *   pc.synced=S   the newest generation whose fsync the last boot reported
 *                 before the power was cut (-1: none yet)
 *   pc.gen=G      the first generation to write now; -1: verify and stop
 *
 * 1. Mount /data (ftl:data) with the "check" option: the kernel runs a
 *    read-only fsck and logs "fsck: clean" or the problems.
 * 2. Verify: every generation in (S - WINDOW, S] must be on /data intact
 *    (it was fsync'd); every other file must read without error and hold
 *    a prefix of what was written to it (a large write() reaches LogFS as
 *    several block writes, each atomic; as on Linux, write() as a whole
 *    is not), never other data; the append-only log must hold whole,
 *    valid records only (each is one small write).
 *    Prints "pc: verify ok ..." or "pc: verify FAIL ...".
 * 3. Remove what earlier cuts left behind (generations older than the
 *    window, a long log).
 * 4. Work until the power goes: generation N writes /data/pc/g<N> in one
 *    write() (a header naming N, its length and a hash, then data derived
 *    from N), fsyncs it, prints "pc: synced N", appends a record to
 *    /data/pc/log (never fsync'd), and unlinks g<N - WINDOW>.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#define WINDOW		12		/* generations kept on /data */
#define MAX_LEN		(48 * 1024)	/* payload bytes, at most */
#define MAGIC		0x54554350u	/* "PCUT" */
#define REC_MAGIC	0x4345524cu	/* "LREC" */

struct gen_header {
	unsigned int magic, gen, len, hash;
};

struct log_record {
	unsigned int magic, gen, hash, pad[5];	/* 32 bytes */
};

static unsigned char buf[sizeof(struct gen_header) + MAX_LEN];
static unsigned char rbuf[sizeof(struct gen_header) + MAX_LEN + 1];
static int failures;

static unsigned int fnv1a(const void *p, size_t n)
{
	const unsigned char *b = p;
	unsigned int h = 2166136261u;

	while (n--)
		h = (h ^ *b++) * 16777619u;
	return h;
}

static unsigned int prng(unsigned int *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

/* The whole file of generation @gen: header then data. Returns its size. */
static size_t make_gen(unsigned int gen)
{
	struct gen_header *h = (struct gen_header *)buf;
	unsigned int s = gen * 2654435761u + 1, i;

	h->magic = MAGIC;
	h->gen = gen;
	h->len = 1 + prng(&s) % MAX_LEN;
	for (i = 0; i < h->len; i++)
		buf[sizeof(*h) + i] = (unsigned char)prng(&s);
	h->hash = fnv1a(buf + sizeof(*h), h->len);
	return sizeof(*h) + h->len;
}

static long cmdline_long(const char *cmdline, const char *key, long dflt)
{
	const char *p = strstr(cmdline, key);

	return p ? strtol(p + strlen(key), NULL, 10) : dflt;
}

static void fail(const char *fmt, const char *name, long a, long b)
{
	printf("pc: verify FAIL %s: ", name);
	printf(fmt, a, b);
	printf("\n");
	failures++;
}

static ssize_t read_file(const char *path, unsigned char *to, size_t max)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, total = 0;

	if (fd < 0)
		return -1;
	while ((size_t)total < max && (n = read(fd, to + total, max - total)) > 0)
		total += n;
	if (n < 0)
		total = -1;
	close(fd);
	return total;
}

/* A generation file that exists: a prefix of its data.  1 if whole. */
static int check_gen_file(const char *name, unsigned int gen)
{
	char path[64];
	ssize_t n;
	size_t want;

	snprintf(path, sizeof(path), "/data/pc/%s", name);
	n = read_file(path, rbuf, sizeof(rbuf));
	if (n < 0) {
		fail("read error %ld%.0ld", name, errno, 0L);
		return -1;
	}
	if (n == 0)
		return 0;
	want = make_gen(gen);
	if ((size_t)n > want || memcmp(rbuf, buf, n)) {
		fail("%ld bytes of %ld: not a prefix of what was written", name, n, (long)want);
		return -1;
	}
	return (size_t)n == want;
}

static void check_log(void)
{
	static struct log_record recs[4096];
	ssize_t n = read_file("/data/pc/log", (unsigned char *)recs, sizeof(recs));
	size_t i;

	if (n < 0 && errno == ENOENT)
		return;
	if (n < 0) {
		fail("read error %ld%.0ld", "log", errno, 0);
		return;
	}
	if (n % sizeof(recs[0]))
		fail("size %ld is not whole records of %ld bytes", "log", n, (long)sizeof(recs[0]));
	for (i = 0; i < (size_t)n / sizeof(recs[0]); i++)
		if (recs[i].magic != REC_MAGIC ||
		    recs[i].hash != fnv1a(&recs[i].gen, sizeof(recs[i].gen)))
			fail("record %ld of %ld is damaged", "log", (long)i, n / (long)sizeof(recs[0]));
}

static void verify(long synced)
{
	char name[32];
	struct dirent *e;
	DIR *d = opendir("/data/pc");
	long g, files = 0, intact = 0;
	struct stat st;

	if (!d) {
		if (synced >= 0)
			fail("/data/pc missing (errno %ld)%.0ld", "dir", errno, 0);
		printf("pc: verify %s (no files yet)\n", failures ? "FAIL" : "ok");
		return;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] != 'g')
			continue;
		files++;
		if (check_gen_file(e->d_name, (unsigned int)strtoul(e->d_name + 1, NULL, 10)) > 0)
			intact++;
	}
	closedir(d);
	for (g = synced; g >= 0 && g > synced - WINDOW; g--) {
		snprintf(name, sizeof(name), "/data/pc/g%ld", g);
		if (stat(name, &st) < 0 || check_gen_file(name + 9, (unsigned int)g) != 1)
			fail("generation %ld (fsync'd, newest fsync'd %ld) is missing or not whole",
			     name + 9, g, synced);
	}
	check_log();
	printf("pc: verify %s: %ld files, %ld whole, newest fsync'd %ld\n",
	       failures ? "FAIL" : "ok", files, intact, synced);
}

static int write_gen(unsigned int gen)
{
	char path[64];
	size_t len = make_gen(gen);
	struct log_record rec = { .magic = REC_MAGIC, .gen = gen };
	int fd;

	snprintf(path, sizeof(path), "/data/pc/g%u", gen);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, buf, len) != (ssize_t)len || fsync(fd) < 0) {
		printf("pc: write of generation %u failed: %s\n", gen, strerror(errno));
		return -1;
	}
	close(fd);
	printf("pc: synced %u\n", gen);
	fflush(stdout);
	rec.hash = fnv1a(&rec.gen, sizeof(rec.gen));
	fd = open("/data/pc/log", O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (fd >= 0) {
		write(fd, &rec, sizeof(rec));
		close(fd);
	}
	if (gen >= WINDOW) {
		snprintf(path, sizeof(path), "/data/pc/g%u", gen - WINDOW);
		unlink(path);
	}
	return 0;
}

/*
 * A cut between the fsync of g<N> and the unlink of g<N - WINDOW> leaves
 * that old generation behind for good; over thousands of cuts they would
 * fill /data.  Before work starts, remove every generation older than the
 * window the next one keeps, and start the log afresh once it is long
 * (its records are checked above; it need not grow for ever).
 */
static void clean_up(long next_gen)
{
	char path[64];
	struct dirent *e;
	struct stat st;
	DIR *d = opendir("/data/pc");
	long g, removed = 0;

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] != 'g')
			continue;
		g = strtol(e->d_name + 1, NULL, 10);
		if (g + WINDOW >= next_gen)
			continue;
		snprintf(path, sizeof(path), "/data/pc/%s", e->d_name);
		if (unlink(path) == 0)
			removed++;
	}
	closedir(d);
	if (stat("/data/pc/log", &st) == 0 && st.st_size >= 4096 * 32)
		truncate("/data/pc/log", 0);
	if (removed)
		printf("pc: removed %ld old generations\n", removed);
}

int main(void)
{
	char cmdline[1024] = "";
	long synced, gen;
	ssize_t n;
	int fd;

	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = open("/proc/cmdline", O_RDONLY);
	if (fd >= 0) {
		n = read(fd, cmdline, sizeof(cmdline) - 1);
		cmdline[n > 0 ? n : 0] = '\0';
		close(fd);
	}
	synced = cmdline_long(cmdline, "pc.synced=", -1);
	gen = cmdline_long(cmdline, "pc.gen=", -1);
	if (mount("ftl:data", "/data", "logfs", 0, "check") < 0) {
		printf("pc: mount /data failed: %s\n", strerror(errno));
		return 1;
	}
	verify(synced);
	if (gen < 0 || failures) {
		umount("/data");
		sync();
		return failures ? 1 : 0;
	}
	mkdir("/data/pc", 0755);
	clean_up(gen);
	printf("pc: working from generation %ld\n", gen);
	for (;; gen++)
		if (write_gen((unsigned int)gen))
			return 1;
}

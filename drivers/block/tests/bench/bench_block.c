// SPDX-License-Identifier: GPL-2.0
/*
 * Host benchmark for `make bench-block`: cloop compression ratio and
 * sequential / random 4 KiB read throughput per block size (16, 64, 256
 * KiB) on a real image (a tar of the build's own sources and objects), and
 * encrypted-loop throughput (aes-xts-plain64 and aes-cbc-essiv:sha256, per
 * 512-byte sector, encrypt and decrypt).  Prints a table; writes JSON.
 *
 *	bench-block [-j OUT.json] IMAGE
 *
 * Host-only (timing with clock_gettime).  Figures are for this machine
 * with -O2 and no sanitizers; nothing here is asserted.
 */
#include <port/port.h>
#include <crypto/crypto.h>
#include <block/cloop.h>
#include <block/cryptloop.h>
#include <block/memblk.h>
#include <fcntl.h>
#include <getopt.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../../../../tools/lib/cli.h"

#define PROG "bench-block"

struct sink {
	u8 *p;
	size_t len, cap;
};

static int sink_emit(void *ctx, const void *buf, size_t len)
{
	struct sink *s = ctx;

	if (s->len + len > s->cap)
		return -ENOSPC;
	memcpy(s->p + s->len, buf, len);
	s->len += len;
	return 0;
}

static double now(void)
{
	return ktime_get_ns() / 1e9;
}

struct cloop_result {
	u32 bs;
	double ratio, build_mbs, seq_mbs, rnd_mbs, rnd_iops;
};

static int bench_cloop(const u8 *img, size_t len, u32 bs, struct cloop_result *r)
{
	struct cloop_build_opts opts = { .block_size = bs, .hc_level = 0 };
	struct cloop_config cfg = { .cache_blocks = 4 };
	struct sink s = { .cap = len + len / 16 + (1 << 20) };
	size_t padded = ALIGN_UP(len, (size_t)bs), pos, i, n = 4000;
	struct cloop_dev *cl;
	struct memblk mb;
	u8 *buf = malloc(1 << 16);
	double t;
	u32 seed = 1;
	int ret;

	s.p = malloc(s.cap);
	if (!s.p || !buf)
		return -ENOMEM;
	t = now();
	ret = cloop_build(img, len, &opts, sink_emit, &s, NULL);
	r->build_mbs = len / (now() - t) / 1e6;
	if (!ret)
		ret = memblk_init(&mb, s.p, s.len, 512, true);
	if (!ret)
		ret = cloop_open(&mb.bio, &cfg, &cl);
	if (ret)
		return ret;
	r->bs = bs;
	/*
	 * Compressed / decompressed device size: the device is whole blocks
	 * (the format does not store the original length), as in the QEMU
	 * half (kernel/bench/blk_throughput.c), so both say the same.
	 */
	r->ratio = (double)s.len / padded;
	t = now();
	for (pos = 0; pos < padded && !ret; pos += 1 << 16)
		ret = cloop_read(cl, pos, buf, min((size_t)1 << 16, padded - pos));
	r->seq_mbs = padded / (now() - t) / 1e6;
	t = now();
	for (i = 0; i < n && !ret; i++) {
		seed = seed * 1103515245u + 12345u;
		pos = (size_t)(((u64)seed << 12) % (padded & ~(size_t)4095));
		ret = cloop_read(cl, pos, buf, 4096);
	}
	t = now() - t;
	r->rnd_iops = n / t;
	r->rnd_mbs = n * 4096.0 / t / 1e6;
	cloop_close(cl);
	free(s.p);
	free(buf);
	return ret;
}

struct xts_result {
	const char *mode;
	double enc_mbs, dec_mbs;
};

static int bench_crypt(const char *mode, size_t keylen, struct xts_result *r)
{
	size_t len = 32 << 20;
	struct cryptloop_cipher *c;
	u8 key[64], *buf = malloc(len);
	double t;
	int ret;

	memset(key, 0x42, sizeof(key));
	c = cryptloop_cipher_new("aes", mode, key, keylen);
	if (IS_ERR(c) || !buf)
		return -ENOMEM;
	memset(buf, 0x17, len);
	r->mode = mode;
	t = now();
	ret = cryptloop_crypt(c, LOOP_WRITE, 0, buf, (u32)(len / 512));
	r->enc_mbs = len / (now() - t) / 1e6;
	t = now();
	if (!ret)
		ret = cryptloop_crypt(c, LOOP_READ, 0, buf, (u32)(len / 512));
	r->dec_mbs = len / (now() - t) / 1e6;
	cryptloop_cipher_free(c);
	free(buf);
	return ret;
}

static void usage(void)
{
	printf("usage: bench-block [-j OUT.json] IMAGE\n"
	       "Benchmark on the host: cloop/LZ4 compression ratio, build speed and\n"
	       "sequential and random 4 KiB reads of IMAGE at block sizes 16K, 64K\n"
	       "and 256K; then encrypted-loop throughput (aes-xts-plain64 and\n"
	       "aes-cbc-essiv:sha256).  Prints tables; asserts nothing.\n"
	       "\n"
	       "  -j, --json FILE     also write the results as JSON to FILE\n"
	       "                      (default: none)\n"
	       "  -h, --help          this text\n"
	       "\n"
	       "Exit status: 0 done, 1 failed, 2 bad command line.\n");
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const u32 sizes[] = { 16384, 65536, 262144 };
	struct cloop_result cr[3];
	struct xts_result xr[2];
	const char *json = NULL;
	struct stat sb;
	FILE *f;
	u8 *img;
	int fd, i, c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":j:h", longopts, NULL)) != -1) {
		if (c == 'h') {
			usage();
			return 0;
		}
		if (c != 'j')
			return cli_getopt_error(PROG, c, argv, longopts);
		json = optarg;
	}
	if (argc - optind != 1)
		return cli_usage_error(PROG, "expected one IMAGE");
	fd = open(argv[optind], O_RDONLY);
	if (fd < 0 || fstat(fd, &sb) || !sb.st_size) {
		fprintf(stderr, PROG ": %s: %s\n", argv[optind],
			fd < 0 ? strerror(errno) : "empty file");
		return 1;
	}
	img = mmap(NULL, sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (img == MAP_FAILED) {
		fprintf(stderr, PROG ": %s: %s\n", argv[optind], strerror(errno));
		return 1;
	}
	printf("cloop/LZ4 on %s (%.1f MiB), cache 4 blocks\n", argv[optind],
	       sb.st_size / 1048576.0);
	printf("%8s %7s %12s %12s %12s %10s\n", "block", "ratio", "build MB/s",
	       "seq MB/s", "rand4k MB/s", "rand IOPS");
	for (i = 0; i < 3; i++) {
		if (bench_cloop(img, sb.st_size, sizes[i], &cr[i]))
			return 1;
		printf("%7uK %7.3f %12.1f %12.1f %12.1f %10.0f\n", cr[i].bs / 1024,
		       cr[i].ratio, cr[i].build_mbs, cr[i].seq_mbs, cr[i].rnd_mbs,
		       cr[i].rnd_iops);
	}
	if (crypto_init() || bench_crypt("xts-plain64", 64, &xr[0]) ||
	    bench_crypt("cbc-essiv:sha256", 32, &xr[1]))
		return 1;
	printf("\n%-18s %12s %12s\n", "encrypted loop", "enc MB/s", "dec MB/s");
	for (i = 0; i < 2; i++)
		printf("aes-%-14s %12.1f %12.1f\n", xr[i].mode, xr[i].enc_mbs,
		       xr[i].dec_mbs);
	if (!json)
		return 0;
	f = fopen(json, "w");
	if (!f)
		return 1;
	fprintf(f, "{\n  \"image_bytes\": %lld,\n  \"cloop\": [\n", (long long)sb.st_size);
	for (i = 0; i < 3; i++)
		fprintf(f, "    {\"block_size\": %u, \"ratio\": %.4f, \"build_mbs\": %.1f, "
			"\"seq_read_mbs\": %.1f, \"rand4k_read_mbs\": %.1f, "
			"\"rand4k_iops\": %.0f}%s\n", cr[i].bs, cr[i].ratio,
			cr[i].build_mbs, cr[i].seq_mbs, cr[i].rnd_mbs, cr[i].rnd_iops,
			i < 2 ? "," : "");
	fprintf(f, "  ],\n  \"cryptloop\": [\n");
	for (i = 0; i < 2; i++)
		fprintf(f, "    {\"mode\": \"aes-%s\", \"encrypt_mbs\": %.1f, "
			"\"decrypt_mbs\": %.1f}%s\n", xr[i].mode, xr[i].enc_mbs,
			xr[i].dec_mbs, i < 1 ? "," : "");
	fprintf(f, "  ]\n}\n");
	fclose(f);
	printf("\nwrote %s\n", json);
	return 0;
}

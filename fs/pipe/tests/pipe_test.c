// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes in the kernel, through vfs_ctx descriptors: data in order,
 * end of file once every write end is closed (also ends shared with a
 * second context, the way fork() shares them), -EPIPE once no reader is
 * left (also for a writer asleep on a full pipe), O_NONBLOCK and
 * PIPE_BUF atomicity, fstat/lseek, and threads as readers and writers
 * (blocking both ways, interrupted sleeps).
 */
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/slab.h>
#include <fs/vfs.h>

struct pipe_fixture {
	struct vfs_ctx *ctx;
	int fds[2];
};

static int pipe_test_init(struct ktest *t)
{
	struct pipe_fixture *fx = kzalloc(sizeof(*fx), GFP_KERNEL);

	if (!fx)
		return -ENOMEM;
	fx->ctx = vfs_ctx_create();
	if (!fx->ctx) {
		kfree(fx);
		return -ENOMEM;
	}
	t->priv = fx;
	return 0;
}

static void pipe_test_exit(struct ktest *t)
{
	struct pipe_fixture *fx = t->priv;

	vfs_ctx_destroy(fx->ctx);
	kfree(fx);
}

static struct vfs_ctx *tctx(struct ktest *t)
{
	return ((struct pipe_fixture *)t->priv)->ctx;
}

/* Give @to a descriptor for @from's @fd (its struct file shared, as fork does). */
static int share_fd(struct vfs_ctx *from, int fd, struct vfs_ctx *to)
{
	struct file *f = fget(from, fd);
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = fd_install(to, f, false);
	if (ret < 0)
		fput(f);
	return ret;
}

static void pipe_basic(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	struct stat st;
	char buf[16] = { 0 };
	int fds[2];

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	KEXPECT_NE(t, fds[0], fds[1]);
	KEXPECT_EQ(t, vfs_write(c, fds[1], "hello", 5), 5);
	KEXPECT_EQ(t, vfs_write(c, fds[1], " world", 6), 6);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, 3), 3);
	KEXPECT_MEMEQ(t, buf, "hel", 3);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, sizeof(buf)), 8);
	KEXPECT_MEMEQ(t, buf, "lo world", 8);
	/* wrong direction, no offset */
	KEXPECT_EQ(t, vfs_read(c, fds[1], buf, 1), -EBADF);
	KEXPECT_EQ(t, vfs_write(c, fds[0], "x", 1), -EBADF);
	KEXPECT_EQ(t, vfs_lseek(c, fds[0], 0, SEEK_SET), -ESPIPE);
	KEXPECT_EQ(t, vfs_pread(c, fds[0], buf, 1, 0), -ESPIPE);
	KEXPECT_EQ(t, vfs_pwrite(c, fds[1], "x", 1, 0), -ESPIPE);
	KEXPECT_EQ(t, vfs_fstat(c, fds[0], &st), 0);
	KEXPECT_TRUE(t, S_ISFIFO(st.st_mode));
	KEXPECT_EQ(t, vfs_fstat(c, fds[1], &st), 0);
	KEXPECT_TRUE(t, S_ISFIFO(st.st_mode));
	KEXPECT_EQ(t, vfs_close(c, fds[0]), 0);
	KEXPECT_EQ(t, vfs_close(c, fds[1]), 0);
}

static void pipe_flags(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	int fds[2];

	KEXPECT_EQ(t, vfs_pipe(c, fds, O_APPEND), -EINVAL);
	KEXPECT_EQ(t, vfs_pipe(c, fds, O_RDWR), -EINVAL);
	KASSERT_EQ(t, vfs_pipe(c, fds, O_CLOEXEC), 0);
	KEXPECT_TRUE(t, c->files->cloexec & (1u << fds[0]));
	KEXPECT_TRUE(t, c->files->cloexec & (1u << fds[1]));
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	KEXPECT_FALSE(t, c->files->cloexec & (3u << fds[0]));
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
}

/* Fill the table so that exactly one descriptor is free: -EMFILE, none leaked. */
static void pipe_emfile(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	int fds[2], n = 0, i;

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	while (n < VFS_NR_OPEN && vfs_dup(c, fds[0]) >= 0)
		n++;
	KEXPECT_EQ(t, n, VFS_NR_OPEN - 2);
	vfs_close(c, VFS_NR_OPEN - 1);		/* one free slot */
	KEXPECT_EQ(t, vfs_pipe(c, fds, 0), -EMFILE);
	KEXPECT_EQ(t, vfs_dup(c, 0), VFS_NR_OPEN - 1);	/* the slot is still free */
	for (i = 0; i < VFS_NR_OPEN; i++)
		vfs_close(c, i);
}

static void pipe_eof_after_writers(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	char buf[8];
	int fds[2], w2;

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	w2 = vfs_dup(c, fds[1]);
	KASSERT_GE(t, w2, 0);
	KEXPECT_EQ(t, vfs_write(c, fds[1], "ab", 2), 2);
	vfs_close(c, fds[1]);
	/* a dup of the write end still holds it open */
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, sizeof(buf)), 2);
	KEXPECT_EQ(t, vfs_write(c, w2, "c", 1), 1);
	vfs_close(c, w2);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, sizeof(buf)), 1);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, sizeof(buf)), 0);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, sizeof(buf)), 0);
	vfs_close(c, fds[0]);
}

static void pipe_epipe_without_readers(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	int fds[2];

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	vfs_close(c, fds[0]);
	/* a kernel thread: no process to send SIGPIPE to, just -EPIPE */
	KEXPECT_EQ(t, vfs_write(c, fds[1], "x", 1), -EPIPE);
	vfs_close(c, fds[1]);
}

static void pipe_nonblock_and_pipe_buf(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	u8 *buf = kmalloc(VFS_PIPE_SIZE, GFP_KERNEL);
	int fds[2];

	KASSERT_NOT_NULL(t, buf);
	memset(buf, 'z', VFS_PIPE_SIZE);
	KASSERT_EQ(t, vfs_pipe(c, fds, O_NONBLOCK), 0);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, 1), -EAGAIN);
	KEXPECT_EQ(t, vfs_write(c, fds[1], buf, VFS_PIPE_SIZE - 100), VFS_PIPE_SIZE - 100);
	/* 200 <= PIPE_BUF bytes do not fit: all or nothing */
	KEXPECT_EQ(t, vfs_write(c, fds[1], buf, 200), -EAGAIN);
	/* more than PIPE_BUF: as much as fits */
	KEXPECT_EQ(t, vfs_write(c, fds[1], buf, PIPE_BUF + 1), 100);
	KEXPECT_EQ(t, vfs_write(c, fds[1], buf, 1), -EAGAIN);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, VFS_PIPE_SIZE), VFS_PIPE_SIZE);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, 1), -EAGAIN);
	/* the ring wraps: data in order across the end of the buffer */
	for (int round = 0; round < 20; round++) {
		u8 out[300], in[300];

		for (int i = 0; i < 300; i++)
			out[i] = (u8)(round * 7 + i);
		KEXPECT_EQ(t, vfs_write(c, fds[1], out, 300), 300);
		KEXPECT_EQ(t, vfs_read(c, fds[0], in, 300), 300);
		KEXPECT_MEMEQ(t, in, out, 300);
	}
	vfs_close(c, fds[1]);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, 1), 0);	/* EOF beats -EAGAIN */
	vfs_close(c, fds[0]);
	kfree(buf);
}

/* --- threads ------------------------------------------------------------ */

#define STREAM_BYTES	(64 * 1024)

struct peer {
	struct vfs_ctx *ctx;
	int fd, other;
	int id;
	int result;
	int errors;
};

static u8 pattern(u32 i)
{
	return (u8)(i * 31 + (i >> 8));
}

/* Writes STREAM_BYTES in chunks of 1..3000 bytes, then closes its end. */
static int stream_writer(void *arg)
{
	struct peer *p = arg;
	u8 *buf = kmalloc(3000, GFP_KERNEL);
	u32 off = 0, chunk = 1;

	if (!buf) {
		p->result = -ENOMEM;
		return 0;
	}
	vfs_close(p->ctx, p->other);		/* the read end it does not use */
	while (off < STREAM_BYTES) {
		u32 n = min(chunk, (u32)STREAM_BYTES - off);
		ssize_t w;

		for (u32 i = 0; i < n; i++)
			buf[i] = pattern(off + i);
		w = vfs_write(p->ctx, p->fd, buf, n);
		if (w != (ssize_t)n) {
			p->result = w < 0 ? w : -EIO;
			break;
		}
		off += n;
		chunk = chunk * 7 % 2999 + 1;
	}
	vfs_close(p->ctx, p->fd);
	kfree(buf);
	return 0;
}

/* Reader in the test's context, writer in a second one sharing the ends. */
static void pipe_stream_between_contexts(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	struct peer w = { 0 };
	struct thread *th;
	u8 *buf = kmalloc(1024, GFP_KERNEL);
	u32 got = 0, bad = 0;
	ssize_t n;
	int fds[2];

	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	w.ctx = vfs_ctx_create();
	KASSERT_NOT_NULL(t, w.ctx);
	w.other = share_fd(c, fds[0], w.ctx);
	w.fd = share_fd(c, fds[1], w.ctx);
	KASSERT_GE(t, w.other, 0);
	KASSERT_GE(t, w.fd, 0);
	vfs_close(c, fds[1]);			/* only the writer's copy is left */
	th = kthread_run(stream_writer, &w, PRIO_DEFAULT + 1, "pipe-w");
	KASSERT_FALSE(t, IS_ERR(th));
	while ((n = vfs_read(c, fds[0], buf, 1 + got % 1000)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			bad += buf[i] != pattern(got + i);
		got += n;
	}
	kthread_join(th);
	KEXPECT_EQ(t, n, 0);
	KEXPECT_EQ(t, w.result, 0);
	KEXPECT_EQ(t, got, STREAM_BYTES);
	KEXPECT_EQ(t, bad, 0);
	vfs_close(c, fds[0]);
	vfs_ctx_destroy(w.ctx);
	kfree(buf);
}

#define NWRITERS	4
#define RECORDS		200
#define RECSZ		100

static int record_writer(void *arg)
{
	struct peer *p = arg;
	u8 rec[RECSZ];

	memset(rec, 'a' + p->id, sizeof(rec));
	for (int i = 0; i < RECORDS; i++) {
		if (vfs_write(p->ctx, p->fd, rec, sizeof(rec)) != sizeof(rec))
			p->errors++;
		if (i % 16 == p->id)
			yield();
	}
	return 0;
}

/* Writes of at most PIPE_BUF bytes from several threads never interleave. */
static void pipe_atomic_writes(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	struct peer w[NWRITERS] = { 0 };
	struct thread *th[NWRITERS];
	u8 *rec = kmalloc(RECSZ, GFP_KERNEL);
	int count[NWRITERS] = { 0 }, torn = 0, fds[2], i;
	ssize_t n;
	u32 have = 0;

	KASSERT_NOT_NULL(t, rec);
	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	for (i = 0; i < NWRITERS; i++) {
		w[i] = (struct peer){ .ctx = c, .fd = fds[1], .id = i };
		th[i] = kthread_run(record_writer, &w[i], PRIO_DEFAULT + 1, "pipe-rec");
		KASSERT_FALSE(t, IS_ERR(th[i]));
	}
	for (int left = NWRITERS * RECORDS; left > 0;) {
		/* odd read sizes: records are split across reads, not across writers */
		n = vfs_read(c, fds[0], rec + have, min((u32)37, RECSZ - have));
		KASSERT_GT(t, n, 0);
		have += n;
		if (have < RECSZ)
			continue;
		have = 0;
		left--;
		for (i = 1; i < RECSZ; i++)
			torn += rec[i] != rec[0];
		if (rec[0] >= 'a' && rec[0] < 'a' + NWRITERS)
			count[rec[0] - 'a']++;
	}
	for (i = 0; i < NWRITERS; i++) {
		kthread_join(th[i]);
		KEXPECT_EQ(t, w[i].errors, 0);
		KEXPECT_EQ(t, count[i], RECORDS);
	}
	KEXPECT_EQ(t, torn, 0);
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
	kfree(rec);
}

static int blocked_reader(void *arg)
{
	struct peer *p = arg;
	char c;

	p->result = vfs_read(p->ctx, p->fd, &c, 1);
	return 0;
}

static int blocked_writer(void *arg)
{
	struct peer *p = arg;
	u8 *buf = kzalloc(VFS_PIPE_SIZE + 100, GFP_KERNEL);

	p->result = buf ? vfs_write(p->ctx, p->fd, buf, VFS_PIPE_SIZE + 100) : -ENOMEM;
	kfree(buf);
	return 0;
}

/* Until @th sleeps (it blocks nowhere else), 2 s at most. */
static bool wait_until_asleep(struct thread *th)
{
	return thread_wait_until_blocked(th, 2000);
}

/* A reader asleep on an empty pipe: woken by data, or by a stop request. */
static void pipe_blocked_reader_wakes(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	struct peer r = { .ctx = c, .result = 1000 };
	struct thread *th;
	int fds[2];

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	r.fd = fds[0];
	th = kthread_run(blocked_reader, &r, PRIO_DEFAULT + 1, "pipe-r");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_TRUE(t, wait_until_asleep(th));
	KEXPECT_EQ(t, READ_ONCE(r.result), 1000);	/* still asleep */
	KEXPECT_EQ(t, vfs_write(c, fds[1], "x", 1), 1);
	kthread_join(th);
	KEXPECT_EQ(t, r.result, 1);

	r.result = 1000;
	th = kthread_run(blocked_reader, &r, PRIO_DEFAULT + 1, "pipe-r");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_TRUE(t, wait_until_asleep(th));
	KEXPECT_EQ(t, READ_ONCE(r.result), 1000);
	kthread_stop(th);			/* interrupts the sleep */
	KEXPECT_EQ(t, r.result, -EINTR);
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
}

/* A writer asleep on a full pipe: finishes when the reader drains it, or
 * gets the bytes written so far once the last reader closes. */
static void pipe_blocked_writer_wakes(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	struct peer w = { .ctx = c, .result = 1000 };
	u8 *buf = kmalloc(VFS_PIPE_SIZE, GFP_KERNEL);
	struct thread *th;
	u32 got = 0;
	int fds[2];

	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	w.fd = fds[1];
	th = kthread_run(blocked_writer, &w, PRIO_DEFAULT + 1, "pipe-w");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_TRUE(t, wait_until_asleep(th));
	KEXPECT_EQ(t, READ_ONCE(w.result), 1000);	/* full: asleep */
	while (got < VFS_PIPE_SIZE + 100) {
		ssize_t n = vfs_read(c, fds[0], buf, VFS_PIPE_SIZE);

		KASSERT_GT(t, n, 0);
		got += n;
	}
	kthread_join(th);
	KEXPECT_EQ(t, w.result, VFS_PIPE_SIZE + 100);

	w.result = 1000;
	th = kthread_run(blocked_writer, &w, PRIO_DEFAULT + 1, "pipe-w");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_TRUE(t, wait_until_asleep(th));
	KEXPECT_EQ(t, READ_ONCE(w.result), 1000);
	vfs_close(c, fds[0]);			/* the last reader goes */
	kthread_join(th);
	KEXPECT_EQ(t, w.result, VFS_PIPE_SIZE);	/* what fit before */
	KEXPECT_EQ(t, vfs_write(c, fds[1], "x", 1), -EPIPE);
	vfs_close(c, fds[1]);
	kfree(buf);
}

/* Many pipes made and dropped in either order: no descriptor is left behind. */
static void pipe_many_open_close(struct ktest *t)
{
	struct vfs_ctx *c = tctx(t);
	int fds[2];

	for (int i = 0; i < 500; i++) {
		KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
		KASSERT_EQ(t, vfs_write(c, fds[1], "data", 4), 4);
		KASSERT_EQ(t, vfs_close(c, fds[i & 1]), 0);
		KASSERT_EQ(t, vfs_close(c, fds[!(i & 1)]), 0);
	}
	KEXPECT_EQ(t, vfs_pipe(c, fds, 0), 0);
	KEXPECT_EQ(t, fds[0], 0);		/* nothing left in the table */
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
}

static struct ktest_case pipe_cases[] = {
	KTEST_CASE(pipe_basic),
	KTEST_CASE(pipe_flags),
	KTEST_CASE(pipe_emfile),
	KTEST_CASE(pipe_eof_after_writers),
	KTEST_CASE(pipe_epipe_without_readers),
	KTEST_CASE(pipe_nonblock_and_pipe_buf),
	KTEST_CASE(pipe_stream_between_contexts),
	KTEST_CASE(pipe_atomic_writes),
	KTEST_CASE(pipe_blocked_reader_wakes),
	KTEST_CASE(pipe_blocked_writer_wakes),
	KTEST_CASE(pipe_many_open_close),
	{}
};

static struct ktest_suite pipe_suite = {
	.name = "pipe",
	.cases = pipe_cases,
	.init = pipe_test_init,
	.exit = pipe_test_exit,
};
KTEST_SUITE(pipe_suite);

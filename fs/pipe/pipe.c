// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes: a ring buffer of VFS_PIPE_SIZE bytes between a read end and a
 * write end, each a struct file on the same inode of an internal
 * filesystem (pipefs, mounted with kern_mount(), never visible in the
 * namespace).  Reads block until data or end of file (no writer left);
 * writes block until room, and fail with -EPIPE plus SIGPIPE once no
 * reader is left.  A write of at most PIPE_BUF bytes is atomic: it waits
 * until the whole of it fits and is never interleaved with another.
 *
 * Ends are counted per struct file (readers, writers), not per
 * descriptor: dup() and fork() share a struct file, so an end closes
 * when the last descriptor of the last process that holds it goes.
 *
 * Layer: a filesystem under the VFS (fs/vfs hands out descriptors and
 * calls pipe_read/pipe_write/pipe_release, and pipe_poll for poll() and
 * select(), whose sleepers share rd_wait and wr_wait with blocked readers
 * and writers; the read() and write() system
 * calls come through read_user/write_user, which copy straight between
 * the ring and user memory, so a bad buffer is -EFAULT with nothing
 * consumed or added).  Locking: pipe->lock (a
 * mutex) protects the buffer and the counts; sleepers wait on rd_wait or
 * wr_wait with the lock dropped (wait_event_cond() rechecks without it,
 * then the code rechecks under it).  Sleeps are interruptible: a pending
 * signal ends them with -EINTR (or the bytes moved so far).  Knows
 * nothing of processes except who to send SIGPIPE to.
 */
#define pr_fmt(fmt) "pipe: " fmt
#include <fs/poll.h>
#include <fs/vfs.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include <kernel/wait.h>
#include <uapi/linux-abi.h>

#define PIPEFS_MAGIC	0x50495045

BUILD_BUG_ON(VFS_PIPE_SIZE < 4096 || PIPE_BUF > VFS_PIPE_SIZE);

struct pipe {
	struct mutex lock;		/* everything below */
	u8 *buf;			/* VFS_PIPE_SIZE bytes */
	u32 head;			/* index of the oldest byte */
	u32 len;			/* bytes held */
	int readers, writers;		/* open read / write struct files */
	struct wait_queue_head rd_wait;	/* data, or no writer left */
	struct wait_queue_head wr_wait;	/* room, or no reader left */
};

static struct mount *pipe_mnt;
static struct super_block *pipe_sb;	/* pipe_mnt's */
static u32 pipe_next_ino = 1;		/* atomic */

static bool is_read_end(const struct file *f)
{
	return (f->flags & O_ACCMODE) == O_RDONLY;
}

/*
 * The other side of a transfer is kernel memory (read/write, from the
 * VFS) or user memory (read_user/write_user, from the system calls: one
 * copy instead of two); @addr is a pointer or a user address by @user.
 */
static __always_inline int copy_out(unsigned long addr, const u8 *from, u32 n, bool user)
{
	if (user)
		return copy_to_user((u32)addr, from, n);
	memcpy((void *)addr, from, n);
	return 0;
}

static __always_inline int copy_in(u8 *to, unsigned long addr, u32 n, bool user)
{
	if (user)
		return copy_from_user(to, (u32)addr, n);
	memcpy(to, (const void *)addr, n);
	return 0;
}

/*
 * Copy up to @len bytes out of the ring to @dst; caller holds p->lock.
 * Return: the bytes, or -EFAULT with nothing consumed.
 */
static __always_inline ssize_t pipe_take(struct pipe *p, unsigned long dst, u32 len,
					 bool user)
{
	u32 n = min(len, p->len), first = min(n, VFS_PIPE_SIZE - p->head);

	if (copy_out(dst, p->buf + p->head, first, user))
		return -EFAULT;
	if (n > first && copy_out(dst + first, p->buf, n - first, user))
		return -EFAULT;		/* wrapped: the rest from the start */
	p->head = (p->head + n) % VFS_PIPE_SIZE;
	p->len -= n;
	if (!p->len)
		p->head = 0;		/* keeps small writes contiguous */
	return n;
}

/*
 * Copy up to @len bytes from @src into the ring; caller holds p->lock.
 * Return: the bytes, or -EFAULT with nothing added.
 */
static __always_inline ssize_t pipe_put(struct pipe *p, unsigned long src, u32 len,
					bool user)
{
	u32 tail = (p->head + p->len) % VFS_PIPE_SIZE;
	u32 n = min(len, VFS_PIPE_SIZE - p->len);
	u32 first = min(n, VFS_PIPE_SIZE - tail);

	if (copy_in(p->buf + tail, src, first, user))
		return -EFAULT;
	if (n > first && copy_in(p->buf, src + first, n - first, user))
		return -EFAULT;
	p->len += n;
	return n;
}

/* Wait conditions: read without the lock, rechecked under it. */
static bool pipe_readable(void *arg)
{
	struct pipe *p = arg;

	return READ_ONCE(p->len) || !READ_ONCE(p->writers);
}

struct write_wait {
	struct pipe *p;
	u32 need;			/* room that must be free */
};

static bool pipe_writable(void *arg)
{
	struct write_wait *w = arg;

	return !READ_ONCE(w->p->readers) ||
	       VFS_PIPE_SIZE - READ_ONCE(w->p->len) >= w->need;
}

static __always_inline ssize_t __pipe_read(struct file *f, unsigned long buf, size_t len,
					   bool user)
{
	struct pipe *p = f->inode->priv;
	ssize_t n;
	int ret;

	for (;;) {
		/* An empty pipe is the usual case: wait before taking the lock. */
		if (!(f->flags & O_NONBLOCK)) {
			ret = wait_event_cond(&p->rd_wait, pipe_readable, p, 0);
			if (ret)
				return ret;
		}
		mutex_lock(&p->lock);
		if (p->len) {
			n = pipe_take(p, buf, len, user);
			mutex_unlock(&p->lock);
			if (n > 0)
				wake_up_all(&p->wr_wait);
			return n;
		}
		n = p->writers ? -EAGAIN : 0;	/* 0: end of file */
		mutex_unlock(&p->lock);
		if (!n || (f->flags & O_NONBLOCK))
			return n;
	}
}

static ssize_t pipe_read(struct file *f, void *buf, size_t len, u64 *pos)
{
	(void)pos;
	return __pipe_read(f, (unsigned long)buf, len, false);
}

static ssize_t pipe_read_user(struct file *f, u32 ubuf, size_t len)
{
	return __pipe_read(f, ubuf, len, true);
}

static void send_sigpipe(void)
{
	struct process *proc = current_process();

	if (proc)
		send_signal(proc->pid, SIGPIPE);
}

static __always_inline ssize_t __pipe_write(struct file *f, unsigned long buf, size_t len,
					    bool user)
{
	struct write_wait w = { f->inode->priv, len <= PIPE_BUF ? len : 1 };
	struct pipe *p = w.p;
	size_t done = 0;
	int ret;

	for (;;) {
		mutex_lock(&p->lock);
		if (!p->readers) {
			mutex_unlock(&p->lock);
			send_sigpipe();
			return done ? (ssize_t)done : -EPIPE;
		}
		if (VFS_PIPE_SIZE - p->len >= w.need) {
			ssize_t n = pipe_put(p, buf + done, len - done, user);

			mutex_unlock(&p->lock);
			if (n < 0)
				return done ? (ssize_t)done : n;
			done += n;
			wake_up_all(&p->rd_wait);
			if (done == len)
				return done;
			continue;
		}
		mutex_unlock(&p->lock);
		if (f->flags & O_NONBLOCK)
			return done ? (ssize_t)done : -EAGAIN;
		ret = wait_event_cond(&p->wr_wait, pipe_writable, &w, 0);
		if (ret)
			return done ? (ssize_t)done : ret;
	}
}

static ssize_t pipe_write(struct file *f, const void *buf, size_t len, u64 *pos)
{
	(void)pos;
	return __pipe_write(f, (unsigned long)buf, len, false);
}

static ssize_t pipe_write_user(struct file *f, u32 ubuf, size_t len)
{
	return __pipe_write(f, ubuf, len, true);
}

static void pipe_release(struct inode *inode, struct file *f)
{
	struct pipe *p = inode->priv;

	mutex_lock(&p->lock);
	if (is_read_end(f))
		p->readers--;
	else
		p->writers--;
	mutex_unlock(&p->lock);
	wake_up_all(&p->rd_wait);
	wake_up_all(&p->wr_wait);
}

/* FIONREAD: the bytes a read would return now. */
static long pipe_ioctl(struct file *f, u32 cmd, u32 arg)
{
	struct pipe *p = f->inode->priv;
	int n;

	if (cmd != ABI_FIONREAD)
		return -ENOTTY;
	n = (int)READ_ONCE(p->len);
	return copy_to_user(arg, &n, sizeof(n));
}

/*
 * Ready masks (include/fs/poll.h), read without the lock like the wait
 * conditions above: readable with data or once no writer is left
 * (POLLHUP: end of file), writable when a PIPE_BUF write would fit whole
 * (so a small write does not block), POLLERR once no reader is left.
 * The pipe's wakers (a read or write that moved bytes, the release of an
 * end) already wake the queue each end sleeps on.
 */
static u32 pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe *p = f->inode->priv;
	u32 mask = 0;

	if (is_read_end(f)) {
		poll_wait(f, &p->rd_wait, pt);
		if (READ_ONCE(p->len))
			mask |= POLLIN | POLLRDNORM;
		if (!READ_ONCE(p->writers))
			mask |= POLLHUP;
	} else {
		poll_wait(f, &p->wr_wait, pt);
		if (VFS_PIPE_SIZE - READ_ONCE(p->len) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!READ_ONCE(p->readers))
			mask |= POLLERR;
	}
	return mask;
}

static const struct file_operations pipe_fops = {
	.poll = pipe_poll,
	.read = pipe_read,
	.write = pipe_write,
	.read_user = pipe_read_user,
	.write_user = pipe_write_user,
	.release = pipe_release,
	.ioctl = pipe_ioctl,
};

static void pipefs_evict_inode(struct inode *inode)
{
	struct pipe *p = inode->priv;

	if (!p)
		return;
	kfree(p->buf);
	mutex_destroy(&p->lock);
	kfree(p);
	inode->priv = NULL;
}

static const struct super_operations pipefs_sops = {
	.evict_inode = pipefs_evict_inode,
};

static int pipefs_fill_super(struct super_block *sb, const char *source, void *data)
{
	struct inode *root = new_inode(sb);

	(void)source;
	(void)data;
	if (!root)
		return -ENOMEM;
	root->ino = 1;
	root->mode = S_IFDIR | 0500;
	sb->s_op = &pipefs_sops;
	sb->magic = PIPEFS_MAGIC;
	sb->block_size = VFS_PIPE_SIZE;
	sb->root = d_make_root(root);
	if (!sb->root)
		return -ENOMEM;
	pipe_sb = sb;
	return 0;
}

static struct fs_type pipefs_type = {
	.name = "pipefs",
	.fill_super = pipefs_fill_super,
};

/* A pipe inode with both ends counted (the two files about to open). */
static struct inode *pipe_inode_new(void)
{
	struct inode *inode = new_inode(pipe_sb);
	struct pipe *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!inode || !p)
		goto out_free;
	p->buf = kmalloc(VFS_PIPE_SIZE, GFP_KERNEL);
	if (!p->buf)
		goto out_free;
	mutex_init(&p->lock);
	init_waitqueue_head(&p->rd_wait);
	init_waitqueue_head(&p->wr_wait);
	p->readers = 1;
	p->writers = 1;
	inode->ino = __atomic_add_fetch(&pipe_next_ino, 1, __ATOMIC_SEQ_CST);
	inode->mode = S_IFIFO | 0600;
	inode->i_fop = &pipe_fops;
	inode->priv = p;
	return inode;

out_free:
	if (p)
		kfree(p->buf);
	kfree(p);
	iput(inode);
	return NULL;
}

/* Both ends of a new pipe as files; 0 or -ENOMEM/-ENODEV. */
static int pipe_files(struct file **rf, struct file **wf, int flags)
{
	struct inode *inode;
	struct dentry *d;
	char name[24];

	if (!pipe_mnt)
		return -ENODEV;
	inode = pipe_inode_new();
	if (!inode)
		return -ENOMEM;
	snprintf(name, sizeof(name), "pipe:[%u]", inode->ino);
	d = d_alloc_pseudo(pipe_sb, name, inode);
	if (!d)
		return -ENOMEM;
	*rf = alloc_file_pseudo(pipe_mnt, d, O_RDONLY | (flags & O_NONBLOCK));
	*wf = IS_ERR(*rf) ? ERR_PTR(-ENOMEM) :
	      alloc_file_pseudo(pipe_mnt, d, O_WRONLY | (flags & O_NONBLOCK));
	dput(d);			/* the files hold it now */
	if (IS_ERR(*wf)) {
		if (!IS_ERR(*rf))
			fput(*rf);
		return -ENOMEM;
	}
	return 0;
}

/**
 * vfs_pipe() - make a pipe and give its ends two descriptors of @ctx
 * @ctx: whose table   @fds: out: [0] the read end, [1] the write end
 * @flags: O_CLOEXEC (both descriptors) and/or O_NONBLOCK (both ends)
 * Return: 0; -EINVAL (other flags), -EMFILE (fewer than two free
 * descriptors: none is left allocated), -ENOMEM, -ENODEV (no pipefs).
 */
int vfs_pipe(struct vfs_ctx *ctx, int fds[2], int flags)
{
	bool cloexec = flags & O_CLOEXEC;
	struct file *rf, *wf;
	int ret;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	ret = pipe_files(&rf, &wf, flags);
	if (ret)
		return ret;
	fds[0] = fd_install(ctx, rf, cloexec);
	if (fds[0] < 0) {
		ret = fds[0];
		goto out_put_both;
	}
	fds[1] = fd_install(ctx, wf, cloexec);
	if (fds[1] < 0) {
		ret = fds[1];
		vfs_close(ctx, fds[0]);		/* drops rf */
		fput(wf);
		return ret;
	}
	return 0;

out_put_both:
	fput(rf);
	fput(wf);
	return ret;
}

static int pipefs_init(void)
{
	struct mount *m = kern_mount(&pipefs_type);

	if (IS_ERR(m)) {
		pr_err("cannot mount pipefs: %ld", PTR_ERR(m));
		return PTR_ERR(m);
	}
	pipe_mnt = m;
	return 0;
}

/* No exit: pipes may be open until the end, so the internal mount stays. */
initcall_pair(subsys, pipefs_init, NULL);

// SPDX-License-Identifier: GPL-2.0
/*
 * Directory streams on getdents64(2): opendir opens the directory,
 * readdir hands out one linux_dirent64 record at a time from a buffer it
 * refills.  DIR and struct dirent are ours (include/sys/dirent.h); newlib
 * has none for this target.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sys.h"

/* where d_name starts in a record (19: not sizeof, which pads to 24) */
#define NAME_OFF	offsetof(struct abi_dirent64, d_name)

DIR *fdopendir(int fd)
{
	DIR *d = malloc(sizeof(*d));

	if (!d)
		return NULL;
	d->fd = fd;
	d->pos = 0;
	d->len = 0;
	return d;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

struct dirent *readdir(DIR *d)
{
	const struct abi_dirent64 *k;
	size_t nlen;

	if (d->pos >= d->len) {
		long n = sys_ret(sys3(__NR_getdents64, d->fd, d->buf,
				      sizeof(d->buf)));
		if (n <= 0)
			return NULL;	/* end (errno kept) or error */
		d->len = n;
		d->pos = 0;
	}
	k = (const struct abi_dirent64 *)(d->buf + d->pos);
	if (k->d_reclen < NAME_OFF + 2 || d->pos + k->d_reclen > d->len) {
		errno = EIO;	/* a malformed record: stop, do not run off */
		d->pos = d->len;
		return NULL;
	}
	d->pos += k->d_reclen;
	nlen = strnlen(k->d_name, k->d_reclen - NAME_OFF);
	if (nlen > NAME_MAX)
		nlen = NAME_MAX;
	d->ent.d_ino = (unsigned long)k->d_ino;
	d->ent.d_type = k->d_type;
	memcpy(d->ent.d_name, k->d_name, nlen);
	d->ent.d_name[nlen] = '\0';
	return &d->ent;
}

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}

int dirfd(DIR *d)
{
	return d->fd;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}

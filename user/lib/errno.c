// SPDX-License-Identifier: GPL-2.0
/*
 * Error numbers: the kernel returns Linux errno values, newlib's <errno.h>
 * numbers some of them differently (ENOSYS is 38 in one and 88 in the
 * other).  This file maps one to the other and is the only place in the C
 * runtime that sets errno from a raw system-call result.
 */
#include <errno.h>
#include <reent.h>

#include "sys.h"
#include "uthread.h"

/* Indexed by the Linux value; 0 means "same number". */
static const unsigned char abi_errno_map[] = {
	[35] = EDEADLK,		[36] = ENAMETOOLONG,	[37] = ENOLCK,
	[38] = ENOSYS,		[39] = ENOTEMPTY,	[40] = ELOOP,
	[42] = ENOMSG,		[43] = EIDRM,		[60] = ENOSTR,
	[61] = ENODATA,		[62] = ETIME,		[63] = ENOSR,
	[67] = ENOLINK,		[71] = EPROTO,		[72] = EMULTIHOP,
	[74] = EBADMSG,		[75] = EOVERFLOW,	[77] = EBADF,
	[84] = EILSEQ,		[88] = ENOTSOCK,	[90] = EMSGSIZE,
	[95] = EOPNOTSUPP,	[105] = ENOBUFS,	[110] = ETIMEDOUT,
	[114] = EALREADY,	[115] = EINPROGRESS,	[116] = ESTALE,
	[122] = EDQUOT,		[123] = ENODEV,	[125] = ECANCELED,
};

/* Linux errors with no newlib name get one that reads close enough. */
static int errno_unnamed(int e)
{
	switch (e) {
	case 117:		/* EUCLEAN: filesystem needs cleaning */
		return EIO;
	case 124:		/* EMEDIUMTYPE */
		return ENODEV;
	case 126:		/* ENOKEY */
	case 129:		/* EKEYREJECTED */
		return EACCES;
	default:
		return EINVAL;
	}
}

int errno_from_abi(int e)
{
	if (e > 0 && e <= 34)
		return e;	/* EPERM..ERANGE agree */
	if (e > 0 && e < (int)sizeof(abi_errno_map) && abi_errno_map[e])
		return abi_errno_map[e];
	return errno_unnamed(e);
}

long sys_ret(long r)
{
	if (sys_failed(r)) {
		errno = errno_from_abi((int)-r);
		return -1;
	}
	return r;
}

/*
 * errno per thread: newlib's errno is *__errno().  The main thread keeps
 * newlib's slot in its _REENT (newlib's own code, strtol's ERANGE say,
 * writes that one directly); every other thread has its own, in its
 * descriptor (pthread.c), found through TPIDRURO.  Linked into every
 * program ahead of newlib's (user.mk: -u __errno).
 */
int *__errno(void)
{
	struct uthread *self = __uthread_tp();

	return self ? &self->errno_value : &_REENT->_errno;
}

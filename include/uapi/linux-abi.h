/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system-call ABI as the kernel and user space see it: Linux ARM EABI
 * structure layouts and constant values, under ABI_ / abi_ names so that
 * this header can sit next to newlib's headers (whose values differ) in the
 * C runtime that translates between the two.  Offsets are for ARM EABI
 * (32-bit long, 8-byte aligned long long); the _Static_asserts hold them.
 * Errors are the Linux errno values (include/kernel/errno.h).
 * Pure header: no kernel types, no libc.
 */
#ifndef UAPI_LINUX_ABI_H
#define UAPI_LINUX_ABI_H

/* ---- open(2), fcntl(2), *at(2) ------------------------------------ */
#define ABI_O_RDONLY		00
#define ABI_O_WRONLY		01
#define ABI_O_RDWR		02
#define ABI_O_ACCMODE		03
#define ABI_O_CREAT		0100
#define ABI_O_EXCL		0200
#define ABI_O_NOCTTY		0400
#define ABI_O_TRUNC		01000
#define ABI_O_APPEND		02000
#define ABI_O_NONBLOCK		04000
#define ABI_O_DSYNC		010000
#define ABI_O_DIRECTORY		040000		/* ARM value */
#define ABI_O_NOFOLLOW		0100000		/* ARM value */
#define ABI_O_DIRECT		0200000		/* ARM value */
#define ABI_O_LARGEFILE		0400000		/* ARM value */
#define ABI_O_NOATIME		01000000
#define ABI_O_CLOEXEC		02000000

/* clone() flags */
#define ABI_CSIGNAL		0x000000ff	/* the exit signal of a new process */
#define ABI_CLONE_VM		0x00000100
#define ABI_CLONE_FS		0x00000200
#define ABI_CLONE_FILES		0x00000400
#define ABI_CLONE_SIGHAND	0x00000800
#define ABI_CLONE_THREAD	0x00010000
#define ABI_CLONE_SYSVSEM	0x00040000
#define ABI_CLONE_SETTLS	0x00080000
#define ABI_CLONE_PARENT_SETTID	0x00100000
#define ABI_CLONE_CHILD_CLEARTID 0x00200000
#define ABI_CLONE_DETACHED	0x00400000
#define ABI_CLONE_CHILD_SETTID	0x01000000

/* futex() operations */
#define ABI_FUTEX_WAIT		0
#define ABI_FUTEX_WAKE		1
#define ABI_FUTEX_PRIVATE_FLAG	128
#define ABI_FUTEX_CLOCK_REALTIME 256

#define ABI_F_DUPFD		0
#define ABI_F_GETFD		1
#define ABI_F_SETFD		2
#define ABI_F_GETFL		3
#define ABI_F_SETFL		4
#define ABI_F_DUPFD_CLOEXEC	1030
#define ABI_FD_CLOEXEC		1

#define ABI_AT_FDCWD		(-100)
#define ABI_AT_SYMLINK_NOFOLLOW	0x100
#define ABI_AT_REMOVEDIR	0x200

#define ABI_SEEK_SET		0
#define ABI_SEEK_CUR		1
#define ABI_SEEK_END		2

#define ABI_F_OK		0
#define ABI_X_OK		1
#define ABI_W_OK		2
#define ABI_R_OK		4

/* ---- stat64(2), fstat64(2), lstat64(2), fstatat64(2): 104 bytes ---- */
struct abi_stat64 {
	unsigned long long st_dev;	/* 0 */
	unsigned char __pad0[4];	/* 8 */
	unsigned long __st_ino;		/* 12: low 32 bits of st_ino */
	unsigned int st_mode;		/* 16 */
	unsigned int st_nlink;		/* 20 */
	unsigned long st_uid;		/* 24 */
	unsigned long st_gid;		/* 28 */
	unsigned long long st_rdev;	/* 32 */
	unsigned char __pad3[4];	/* 40 */
	long long st_size;		/* 48 */
	unsigned long st_blksize;	/* 56 */
	unsigned long long st_blocks;	/* 64: 512-byte units */
	unsigned long st_atime_sec;	/* 72 */
	unsigned long st_atime_nsec;	/* 76 */
	unsigned long st_mtime_sec;	/* 80 */
	unsigned long st_mtime_nsec;	/* 84 */
	unsigned long st_ctime_sec;	/* 88 */
	unsigned long st_ctime_nsec;	/* 92 */
	unsigned long long st_ino;	/* 96 */
};

#define ABI_S_IFMT		0170000
#define ABI_S_IFSOCK		0140000
#define ABI_S_IFLNK		0120000
#define ABI_S_IFREG		0100000
#define ABI_S_IFBLK		0060000
#define ABI_S_IFDIR		0040000
#define ABI_S_IFCHR		0020000
#define ABI_S_IFIFO		0010000

/* ---- getdents64(2): records 8-byte aligned, d_name NUL-terminated ---- */
struct abi_dirent64 {
	unsigned long long d_ino;	/* 0 */
	long long d_off;		/* 8 */
	unsigned short d_reclen;	/* 16 */
	unsigned char d_type;		/* 18: DT_* (0 unknown, 4 dir, 8 reg, 10 lnk...) */
	char d_name[];			/* 19 */
};

/* ---- time: 32-bit seconds (the pre-time64 calls listed in unistd.h) ---- */
struct abi_timespec {
	long tv_sec;
	long tv_nsec;
};

struct abi_timeval {
	long tv_sec;
	long tv_usec;
};

struct abi_tms {
	long tms_utime;
	long tms_stime;
	long tms_cutime;
	long tms_cstime;
};

#define ABI_CLOCK_REALTIME	0
#define ABI_CLOCK_MONOTONIC	1
#define ABI_TIMER_ABSTIME	1

/* ---- uname(2) ---- */
#define ABI_UTS_LEN		65
struct abi_utsname {
	char sysname[ABI_UTS_LEN];
	char nodename[ABI_UTS_LEN];
	char release[ABI_UTS_LEN];
	char version[ABI_UTS_LEN];
	char machine[ABI_UTS_LEN];
	char domainname[ABI_UTS_LEN];
};

/* ---- sysinfo(2): 64 bytes ---- */
struct abi_sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 min, scaled by 65536 */
	unsigned long totalram;		/* all in mem_unit bytes */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char __reserved[8];
};

/* ---- statfs64(path, 84, buf), fstatfs64: 84 bytes, packed to 4 ---- */
struct abi_statfs64 {
	unsigned int f_type;		/* 0: *_MAGIC below */
	unsigned int f_bsize;		/* 4 */
	unsigned long long f_blocks;	/* 8 */
	unsigned long long f_bfree;	/* 16 */
	unsigned long long f_bavail;	/* 24 */
	unsigned long long f_files;	/* 32 */
	unsigned long long f_ffree;	/* 40 */
	int f_fsid[2];			/* 48 */
	unsigned int f_namelen;		/* 56 */
	unsigned int f_frsize;		/* 60 */
	unsigned int f_flags;		/* 64: ST_RDONLY = 1 */
	unsigned int f_spare[4];	/* 68 */
} __attribute__((packed, aligned(4)));

#define ABI_ST_RDONLY		1

/* ---- mount(2), umount2(2) ---- */
#define ABI_MS_RDONLY		1
#define ABI_MS_NOSUID		2
#define ABI_MS_NODEV		4
#define ABI_MS_NOEXEC		8
#define ABI_MS_REMOUNT		32
#define ABI_MNT_FORCE		1
#define ABI_MNT_DETACH		2

/* ---- reboot(2) ---- */
#define ABI_REBOOT_MAGIC1	0xfee1dead
#define ABI_REBOOT_MAGIC2	672274793	/* 0x28121969 */
#define ABI_REBOOT_CMD_RESTART	0x01234567
#define ABI_REBOOT_CMD_HALT	0xcdef0123
#define ABI_REBOOT_CMD_POWER_OFF 0x4321fedc

/* ---- mmap2(2) (offset in 4096-byte units), mprotect(2) ---- */
#define ABI_PROT_NONE		0
#define ABI_PROT_READ		1
#define ABI_PROT_WRITE		2
#define ABI_PROT_EXEC		4
#define ABI_MAP_SHARED		0x01
#define ABI_MAP_PRIVATE		0x02
#define ABI_MAP_FIXED		0x10
#define ABI_MAP_ANONYMOUS	0x20

/* ---- wait4(2): status is (code << 8) on exit, the signal in bits 0-6 ---- */
#define ABI_WNOHANG		1
#define ABI_WUNTRACED		2

/* ---- signals (ARM numbering) ---- */
#define ABI_SIGHUP		1
#define ABI_SIGINT		2
#define ABI_SIGQUIT		3
#define ABI_SIGILL		4
#define ABI_SIGTRAP		5
#define ABI_SIGABRT		6
#define ABI_SIGBUS		7
#define ABI_SIGFPE		8
#define ABI_SIGKILL		9
#define ABI_SIGUSR1		10
#define ABI_SIGSEGV		11
#define ABI_SIGUSR2		12
#define ABI_SIGPIPE		13
#define ABI_SIGALRM		14
#define ABI_SIGTERM		15
#define ABI_SIGSTKFLT		16
#define ABI_SIGCHLD		17
#define ABI_SIGCONT		18
#define ABI_SIGSTOP		19
#define ABI_SIGTSTP		20
#define ABI_SIGTTIN		21
#define ABI_SIGTTOU		22
#define ABI_SIGURG		23
#define ABI_SIGXCPU		24
#define ABI_SIGXFSZ		25
#define ABI_SIGVTALRM		26
#define ABI_SIGPROF		27
#define ABI_SIGWINCH		28
#define ABI_SIGIO		29
#define ABI_SIGPWR		30
#define ABI_SIGSYS		31
#define ABI_NSIG		64	/* signals 1..64; bit (n - 1) in a sigset */

/* rt_sigaction(sig, act, oact, 8): the kernel's layout, 20 bytes. */
struct abi_sigaction {
	void (*sa_handler)(int);	/* or ABI_SIG_DFL / ABI_SIG_IGN */
	unsigned long sa_flags;
	void (*sa_restorer)(void);	/* with SA_RESTORER: calls rt_sigreturn */
	unsigned long sa_mask[2];	/* 64-bit sigset, bit (n - 1) = signal n */
};

#define ABI_SIG_DFL		((void (*)(int))0)
#define ABI_SIG_IGN		((void (*)(int))1)
#define ABI_SA_NOCLDSTOP	0x00000001
#define ABI_SA_NOCLDWAIT	0x00000002
#define ABI_SA_SIGINFO		0x00000004
#define ABI_SA_RESTORER		0x04000000
#define ABI_SA_ONSTACK		0x08000000
#define ABI_SA_RESTART		0x10000000
#define ABI_SA_NODEFER		0x40000000
#define ABI_SA_RESETHAND	0x80000000
#define ABI_SIG_BLOCK		0
#define ABI_SIG_UNBLOCK		1
#define ABI_SIG_SETMASK		2
#define ABI_SIGSET_SIZE		8	/* the sigsetsize argument */

/* ---- poll(2), ppoll(2), select(2), pselect6(2) ---- */
struct abi_pollfd {
	int fd;
	short events;
	short revents;
};

#define ABI_POLLIN		0x0001
#define ABI_POLLPRI		0x0002
#define ABI_POLLOUT		0x0004
#define ABI_POLLERR		0x0008
#define ABI_POLLHUP		0x0010
#define ABI_POLLNVAL		0x0020
#define ABI_POLLRDNORM		0x0040
#define ABI_POLLRDBAND		0x0080
#define ABI_POLLWRNORM		0x0100
#define ABI_POLLWRBAND		0x0200

/*
 * select(2): an fd_set is an array of unsigned long, bit (fd % 32) of
 * word (fd / 32); the kernel reads and writes only the words that hold
 * the first n descriptors.  pselect6's sixth argument points at a
 * (sigset pointer, its size) pair: ppoll's last two arguments, packed.
 */
#define ABI_NFDBITS		32
struct abi_sigset_argpack {
	unsigned long ss;		/* user address of the set, or 0 */
	unsigned long ss_len;		/* ABI_SIGSET_SIZE */
};

/* ---- writev(2) ---- */
struct abi_iovec {
	void *iov_base;
	unsigned long iov_len;
};

/* ---- terminals: ioctl(fd, TCGETS/TCSETS*, struct abi_termios *) ---- */
#define ABI_NCCS		19
struct abi_termios {
	unsigned int c_iflag;
	unsigned int c_oflag;
	unsigned int c_cflag;
	unsigned int c_lflag;
	unsigned char c_line;
	unsigned char c_cc[ABI_NCCS];
};

struct abi_winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#define ABI_TCGETS		0x5401
#define ABI_TCSETS		0x5402
#define ABI_TCSETSW		0x5403
#define ABI_TCSETSF		0x5404
#define ABI_TIOCGPGRP		0x540f
#define ABI_TIOCSPGRP		0x5410
#define ABI_TIOCGWINSZ		0x5413
#define ABI_FIONREAD		0x541b

/* c_cc indexes */
#define ABI_VINTR		0
#define ABI_VQUIT		1
#define ABI_VERASE		2
#define ABI_VKILL		3
#define ABI_VEOF		4
#define ABI_VTIME		5
#define ABI_VMIN		6
#define ABI_VSUSP		10
#define ABI_VEOL		11
#define ABI_VWERASE		14

/* c_iflag */
#define ABI_IGNBRK		0000001
#define ABI_BRKINT		0000002
#define ABI_IGNPAR		0000004
#define ABI_PARMRK		0000010
#define ABI_INPCK		0000020
#define ABI_ISTRIP		0000040
#define ABI_INLCR		0000100
#define ABI_IGNCR		0000200
#define ABI_ICRNL		0000400
#define ABI_IXON		0002000
/* c_oflag */
#define ABI_OPOST		0000001
#define ABI_ONLCR		0000004
/* c_cflag */
#define ABI_CSIZE		0000060
#define ABI_CS8			0000060
#define ABI_CREAD		0000200
/* c_lflag */
#define ABI_ISIG		0000001
#define ABI_ICANON		0000002
#define ABI_ECHO		0000010
#define ABI_ECHOE		0000020
#define ABI_ECHOK		0000040
#define ABI_ECHONL		0000100
#define ABI_NOFLSH		0000200
#define ABI_TOSTOP		0000400
#define ABI_IEXTEN		0100000

/* ---- ioctl request encoding (Linux _IOC): dir 31-30, size 29-16 ---- */
#define ABI_IOC_NONE		0U
#define ABI_IOC_WRITE		1U	/* user space writes, kernel reads */
#define ABI_IOC_READ		2U	/* kernel writes, user space reads */
#define ABI_IOC(dir, type, nr, size) \
	(((dir) << 30) | ((unsigned int)(size) << 16) | ((type) << 8) | (nr))
#define ABI_IO(type, nr)	ABI_IOC(ABI_IOC_NONE, (type), (nr), 0)
#define ABI_IOR(type, nr, t)	ABI_IOC(ABI_IOC_READ, (type), (nr), sizeof(t))
#define ABI_IOW(type, nr, t)	ABI_IOC(ABI_IOC_WRITE, (type), (nr), sizeof(t))
#define ABI_IOWR(type, nr, t) \
	ABI_IOC(ABI_IOC_READ | ABI_IOC_WRITE, (type), (nr), sizeof(t))

/* ---- the initial user stack (execve) ---- */
/* sp -> argc, argv[0..argc-1], NULL, envp[..], NULL, auxv pairs, AT_NULL */
#define ABI_AT_NULL		0
#define ABI_AT_PHDR		3
#define ABI_AT_PHENT		4
#define ABI_AT_PHNUM		5
#define ABI_AT_PAGESZ		6
#define ABI_AT_ENTRY		9
#define ABI_AT_HWCAP		16
#define ABI_AT_RANDOM		25

#if defined(__arm__) && !defined(__ASSEMBLER__)
/* The layouts are ARM EABI ones: checked only when compiling for ARM. */
_Static_assert(sizeof(struct abi_stat64) == 104, "stat64 is 104 bytes on ARM EABI");
_Static_assert(__builtin_offsetof(struct abi_stat64, st_size) == 48, "st_size at 48");
_Static_assert(__builtin_offsetof(struct abi_stat64, st_blocks) == 64, "st_blocks at 64");
_Static_assert(__builtin_offsetof(struct abi_stat64, st_ino) == 96, "st_ino at 96");
_Static_assert(__builtin_offsetof(struct abi_dirent64, d_name) == 19, "d_name at 19");
_Static_assert(sizeof(struct abi_statfs64) == 84, "statfs64 is 84 bytes on ARM");
_Static_assert(sizeof(struct abi_utsname) == 390, "utsname is 6 x 65");
_Static_assert(sizeof(struct abi_termios) == 36, "termios is 36 bytes");
_Static_assert(sizeof(struct abi_sigaction) == 20, "sigaction is 20 bytes");
#endif

#endif /* UAPI_LINUX_ABI_H */

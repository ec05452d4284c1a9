// SPDX-License-Identifier: GPL-2.0
/*
 * newlib's reentrant system-call layer (_read_r and friends), replaced.
 *
 * newlib's own versions call our stub (_read...) and then copy errno into
 * the struct _reent they were given, which is always the main thread's
 * (this newlib has one global _impure_ptr).  With threads that copy would
 * let one thread's failure overwrite another's errno.  Ours call the stub
 * and leave errno where the stub put it: *__errno(), per thread
 * (pthread.c).  The _reent argument is unused, as it is for every caller.
 */
#include <reent.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/time.h>

int _read(int fd, void *buf, size_t n);
int _write(int fd, const void *buf, size_t n);
int _open(const char *path, int flags, ...);
int _close(int fd);
off_t _lseek(int fd, off_t off, int whence);
int _fstat(int fd, struct stat *st);
int _stat(const char *path, struct stat *st);
int _isatty(int fd);
void *_sbrk(ptrdiff_t incr);
int _kill(int pid, int sig);
int _getpid(void);
int _unlink(const char *path);
int _link(const char *old, const char *new);
int _rename(const char *old, const char *new);
int _mkdir(const char *path, mode_t mode);
clock_t _times(struct tms *buf);
int _gettimeofday(struct timeval *tv, void *tz);
int _fcntl(int fd, int cmd, int arg);

_ssize_t _read_r(struct _reent *r, int fd, void *buf, size_t n) { (void)r; return _read(fd, buf, n); }
_ssize_t _write_r(struct _reent *r, int fd, const void *buf, size_t n) { (void)r; return _write(fd, buf, n); }
int _open_r(struct _reent *r, const char *path, int flags, int mode) { (void)r; return _open(path, flags, mode); }
int _close_r(struct _reent *r, int fd) { (void)r; return _close(fd); }
_off_t _lseek_r(struct _reent *r, int fd, _off_t off, int whence) { (void)r; return _lseek(fd, off, whence); }
int _fstat_r(struct _reent *r, int fd, struct stat *st) { (void)r; return _fstat(fd, st); }
int _stat_r(struct _reent *r, const char *path, struct stat *st) { (void)r; return _stat(path, st); }
int _isatty_r(struct _reent *r, int fd) { (void)r; return _isatty(fd); }
void *_sbrk_r(struct _reent *r, ptrdiff_t incr) { (void)r; return _sbrk(incr); }
int _kill_r(struct _reent *r, int pid, int sig) { (void)r; return _kill(pid, sig); }
int _getpid_r(struct _reent *r) { (void)r; return _getpid(); }
int _unlink_r(struct _reent *r, const char *path) { (void)r; return _unlink(path); }
int _link_r(struct _reent *r, const char *old, const char *new) { (void)r; return _link(old, new); }
int _rename_r(struct _reent *r, const char *old, const char *new) { (void)r; return _rename(old, new); }
int _mkdir_r(struct _reent *r, const char *path, int mode) { (void)r; return _mkdir(path, (mode_t)mode); }
clock_t _times_r(struct _reent *r, struct tms *buf) { (void)r; return _times(buf); }
int _gettimeofday_r(struct _reent *r, struct timeval *tv, void *tz) { (void)r; return _gettimeofday(tv, tz); }
int _fcntl_r(struct _reent *r, int fd, int cmd, int arg) { (void)r; return _fcntl(fd, cmd, arg); }

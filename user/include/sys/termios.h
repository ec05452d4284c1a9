/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Terminal attributes for newlib's <termios.h> (which includes this file
 * and has nothing else for this target).  The layout and values are the
 * kernel ABI's (include/uapi/linux-abi.h): tcgetattr passes them through.
 */
#ifndef USER_SYS_TERMIOS_H
#define USER_SYS_TERMIOS_H

#include <uapi/linux-abi.h>

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;
typedef unsigned int speed_t;

#define NCCS		ABI_NCCS

struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
};

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#define VINTR		ABI_VINTR
#define VQUIT		ABI_VQUIT
#define VERASE		ABI_VERASE
#define VKILL		ABI_VKILL
#define VEOF		ABI_VEOF
#define VTIME		ABI_VTIME
#define VMIN		ABI_VMIN
#define VSUSP		ABI_VSUSP
#define VEOL		ABI_VEOL
#define VWERASE		ABI_VWERASE

#define IGNBRK		ABI_IGNBRK
#define BRKINT		ABI_BRKINT
#define IGNPAR		ABI_IGNPAR
#define PARMRK		ABI_PARMRK
#define INPCK		ABI_INPCK
#define ISTRIP		ABI_ISTRIP
#define INLCR		ABI_INLCR
#define IGNCR		ABI_IGNCR
#define ICRNL		ABI_ICRNL
#define IXON		ABI_IXON
#define OPOST		ABI_OPOST
#define ONLCR		ABI_ONLCR
#define CSIZE		ABI_CSIZE
#define CS8		ABI_CS8
#define CREAD		ABI_CREAD
#define ISIG		ABI_ISIG
#define ICANON		ABI_ICANON
#define ECHO		ABI_ECHO
#define ECHOE		ABI_ECHOE
#define ECHOK		ABI_ECHOK
#define ECHONL		ABI_ECHONL
#define NOFLSH		ABI_NOFLSH
#define TOSTOP		ABI_TOSTOP
#define IEXTEN		ABI_IEXTEN

#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
void cfmakeraw(struct termios *t);
int tcgetpgrp(int fd);
int tcsetpgrp(int fd, int pgrp);

#endif /* USER_SYS_TERMIOS_H */

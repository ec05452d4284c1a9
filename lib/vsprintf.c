// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf for the kernel: the C99 conversions the kernel uses
 * (d i u x X o c s p %, flags "-0+ #", width, precision, length hh h l ll
 * z t j), plus %pS (symbol+offset, through vsprintf_symbol_hook).
 *
 * Portable C with no kernel dependencies, so the host tests run it against
 * the same cases as the target (lib/tests/vsprintf_test.c).  Output is
 * always NUL-terminated when size > 0; the return value is the length the
 * full output would have had (C99), so truncation is detectable.
 */
#include <kernel/types.h>
#include <kernel/compiler.h>
#include <stdarg.h>

#ifndef VSPRINTF_NAME
#define VSPRINTF_NAME(x) x
#endif

/* Set by kallsyms: formats a code address as "name+0x12/0x40". */
int (*vsprintf_symbol_hook)(char *buf, size_t size, unsigned long addr);

struct out {
	char *buf;
	size_t size;
	size_t len;	/* characters the full output needs */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

enum {
	F_LEFT = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8, F_ALT = 16,
	F_UPPER = 32, F_SIGNED = 64,
};

struct spec {
	int flags;
	int width;
	int prec;	/* -1: none */
};

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void emit_str(struct out *o, const char *s, const struct spec *sp)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while (s[len] && (sp->prec < 0 || len < sp->prec))
		len++;
	if (!(sp->flags & F_LEFT))
		pad(o, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->flags & F_LEFT)
		pad(o, ' ', sp->width - len);
}

static void emit_num(struct out *o, unsigned long long v, bool negative,
		     int base, const struct spec *sp)
{
	const char *digits = (sp->flags & F_UPPER) ? "0123456789ABCDEF" :
						     "0123456789abcdef";
	char tmp[24];
	const char *prefix = "";
	int n = 0, zeros, total;

	if (v == 0 && sp->prec != 0)
		tmp[n++] = '0';
	while (v) {
		tmp[n++] = digits[v % base];
		v /= base;
	}
	if (negative)
		prefix = "-";
	else if (sp->flags & F_PLUS)
		prefix = "+";
	else if (sp->flags & F_SPACE)
		prefix = " ";
	if ((sp->flags & F_ALT) && base == 16 && n && !(n == 1 && tmp[0] == '0'))
		prefix = (sp->flags & F_UPPER) ? "0X" : "0x";
	if ((sp->flags & F_ALT) && base == 8 && tmp[n - 1] != '0')
		prefix = "0";
	zeros = sp->prec > n ? sp->prec - n : 0;
	total = (int)__builtin_strlen(prefix) + zeros + n;
	if ((sp->flags & F_ZERO) && !(sp->flags & F_LEFT) && sp->prec < 0 &&
	    sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}
	if (!(sp->flags & F_LEFT))
		pad(o, ' ', sp->width - total);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->flags & F_LEFT)
		pad(o, ' ', sp->width - total);
}

static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	sp->flags = 0;
	sp->width = 0;
	sp->prec = -1;
	for (;; fmt++) {
		if (*fmt == '-')
			sp->flags |= F_LEFT;
		else if (*fmt == '0')
			sp->flags |= F_ZERO;
		else if (*fmt == '+')
			sp->flags |= F_PLUS;
		else if (*fmt == ' ')
			sp->flags |= F_SPACE;
		else if (*fmt == '#')
			sp->flags |= F_ALT;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->flags |= F_LEFT;
			sp->width = -sp->width;
		}
		fmt++;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp->width = sp->width * 10 + (*fmt++ - '0');
	if (*fmt == '.') {
		fmt++;
		sp->prec = 0;
		if (*fmt == '*') {
			sp->prec = va_arg(*ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp->prec = sp->prec * 10 + (*fmt++ - '0');
	}
	return fmt;
}

/* Length modifiers: 0 int, 1 long, 2 long long, -1 short, -2 char, 3 size_t. */
static const char *parse_length(const char *fmt, int *len)
{
	*len = 0;
	if (fmt[0] == 'h' && fmt[1] == 'h') {
		*len = -2;
		return fmt + 2;
	}
	if (fmt[0] == 'l' && fmt[1] == 'l') {
		*len = 2;
		return fmt + 2;
	}
	switch (*fmt) {
	case 'h':
		*len = -1;
		return fmt + 1;
	case 'l':
		*len = 1;
		return fmt + 1;
	case 'z':
	case 't':
		*len = 3;
		return fmt + 1;
	case 'j':
		*len = 2;
		return fmt + 1;
	}
	return fmt;
}

static unsigned long long get_unsigned(va_list *ap, int len)
{
	switch (len) {
	case -2: return (unsigned char)va_arg(*ap, unsigned int);
	case -1: return (unsigned short)va_arg(*ap, unsigned int);
	case 1: return va_arg(*ap, unsigned long);
	case 2: return va_arg(*ap, unsigned long long);
	case 3: return va_arg(*ap, size_t);
	default: return va_arg(*ap, unsigned int);
	}
}

static long long get_signed(va_list *ap, int len)
{
	switch (len) {
	case -2: return (signed char)va_arg(*ap, int);
	case -1: return (short)va_arg(*ap, int);
	case 1: return va_arg(*ap, long);
	case 2: return va_arg(*ap, long long);
	case 3: return va_arg(*ap, ssize_t);
	default: return va_arg(*ap, int);
	}
}

static const char *emit_pointer(struct out *o, const char *fmt, void *p,
				struct spec *sp)
{
	char sym[128];

	if (*fmt == 'S' && vsprintf_symbol_hook) {
		vsprintf_symbol_hook(sym, sizeof(sym), (unsigned long)p);
		emit_str(o, sym, sp);
		return fmt + 1;
	}
	if (*fmt == 'S')
		fmt++;
	sp->flags |= F_ZERO;
	sp->width = 2 * sizeof(void *);
	put(o, '0');
	put(o, 'x');
	emit_num(o, (unsigned long)p, false, 16, sp);
	return fmt;
}

int VSPRINTF_NAME(vsnprintf)(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };
	struct spec sp;
	va_list ap;
	int len;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &ap);
		fmt = parse_length(fmt, &len);
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = get_signed(&ap, len);

			emit_num(&o, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
				 v < 0, 10, &sp);
			break;
		}
		case 'u':
			emit_num(&o, get_unsigned(&ap, len), false, 10, &sp);
			break;
		case 'X':
			sp.flags |= F_UPPER;
			/* fall through */
		case 'x':
			emit_num(&o, get_unsigned(&ap, len), false, 16, &sp);
			break;
		case 'o':
			emit_num(&o, get_unsigned(&ap, len), false, 8, &sp);
			break;
		case 'c': {
			char c[2] = { (char)va_arg(ap, int), 0 };

			sp.prec = 1;
			emit_str(&o, c, &sp);
			break;
		}
		case 's':
			emit_str(&o, va_arg(ap, const char *), &sp);
			break;
		case 'p':
			fmt = emit_pointer(&o, fmt + 1, va_arg(ap, void *), &sp);
			continue;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			goto out;
		default:	/* unknown conversion: print it verbatim */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
		fmt++;
	}
out:
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int VSPRINTF_NAME(snprintf)(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = VSPRINTF_NAME(vsnprintf)(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Like snprintf, but returns what was actually written (for appending). */
int VSPRINTF_NAME(scnprintf)(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!size)
		return 0;
	va_start(ap, fmt);
	n = VSPRINTF_NAME(vsnprintf)(buf, size, fmt, ap);
	va_end(ap);
	return n < (int)size ? n : (int)size - 1;
}

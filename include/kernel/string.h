/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel string and memory functions (lib/string.c, lib/vsprintf.c). */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include <kernel/types.h>
#include <stdarg.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);
char *strncpy(char *dst, const char *src, size_t n);
char *strcpy(char *dst, const char *src);
char *strstr(const char *hay, const char *needle);
unsigned long strtoul(const char *s, char **end, int base);
long strtol(const char *s, char **end, int base);

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int scnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Zero memory in a way the compiler may not drop (for keys). */
void memzero_explicit(void *s, size_t n);

#endif /* KERNEL_STRING_H */

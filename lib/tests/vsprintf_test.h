/* The function under test: the kernel's own, or its host-built twin. */
#ifdef __KERNEL__
#define ksnprintf snprintf
#define kscnprintf scnprintf
#else
int kernel_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int kernel_scnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define ksnprintf kernel_snprintf
#define kscnprintf kernel_scnprintf
#endif

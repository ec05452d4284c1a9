/* Freestanding <string.h> for third-party code built into the kernel. */
#include <kernel/string.h>

/* SPDX-License-Identifier: MIT */
#ifndef _UAPI_ASM_GENERIC_ERRNO_H
#define _UAPI_ASM_GENERIC_ERRNO_H

#include <asm-generic/errno-base.h>

#define EDEADLK		35	/* Resource deadlock would occur */
#define ENAMETOOLONG	36	/* File name too long */
#define ENOLCK		37	/* No record locks available */
#define ENOSYS		38	/* Invalid system call number */
#define ENOTEMPTY	39	/* Directory not empty */
#define ELOOP		40	/* Too many symbolic links encountered */
#define ENOMSG		42	/* No message of desired type */
#define ENODATA		61	/* No data available */
#define ETIME		62	/* Timer expired */
#define EOVERFLOW	75	/* Value too large for defined data type */
#define EILSEQ		84	/* Illegal byte sequence */
#define ENOTSOCK	88	/* Socket operation on non-socket */
#define EOPNOTSUPP	95	/* Operation not supported on transport endpoint */
#define ETIMEDOUT	110	/* Connection timed out */
#define EALREADY	114	/* Operation already in progress */
#define ECANCELED	125	/* Operation Canceled */

#endif /* _UAPI_ASM_GENERIC_ERRNO_H */

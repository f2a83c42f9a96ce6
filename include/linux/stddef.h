/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#undef NULL
#define NULL ((void *)0)

#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)

/* The size of a member of a struct type, without an object of it. */
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))

#endif /* _LINUX_STDDEF_H */

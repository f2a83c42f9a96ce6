/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

/*
 * Taint: flags the kernel sets on itself once something has gone wrong
 * that it survived, so every later report says the kernel is no longer
 * trustworthy.  The letters are Linux's ("Tainted: G    B").
 *
 *   TAINT_BAD_PAGE   'B'  a bad page, or slab corruption, was reported
 *   TAINT_WARN       'W'  a WARN() fired
 */
#define TAINT_BAD_PAGE		5
#define TAINT_WARN		9
#define TAINT_FLAGS_COUNT	19

/* add_taint - mark the kernel tainted with FLAG (TAINT_*). */
void add_taint(unsigned int flag);
/* test_taint - is FLAG set? */
bool test_taint(unsigned int flag);
/* print_tainted - "Not tainted" or "Tainted: " and one letter per flag. */
const char *print_tainted(void);

#endif /* _LINUX_PANIC_H */

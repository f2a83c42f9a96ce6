/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_DELAYED_CALL_H
#define _LINUX_DELAYED_CALL_H

/*
 * A clean-up to run later: a get_link method that builds its answer
 * (procfs's "self" -> "42") hands back the string and, in the
 * delayed_call, how to free it once the path walk is done with it.
 */
struct delayed_call {
	void (*fn)(void *arg);
	void *arg;
};

#define DEFINE_DELAYED_CALL(name) struct delayed_call name = { NULL, NULL }

static inline void set_delayed_call(struct delayed_call *call,
				    void (*fn)(void *), void *arg)
{
	call->fn = fn;
	call->arg = arg;
}

/* Runs the clean-up, if one was set, and clears it. */
static inline void do_delayed_call(struct delayed_call *call)
{
	if (call->fn)
		call->fn(call->arg);
	call->fn = NULL;
}

#endif /* _LINUX_DELAYED_CALL_H */

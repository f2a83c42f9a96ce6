// SPDX-License-Identifier: MIT
/*
 * The kernel command line.
 *
 * The boot loader's string ("console=ttyS0 mem=256M ktest=all -- arg") is
 * split into parameters, "name" or "name=value", where a value may be
 * double-quoted to hold spaces.  Each name is looked up among the
 * handlers declared with early_param() (run by parse_early_param() from
 * setup_arch(), before memory is set up) and __setup() (run later by
 * parse_args()).  As in Linux, a parameter nobody claims is handed to the
 * init process: "name=value" as an environment variable, a bare word as an
 * argument, and everything after "--" as arguments.  Names with a dot
 * (module.param) are module options; with no modules they are ignored.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/ctype.h>

extern const struct obs_kernel_param __setup_start[], __setup_end[];

/* "name=" and "name" both match the parameter NAME. */
static bool param_matches(const struct obs_kernel_param *p, const char *name)
{
	size_t len = strlen(p->str);

	if (len && p->str[len - 1] == '=')
		len--;
	return strlen(name) == len && !strncmp(p->str, name, len);
}

/*
 * Cuts the next parameter off ARGS in place: sets *name and *val (NULL
 * when there is no '='), strips quotes, and returns the rest of the line.
 */
static char *next_arg(char *args, char **name, char **val)
{
	bool in_quote = false;
	char *end, *eq = NULL;

	args = skip_spaces(args);
	if (*args == '"') {
		args++;
		in_quote = true;
	}
	for (end = args; *end; end++) {
		if (isspace((unsigned char)*end) && !in_quote)
			break;
		if (*end == '"')
			in_quote = !in_quote;
		if (*end == '=' && !eq)
			eq = end;
	}
	*name = args;
	*val = NULL;
	if (eq) {
		*eq = '\0';
		*val = eq + 1;
		if (**val == '"') {
			(*val)++;
			if (end > *val && end[-1] == '"')
				end[-1] = '\0';
		}
	}
	if (end > args && end[-1] == '"')
		end[-1] = '\0';
	if (*end)
		*end++ = '\0';
	return end;
}

/* Runs the handler for NAME of the given kind; false if there is none. */
static bool run_setup(const char *name, char *val, bool early)
{
	const struct obs_kernel_param *p;

	for (p = __setup_start; p < __setup_end; p++) {
		if (!param_matches(p, name))
			continue;
		if (p->early != early)
			return true;	/* known, handled in the other pass */
		if (p->setup_func(val ? val : (char *)""))
			pr_warn("Malformed kernel parameter '%s%s%s', ignored\n",
				name, val ? "=" : "", val ? val : "");
		return true;
	}
	return false;
}

static char early_cmdline[COMMAND_LINE_SIZE] __initdata;

void __init parse_early_param(void)
{
	char *args = early_cmdline, *name, *val;

	strscpy(early_cmdline, boot_command_line, sizeof(early_cmdline));
	while (*(args = skip_spaces(args))) {
		args = next_arg(args, &name, &val);
		if (!strcmp(name, "--"))
			break;
		run_setup(name, val, true);
	}
}

/* What init will get: argv[1..] and envp[], from unclaimed parameters. */
#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32
const char *argv_init[MAX_INIT_ARGS + 2];
const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux" };
static unsigned int nr_init_args = 1, nr_init_envs = 2;
static char unknown_params[COMMAND_LINE_SIZE] __initdata;

static void __init add_init_param(char *name, char *val)
{
	if (val) {
		name[strlen(name)] = '=';	/* rejoin "name=value" in place */
		if (nr_init_envs < MAX_INIT_ENVS)
			envp_init[nr_init_envs++] = name;
		else
			pr_warn("Too many environment variables for init: %s\n",
				name);
	} else {
		if (nr_init_args < MAX_INIT_ARGS)
			argv_init[nr_init_args++] = name;
		else
			pr_warn("Too many arguments for init: %s\n", name);
	}
}

static char cmdline_copy[COMMAND_LINE_SIZE] __initdata;

void __init parse_args(void)
{
	char *args = cmdline_copy, *name, *val;
	bool after_dashes = false;

	strscpy(cmdline_copy, boot_command_line, sizeof(cmdline_copy));
	while (*(args = skip_spaces(args))) {
		args = next_arg(args, &name, &val);
		if (after_dashes) {
			add_init_param(name, val);
			continue;
		}
		if (!strcmp(name, "--")) {
			after_dashes = true;
			continue;
		}
		if (run_setup(name, val, false) || strchr(name, '.'))
			continue;
		strlcat(unknown_params, " ", sizeof(unknown_params));
		strlcat(unknown_params, name, sizeof(unknown_params));
		if (val) {
			strlcat(unknown_params, "=", sizeof(unknown_params));
			strlcat(unknown_params, val, sizeof(unknown_params));
		}
		add_init_param(name, val);
	}
	if (*unknown_params)
		pr_notice("Unknown kernel command line parameters \"%s\", will be passed to user space.\n",
			  unknown_params + 1);
}

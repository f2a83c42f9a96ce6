// SPDX-License-Identifier: MIT
/*
 * fixdep: turn a compiler dependency file into a kbuild .cmd file.
 *
 * gcc -MMD writes "target: src.c a.h b.h ...".  Depending on
 * include/generated/autoconf.h would rebuild every object whenever any
 * option changes, so instead fixdep drops that header and, for each file
 * the compiler read, looks for CONFIG_ words.  kconfig's silentoldconfig
 * keeps one empty file per option under include/config/ (CONFIG_FOO_BAR is
 * include/config/foo/bar.h) and touches it only when that option's value
 * changes; making the object depend on those files rebuilds exactly the
 * objects whose sources test a changed option.
 *
 * Usage: fixdep <depfile> <target> <command>
 * Output (stdout): savedcmd_<target> := <command>, then the dependencies.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Options already emitted for this target; a small linear set is enough. */
static char **seen;
static size_t nr_seen, cap_seen;

static int already_seen(const char *name, size_t len)
{
	for (size_t i = 0; i < nr_seen; i++)
		if (strlen(seen[i]) == len && !memcmp(seen[i], name, len))
			return 1;
	if (nr_seen == cap_seen) {
		cap_seen = cap_seen ? 2 * cap_seen : 64;
		seen = realloc(seen, cap_seen * sizeof(*seen));
		if (!seen) {
			perror("fixdep");
			exit(2);
		}
	}
	seen[nr_seen] = strndup(name, len);
	return !seen[nr_seen++];
}

/* Print the kconfig touch file of option NAME (without the CONFIG_). */
static void use_config(const char *name, size_t len)
{
	if (already_seen(name, len))
		return;
	printf("    $(wildcard include/config/");
	for (size_t i = 0; i < len; i++)
		putchar(name[i] == '_' ? '/' : tolower((unsigned char)name[i]));
	printf(".h) \\\n");
}

static int is_ident(int c)
{
	return isalnum(c) || c == '_';
}

/* Scan one source or header for CONFIG_ words. */
static void parse_config_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long size;

	if (!f) {
		fprintf(stderr, "fixdep: cannot open %s\n", path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = malloc(size + 1);
	if (!buf || fread(buf, 1, size, f) != (size_t)size) {
		fprintf(stderr, "fixdep: cannot read %s\n", path);
		exit(2);
	}
	buf[size] = '\0';
	fclose(f);

	for (char *p = buf; (p = strstr(p, "CONFIG_")) != NULL; ) {
		char *name = p + 7, *end = name;

		if (p > buf && is_ident(p[-1])) {
			p = name;
			continue;
		}
		while (is_ident(*end))
			end++;
		/* IS_ENABLED(CONFIG_FOO_MODULE) style suffixes name FOO too. */
		if (end > name)
			use_config(name, end - name);
		p = end;
	}
	free(buf);
}

static int is_ignored(const char *path)
{
	static const char *const ignore[] = {
		"include/generated/autoconf.h",
		"include/linux/kconfig.h",
	};
	size_t len = strlen(path);

	for (size_t i = 0; i < sizeof(ignore) / sizeof(ignore[0]); i++) {
		size_t n = strlen(ignore[i]);

		if (len >= n && !strcmp(path + len - n, ignore[i]))
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	FILE *f;
	char word[4096];
	int first = 1;

	if (argc != 4) {
		fprintf(stderr, "usage: fixdep <depfile> <target> <cmdline>\n");
		return 1;
	}
	f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	printf("savedcmd_%s := %s\n\n", argv[2], argv[3]);
	printf("deps_%s := \\\n", argv[2]);

	/* Words of the .d file: "target:" first, then prerequisites. */
	while (fscanf(f, "%4095s", word) == 1) {
		size_t len = strlen(word);

		if (!strcmp(word, "\\"))
			continue;
		if (first) {
			first = 0;
			continue;
		}
		if (len && word[len - 1] == ':')
			continue;
		if (is_ignored(word))
			continue;
		printf("  %s \\\n", word);
		parse_config_file(word);
	}
	fclose(f);

	printf("\n%s: $(deps_%s)\n\n$(deps_%s):\n", argv[2], argv[2], argv[2]);
	return 0;
}

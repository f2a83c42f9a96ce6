# SPDX-License-Identifier: MIT
#
# Engram's top Makefile, in the manner of Linux's kbuild.
#
#   make [ARCH=x86_64|i386] [O=dir] [V=1] [C=1] [W=1] [target]
#
# Every directory lists what it builds in its own Makefile with
# obj-y += foo.o / obj-$(CONFIG_FOO) += foo.o / obj-y += subdir/; this file
# reads them all into one make (no recursion), so the whole build is one
# dependency graph.  "make help" lists the targets.

VERSION = 0
PATCHLEVEL = 1
SUBLEVEL = 0
KERNELRELEASE = $(VERSION).$(PATCHLEVEL).$(SUBLEVEL)

MAKEFLAGS += -rR --no-print-directory
.SUFFIXES:
.DEFAULT_GOAL := all

# ---------------------------------------------------------------------------
# Output directory: O=dir builds there, leaving the source tree clean.
srctree := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
ifneq ($(O),)
  objtree := $(abspath $(O))
  $(shell mkdir -p $(objtree))
else
  objtree := $(srctree)
endif

ifneq ($(objtree),$(CURDIR))
# Re-run make inside the output directory so every path is relative to it.
$(srctree)/Makefile Makefile: ;
%:: FORCE
	@$(MAKE) -C $(objtree) -f $(srctree)/Makefile O=$(objtree) $@
all: FORCE
	@$(MAKE) -C $(objtree) -f $(srctree)/Makefile O=$(objtree) all
FORCE:
.PHONY: FORCE all
else # -------------------------------------------- the real build follows

include $(srctree)/scripts/Kbuild.include

# The port: ARCH on the command line wins; otherwise the existing .config's
# port; otherwise x86_64.
ifeq ($(ARCH),)
  ARCH := $(if $(shell grep -s '^CONFIG_X86_32=y' .config),i386,x86_64)
endif
ifeq ($(filter x86_64 i386,$(ARCH)),)
  $(error ARCH=$(ARCH) is not a port of Engram: use ARCH=x86_64 or ARCH=i386)
endif
export ARCH srctree

HOSTCC := gcc
CC := gcc
LD := ld
OBJCOPY := objcopy
NM := nm
CHECK := sparse
CONF := kconfig-conf

# ---------------------------------------------------------------------------
# Configuration (kconfig-frontends).

config-targets := config menuconfig nconfig oldconfig olddefconfig defconfig \
	savedefconfig allnoconfig allyesconfig alldefconfig randconfig \
	%_defconfig listnewconfig
no-config-targets := $(config-targets) clean mrproper distclean help \
	install-deps run qemu-gdb iso bochs bench bench-linux check check-host \
	check-kernel check-boot initramfs kselftest

KCONFIG_ENV = srctree=$(srctree) ARCH=$(ARCH) KERNELVERSION=$(KERNELRELEASE) \
	KCONFIG_CONFIG=.config \
	KCONFIG_AUTOCONFIG=include/config/auto.conf \
	KCONFIG_AUTOHEADER=include/generated/autoconf.h \
	KCONFIG_TRISTATE=include/config/tristate.conf
kconfig = $(KCONFIG_ENV) $(1) $(srctree)/Kconfig

# The default configuration of each port lives in arch/*/configs/.
defconfig-x86_64 := $(srctree)/arch/x86/configs/x86_64_defconfig
defconfig-i386 := $(srctree)/arch/i386/configs/i386_defconfig
defconfig-file = $(firstword $(wildcard $(srctree)/arch/x86/configs/$(1) \
	$(srctree)/arch/i386/configs/$(1)))

config oldconfig:
	$(Q)$(call kconfig,$(CONF) --oldaskconfig)
menuconfig:
	$(Q)$(call kconfig,kconfig-mconf)
nconfig:
	$(Q)$(call kconfig,kconfig-nconf)
olddefconfig listnewconfig allnoconfig allyesconfig alldefconfig:
	$(Q)$(call kconfig,$(CONF) --$@)
randconfig:
	$(Q)$(if $(SEED),KCONFIG_SEED=$(SEED)) $(call kconfig,$(CONF) --randconfig)
defconfig:
	$(Q)$(call kconfig,$(CONF) --defconfig=$(defconfig-$(ARCH)))
%_defconfig:
	$(Q)test -n "$(call defconfig-file,$@)" || \
		{ echo "No such defconfig: $@ (see arch/*/configs/)"; exit 1; }
	$(Q)$(call kconfig,$(CONF) --defconfig=$(call defconfig-file,$@))
savedefconfig:
	$(Q)$(call kconfig,$(CONF) --savedefconfig=defconfig)
	@echo "  GEN     defconfig"

# The ports' own defconfigs (i386_*defconfig, x86_64_*defconfig) choose
# the port themselves.
i386_%: ARCH := i386
x86_64_%: ARCH := x86_64

.PHONY: $(filter-out %_defconfig,$(config-targets))

# Every other target needs include/config/auto.conf, regenerated from
# .config when .config changes.  silentoldconfig also maintains the
# include/config/*.h touch files that fixdep makes objects depend on.
need-config := $(if $(MAKECMDGOALS),$(filter-out $(no-config-targets),$(MAKECMDGOALS)),all)

ifneq ($(need-config),)
ifeq ($(wildcard .config),)
  $(info *** No .config here: running "make defconfig" for ARCH=$(ARCH) first.)
  $(shell $(call kconfig,$(CONF) -s --defconfig=$(defconfig-$(ARCH))) >&2)
endif
# The port is fixed by ARCH: a .config of the other port is converted at
# once (as "make olddefconfig" would), which makes auto.conf stale.
ifneq ($(if $(shell grep -s '^CONFIG_X86_32=y' .config),i386,x86_64),$(ARCH))
  $(info *** .config is for the other port: converting it to ARCH=$(ARCH))
  $(shell $(call kconfig,$(CONF) -s --olddefconfig) >&2)
endif
# Every Kconfig file counts: a new option or default in any of them must
# reach auto.conf.
KCONFIG_FILES := $(shell find $(srctree) -name 'Kconfig*' -not -path '*/.git/*' \
	-not -path '$(srctree)/build/*')
include/config/auto.conf: .config $(KCONFIG_FILES)
	$(Q)mkdir -p include/config include/generated
	$(Q)$(call kconfig,$(CONF) -s --olddefconfig)
	$(Q)$(call kconfig,$(CONF) -s --silentoldconfig)
	$(Q)touch $@
-include include/config/auto.conf
endif

# ---------------------------------------------------------------------------
# Flags.

ifeq ($(ARCH),x86_64)
  SRCARCH_DIRS := arch/x86/
else
  SRCARCH_DIRS := arch/x86/ arch/i386/
endif

KBUILD_CPPFLAGS := -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-I$(srctree)/arch/x86/include -Iinclude -I$(srctree)/include \
	-I$(srctree)/include/uapi -include $(srctree)/include/linux/kconfig.h \
	-D__KERNEL__
KBUILD_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-common -fno-strict-aliasing \
	-fno-omit-frame-pointer -fno-optimize-sibling-calls \
	-fno-asynchronous-unwind-tables \
	-fno-delete-null-pointer-checks -fmacro-prefix-map=$(srctree)/= -Wall -Wundef -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-sign-compare -Wno-format-zero-length \
	-Wvla -Wimplicit-fallthrough -Werror
KBUILD_AFLAGS := -D__ASSEMBLY__
KBUILD_LDFLAGS := -nostdlib -z max-page-size=0x1000 --build-id=none \
	-z noexecstack --no-warn-rwx-segments

ifeq ($(W),1)
  KBUILD_CFLAGS += -Wextra -Wno-unused-parameter -Wmissing-declarations \
	-Wshadow -Wcast-align -Wpointer-arith
endif

include $(srctree)/arch/x86/Makefile

# ---------------------------------------------------------------------------
# Walking the tree: read DIR/Kbuild (or DIR/Makefile), collect its objects,
# descend into the subdirectories it names.

objs :=
define descend
obj-y :=
include $$(firstword $$(wildcard $(srctree)/$(1)Kbuild) $(srctree)/$(1)Makefile)
objs += $$(addprefix $(1),$$(filter %.o,$$(obj-y)))
subdirs-$(1) := $$(addprefix $(1),$$(filter %/,$$(obj-y)))
$$(foreach d,$$(subdirs-$(1)),$$(eval $$(call descend,$$(d))))
endef

core-y := init/ kernel/ mm/ fs/ lib/ drivers/ $(SRCARCH_DIRS)
ifneq ($(need-config),)
$(foreach d,$(core-y),$(eval $(call descend,$(d))))
endif

# ---------------------------------------------------------------------------
# Rules.

quiet_cmd_cc_o_c = CC      $@
      cmd_cc_o_c = $(CC) -Wp,-MMD,$(depfile) $(KBUILD_CPPFLAGS) \
		$(KBUILD_CFLAGS) $(CFLAGS_$(notdir $@)) -c -o $@ $<
quiet_cmd_as_o_S = AS      $@
      cmd_as_o_S = $(CC) -Wp,-MMD,$(depfile) $(KBUILD_CPPFLAGS) \
		$(KBUILD_AFLAGS) $(KBUILD_CFLAGS) -c -o $@ $<
quiet_cmd_cpp_lds_S = LDS     $@
      cmd_cpp_lds_S = $(CC) -E -P -Wp,-MMD,$(depfile) $(KBUILD_CPPFLAGS) \
		-D__ASSEMBLY__ -DLINKER_SCRIPT -x c -o $@ $<
quiet_cmd_check = CHECK   $<
      cmd_check = $(CHECK) -D__CHECKER__ -Wbitwise -Wno-return-void \
		-Wno-unknown-attribute $(CHECKFLAGS) $(KBUILD_CPPFLAGS) \
		$(filter-out -W% -f%,$(KBUILD_CFLAGS)) -Wsparse-error $<

ifeq ($(C),1)
  run-check = $(call cmd,check)
endif

LDS := arch/x86/kernel/vmlinux.lds

# The port's system call table and numbers, from its .tbl file.
syscall-bits := $(if $(CONFIG_X86_64),64,32)
syscall-tbl := $(srctree)/arch/x86/entry/syscalls/syscall_$(syscall-bits).tbl
generated-h := include/generated/asm/syscalls_$(syscall-bits).h \
	include/generated/uapi/asm/unistd_$(syscall-bits).h

# Static pattern rules: a plain "%.o: dir/%.c" would match file names
# only, not paths.
S-objs := $(foreach o,$(objs),$(if $(wildcard $(srctree)/$(o:.o=.S)),$(o)))
c-objs := $(filter-out $(S-objs),$(objs))

$(c-objs): %.o: $(srctree)/%.c scripts/basic/fixdep FORCE | include/config/auto.conf $(generated-h)
	@mkdir -p $(@D)
	$(run-check)
	$(call if_changed_dep,cc_o_c)

$(S-objs): %.o: $(srctree)/%.S scripts/basic/fixdep FORCE | include/config/auto.conf $(generated-h)
	@mkdir -p $(@D)
	$(call if_changed_dep,as_o_S)

$(LDS): %.lds: $(srctree)/%.lds.S scripts/basic/fixdep FORCE | include/config/auto.conf
	@mkdir -p $(@D)
	$(call if_changed_dep,cpp_lds_S)

quiet_cmd_hostcc = HOSTCC  $@
      cmd_hostcc = $(HOSTCC) -O2 -Wall -o $@ $<
scripts/basic/fixdep: $(srctree)/scripts/basic/fixdep.c
	@mkdir -p $(@D)
	$(call cmd,hostcc)

# vmlinux: link the objects, then add the symbol table (kallsyms) used by
# backtraces.  The table sits after all code, so adding it moves no
# function; scripts/link-vmlinux.sh checks that.
quiet_cmd_link_vmlinux = LD      $@
      cmd_link_vmlinux = LD="$(LD)" NM="$(NM)" CC="$(CC)" \
	LDFLAGS="$(KBUILD_LDFLAGS) $(LDFLAGS_vmlinux)" \
	AFLAGS="$(KBUILD_CPPFLAGS) $(KBUILD_AFLAGS) $(KBUILD_CFLAGS)" \
	$(srctree)/scripts/link-vmlinux.sh $@ $(LDS) $(objs)

vmlinux: $(objs) $(LDS) $(srctree)/scripts/link-vmlinux.sh FORCE
	$(call if_changed,link_vmlinux)

# engram.img: the loaded image, a flat copy of vmlinux from its first byte
# at the load address.  Its multiboot headers carry the addresses, so QEMU's
# -kernel and GRUB load it the same way for both ports.
quiet_cmd_objcopy_img = OBJCOPY $@
      cmd_objcopy_img = $(OBJCOPY) -O binary vmlinux $@
engram.img: vmlinux FORCE
	$(call if_changed,objcopy_img)

all: engram.img
ifeq ($(C),1)
	@echo "  SPARSE  no warnings in the files compiled (a warning fails the build)"
endif

# The banner's version and compiler (init/version.c); rewritten only
# when it changes.
      cmd_compile_h = $(srctree)/scripts/mkcompile_h $@ \
	"$(KERNELRELEASE)$(CONFIG_LOCALVERSION)" "$(ARCH)" "$(CC)" "$(LD)"
include/generated/compile.h: include/config/auto.conf FORCE
	$(Q)$(cmd_compile_h)
init/version.o: include/generated/compile.h

include/generated/asm/syscalls_%.h: $(syscall-tbl) $(srctree)/scripts/syscalltbl.sh
	$(Q)mkdir -p $(@D)
	$(Q)sh $(srctree)/scripts/syscalltbl.sh $< $@
include/generated/uapi/asm/unistd_%.h: $(syscall-tbl) $(srctree)/scripts/syscallhdr.sh
	$(Q)mkdir -p $(@D)
	$(Q)sh $(srctree)/scripts/syscallhdr.sh $< $@ _ASM_UNISTD_$*_H

# ---------------------------------------------------------------------------
# Running, testing and the rest.
include $(srctree)/scripts/Makefile.run

quiet_cmd_gen_compile_commands = GEN     $@
      cmd_gen_compile_commands = python3 $(srctree)/scripts/gen_compile_commands.py \
	$(objs) > $@
compile_commands.json: all FORCE
	$(call cmd,gen_compile_commands)

clean:
	@find . \( -name '*.o' -o -name '.*.cmd' -o -name '.*.d' \
		-o -name '*.lds' -o -name '.tmp_*' \) -type f -delete
	@rm -f vmlinux engram.img engram.iso System.map compile_commands.json
	@rm -rf .tmp_iso usr/initramfs-*.cpio
mrproper distclean: clean
	@rm -rf include/config include/generated .config .config.old \
		scripts/basic/fixdep defconfig build
install-deps:
	$(Q)$(srctree)/scripts/install-deps.sh

help:
	@cat $(srctree)/scripts/help.txt

.cmd-files := $(wildcard $(foreach f,$(objs) vmlinux engram.img $(LDS),$(dir $(f)).$(notdir $(f)).cmd))
-include $(.cmd-files)

FORCE:
.PHONY: all clean mrproper distclean help install-deps FORCE
endif

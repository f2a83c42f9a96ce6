/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_ACPI_H
#define _ASM_X86_ACPI_H

/*
 * The little of ACPI Engram uses: finding the firmware's tables at boot
 * (printed as Linux does) and powering off through the S5 sleep state.
 */
void acpi_boot_init(void);
/* Enters S5 if the tables said how; returns if it could not. */
void acpi_power_off(void);

#endif /* _ASM_X86_ACPI_H */

import type { PerformedService } from './session-note.js';

/**
 * Issue 4: a technique or pressure that conflicts with an active screening alert is flagged in the note
 * (e.g. cupping with anticoagulants, deep pressure in a gentle-treatment population). Flags inform; the
 * therapist decides — nothing is blocked.
 */
export type AlertForConflicts = {
  ruleId: string;
  severity: string;
  title: string;
  modalitiesToAvoid: readonly string[];
};

export type AlertConflict = { ruleId: string; alertTitle: string; what: string; serviceIndex: number | null };

/** Which screening "modalities to avoid" each technique is. */
const TECHNIQUE_MODALITIES: Readonly<Record<string, readonly string[]>> = {
  deep_tissue: ['deep_tissue'],
  cupping: ['cupping'],
  hot_pack: ['heat'],
  cold_pack: ['cold'],
  contrast_hydrotherapy: ['heat', 'cold'],
  manual_lymph_drainage: ['mld'],
};

/** Walton level 4 (firm) and 5 (deep) count as deep pressure. */
export const DEEP_PRESSURE_FROM = 4;

export function alertConflicts(
  note: { services: readonly Pick<PerformedService, 'technique'>[]; pressureLevel: number | null },
  alerts: readonly AlertForConflicts[],
  techniqueLabel: (id: string) => string = (id) => id,
): AlertConflict[] {
  const conflicts: AlertConflict[] = [];
  for (const alert of alerts) {
    note.services.forEach((service, index) => {
      const modalities = TECHNIQUE_MODALITIES[service.technique] ?? [];
      if (modalities.some((m) => alert.modalitiesToAvoid.includes(m)))
        conflicts.push({
          ruleId: alert.ruleId,
          alertTitle: alert.title,
          what: `${techniqueLabel(service.technique)} is to be avoided: ${alert.title}.`,
          serviceIndex: index,
        });
    });
    const deep = note.pressureLevel !== null && note.pressureLevel >= DEEP_PRESSURE_FROM;
    if (deep && (alert.severity === 'gentle' || alert.modalitiesToAvoid.includes('deep_tissue')))
      conflicts.push({
        ruleId: alert.ruleId,
        alertTitle: alert.title,
        what: `Pressure ${note.pressureLevel} is deep pressure: ${alert.title} calls for lighter work.`,
        serviceIndex: null,
      });
  }
  return conflicts;
}

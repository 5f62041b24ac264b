import type { Condition } from './library-content.js';

/** What a condition may refer to; the shipped-content test and clinics' own conditions check the same. */
export type KnownReferences = {
  techniques: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  screeningRules: ReadonlySet<string>;
  specialTests: ReadonlySet<string>;
  rom: readonly { joint: string; movement: string }[];
};

export function conditionReferenceProblems(
  condition: Condition,
  known: KnownReferences,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  condition.screeningRules.forEach((rule, i) => {
    if (!known.screeningRules.has(rule))
      problems.push({ path: `screeningRules.${i}`, message: `There is no screening rule "${rule}".` });
  });
  condition.assessmentFocus.specialTests.forEach((test, i) => {
    if (!known.specialTests.has(test))
      problems.push({
        path: `assessmentFocus.specialTests.${i}`,
        message: `There is no special test "${test}".`,
      });
  });
  condition.assessmentFocus.rom.forEach(({ joint, movement }, i) => {
    if (!known.rom.some((n) => n.joint === joint && n.movement === movement))
      problems.push({
        path: `assessmentFocus.rom.${i}`,
        message: `No normal value for ${joint} ${movement}.`,
      });
  });
  condition.protocol.steps.forEach((step, i) => {
    if (!known.techniques.has(step.technique))
      problems.push({
        path: `protocol.steps.${i}.technique`,
        message: `There is no technique "${step.technique}".`,
      });
    step.regions.forEach((region, j) => {
      if (!known.regions.has(region))
        problems.push({
          path: `protocol.steps.${i}.regions.${j}`,
          message: `There is no body region "${region}".`,
        });
    });
  });
  return problems;
}

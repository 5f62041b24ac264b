import type { Condition } from './library-content.js';

/**
 * The client education sheet for a condition (issue 4): what it is, what helps at home, what a course of
 * massage looks like, and when to see a doctor — from the condition's own content, in the same words.
 */
export function educationSheetFor(condition: Condition, issuer: string) {
  const heatAndCold = condition.protocol.hydrotherapy.map(
    (h) =>
      `${h.kind === 'heat' ? 'Heat' : h.kind === 'cold' ? 'Cold' : 'Alternating heat and cold'} on the ${h.where.toLowerCase()} for about ${h.minutes} minutes; ${h.when.charAt(0).toLowerCase()}${h.when.slice(1)}`,
  );
  return {
    title: condition.name,
    subtitle: 'Information for clients and their families',
    issuer,
    sections: [
      { heading: `About ${condition.name.toLowerCase()}`, paragraphs: [condition.summary] },
      { heading: 'What you may notice', bullets: condition.presentation },
      {
        heading: 'Looking after yourself at home',
        bullets: [...condition.protocol.homeCare, ...heatAndCold],
      },
      {
        heading: 'What treatment usually looks like',
        paragraphs: [
          `Sessions are often about ${condition.course.frequencyPerWeek} time${condition.course.frequencyPerWeek === 1 ? '' : 's'} a week for ${condition.course.durationWeeks} weeks, adjusted to how you respond.`,
          'Tell your therapist about any change in your health or medicines, and ask for lighter or firmer pressure at any time.',
        ],
      },
      { heading: 'See a doctor promptly if', bullets: condition.redFlags },
      {
        heading: 'Sources',
        bullets: condition.references.map((r) => [r.title, r.source, r.year].filter(Boolean).join(', ')),
      },
    ],
    disclaimer:
      'This sheet supports, and does not replace, the advice of your doctor or other health-care provider.',
  };
}

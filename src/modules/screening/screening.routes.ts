import { createRoute } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../platform/http/openapi.js';
import { createRouter } from '../../platform/http/router.js';
import { CONDITIONS, DEVICES, MEDICATION_CLASSES } from './domain/health-history.js';
import { SCREENING_RULES } from './domain/screening-rules.js';
import { ZScreeningRuleList, ZScreeningVocabulary } from './screening.schemas.js';

/** Public reference data (the rule table and its sources, no client data): no sign-in, nothing to audit. */
export function screeningRoutes() {
  const router = createRouter();

  // Parsed once through the response schemas: mutable copies, and a table that drifts from them fails here.
  const rules = ZScreeningRuleList.parse({ rules: SCREENING_RULES });
  const vocabulary = ZScreeningVocabulary.parse({
    conditions: CONDITIONS,
    medicationClasses: MEDICATION_CLASSES,
    devices: DEVICES,
  });

  router.openapi(
    createRoute({
      method: 'get',
      path: '/screening/rules',
      tags: ['Screening'],
      summary: 'The contraindication screening rules: trigger, severity, guidance and cited source',
      responses: {
        200: jsonContent(ZScreeningRuleList, 'Every rule, most serious first'),
        ...problemResponses(),
      },
    }),
    (c) => c.json(rules, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/screening/vocabulary',
      tags: ['Screening'],
      summary: 'Codes and labels a health history uses: conditions, medication classes, devices',
      responses: { 200: jsonContent(ZScreeningVocabulary, 'The vocabularies'), ...problemResponses() },
    }),
    (c) => c.json(vocabulary, 200),
  );

  return router;
}

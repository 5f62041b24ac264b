/** An episode of care: one complaint or injury, from prescription to discharge. */
export const EPISODE_STATUSES = ['open', 'discharged'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

/** Who pays shapes the paperwork later (claims, PIP, workers' comp): recorded when the episode starts. */
export const PAYER_CONTEXTS = ['health_insurance', 'auto_pip', 'workers_comp', 'self_pay', 'other'] as const;
export type PayerContext = (typeof PAYER_CONTEXTS)[number];

export const PAYER_CONTEXT_LABELS: Record<PayerContext, string> = {
  health_insurance: 'Health insurance',
  auto_pip: 'Auto accident (PIP / med-pay)',
  workers_comp: "Workers' compensation",
  self_pay: 'Self-pay',
  other: 'Other',
};

/** Integer cents → "$1,234.56" / "-$2.50", for messages shown to billing staff. */
export { formatUsd } from '../../../platform/domain/money.js';

export const sumCents = (amounts: Iterable<number>): number => {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
};

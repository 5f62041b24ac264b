/** US dollars from integer cents, for messages and printed documents: 123456 → "$1,234.56", −250 → "−$2.50". */
export function formatUsd(cents: number): string {
  const abs = Math.abs(Math.trunc(cents));
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `$${dollars}.${String(abs % 100).padStart(2, '0')}`;
  // U+2212 minus: reads as a minus sign in print, unlike a hyphen.
  return cents < 0 ? `−${text}` : text;
}

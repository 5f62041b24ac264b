/**
 * National Provider Identifier check digit. CMS, "Requirements for Constructing the NPI Check Digit"
 * (NPI Final Rule, 45 CFR 162.406): the Luhn formula (ISO/IEC 7812) applied to the 9 identifier digits
 * prefixed with 80840, the card-issuer prefix for US health applications.
 */
export function isValidNpi(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  return luhnValid(`80840${value}`);
}

export function npiProblem(value: string): string | null {
  if (!/^\d{10}$/.test(value)) return 'An NPI is exactly 10 digits.';
  if (!isValidNpi(value)) return 'This NPI fails its check digit: look for a mistyped digit.';
  return null;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right: every second digit (the check digit's left neighbour first) is doubled.
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

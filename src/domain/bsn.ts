/**
 * BSN (burgerservicenummer) 11-check ("elfproef"): 9 digits d1..d9 with
 * 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11. An all-zero number is not a BSN.
 */
export function isValidBsn(input: string): boolean {
  if (!/^[0-9]{9}$/.test(input)) return false;
  if (input === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(input[i]) * (9 - i);
  sum -= Number(input[8]);
  return sum % 11 === 0;
}

/** Strips spaces, dots and dashes people type in a BSN ("1234.56.782"). Does not validate. */
export function normaliseBsn(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/** The check digit that makes the first eight digits a valid BSN, or null when no digit does (remainder 10). */
export function bsnCheckDigit(firstEight: string): number | null {
  if (!/^[0-9]{8}$/.test(firstEight)) throw new Error('expected 8 digits');
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(firstEight[i]) * (9 - i);
  const digit = sum % 11;
  return digit === 10 ? null : digit;
}

/** Shows only the last three digits: "******782". */
export function maskBsn(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}

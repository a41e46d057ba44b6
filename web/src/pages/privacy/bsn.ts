/** The BSN 11-check (elfproef), as the server applies it (src/domain/bsn.ts): for a message before the round trip. */
export function isValidBsn(input: string): boolean {
  if (!/^[0-9]{9}$/.test(input) || input === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(input[i]) * (9 - i);
  sum -= Number(input[8]);
  return sum % 11 === 0;
}

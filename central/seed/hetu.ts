/** Finnish personal identity codes (henkilötunnus), built with a valid check character. */
const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

export function hetuCheckChar(ddmmyy: string, individual: string): string {
  return CHECK_CHARS[Number(ddmmyy + individual) % 31];
}

/** e.g. hetu(new Date(Date.UTC(1952, 9, 13)), 345) -> '131052-345?' with the right check character. */
export function hetu(birth: Date, individualNumber: number): string {
  if (individualNumber < 2 || individualNumber > 899) throw new Error('individual number must be 002..899');
  const dd = String(birth.getUTCDate()).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const year = birth.getUTCFullYear();
  const yy = String(year % 100).padStart(2, '0');
  const sign = year >= 2000 ? 'A' : year >= 1900 ? '-' : '+';
  const nnn = String(individualNumber).padStart(3, '0');
  return `${dd}${mm}${yy}${sign}${nnn}${hetuCheckChar(dd + mm + yy, nnn)}`;
}

export function isValidHetu(code: string): boolean {
  const m = /^(\d{6})[-+A-FU-Y](\d{3})([0-9A-Y])$/.exec(code);
  return !!m && hetuCheckChar(m[1], m[2]) === m[3];
}

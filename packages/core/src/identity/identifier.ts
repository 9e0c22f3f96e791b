/**
 * Sign-in identifiers: an e-mail address or a Vietnamese phone number, stored normalised so that "A@B.vn" and
 * "a@b.vn", or "+84 912 345 678" and "0912345678", are the same account.
 */
export type Identifier = { readonly kind: 'email'; readonly value: string } | { readonly kind: 'phone'; readonly value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return EMAIL.test(value) && value.length <= 254 ? value : null;
}

/** Vietnamese mobile and landline numbers: 0 + 9–10 digits, written with +84/84, spaces, dots or dashes. */
export function normalizePhone(raw: string): string | null {
  let digits = raw.trim().replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

export function parseIdentifier(raw: string): Identifier | null {
  if (raw.includes('@')) {
    const email = normalizeEmail(raw);
    return email ? { kind: 'email', value: email } : null;
  }
  const phone = normalizePhone(raw);
  return phone ? { kind: 'phone', value: phone } : null;
}

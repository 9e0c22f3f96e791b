/**
 * Password policy (NIST SP 800-63B style): length over composition rules. At least 10 characters, at most 256,
 * not the identifier itself, not one character repeated. Messages are bilingual "vi | en".
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too-short' | 'too-long' | 'same-as-identifier' | 'repetitive';

export const passwordMessages: Record<PasswordProblem, string> = {
  'too-short': `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự | The password must have at least ${PASSWORD_MIN_LENGTH} characters`,
  'too-long': `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự | The password has at most ${PASSWORD_MAX_LENGTH} characters`,
  'same-as-identifier':
    'Mật khẩu không được trùng với thư điện tử hoặc số điện thoại | The password must differ from the e-mail address and phone number',
  repetitive: 'Mật khẩu không được chỉ lặp lại một ký tự | The password must not repeat a single character',
};

export function checkPassword(password: string, identifiers: readonly (string | null | undefined)[] = []): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too-long';
  if (/^(.)\1*$/u.test(password)) return 'repetitive';
  const lower = password.toLowerCase();
  if (identifiers.some((i) => i && i.toLowerCase() === lower)) return 'same-as-identifier';
  return null;
}

/**
 * Identity and access over HTTP (docs/identity.md). Sign-in sets the HttpOnly cookie `motcua_session`; every
 * cookie-authenticated write (POST/PUT/PATCH/DELETE) of a signed-in session must send the header
 * `x-csrf-token` with the session's token (from GET /auth/session or the sign-in answer), else 403 CSRF_REJECTED.
 */
import { z } from 'zod';

export const officerRoleSchema = z.enum([
  'reception_officer',
  'specialist',
  'department_head',
  'agency_leader',
  'desk_supervisor',
  'monitor',
  'system_administrator',
]);

export const sessionUserSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['officer', 'citizen']),
  displayName: z.string(),
  roles: z.array(
    z.object({ role: officerRoleSchema, agencyId: z.uuid(), agencyCode: z.string(), agencyName: z.string() }),
  ),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponse = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
});

const PASSWORD_MESSAGE = 'Mật khẩu phải có ít nhất 10 ký tự | The password must have at least 10 characters';

export const loginBody = z.strictObject({
  identifier: z.string().trim().min(1).max(254).describe('E-mail address or phone number'),
  password: z.string().min(1).max(256),
});

export const signedInResponse = z.object({
  status: z.literal('signed-in'),
  user: sessionUserSchema,
  /** The new session's anti-forgery token (the same as GET /auth/session returns). */
  csrfToken: z.string(),
});

export const loginResponse = z.discriminatedUnion('status', [
  signedInResponse,
  z.object({ status: z.literal('totp-required') }),
  z.object({
    status: z.literal('totp-enrolment-required'),
    enrolment: z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }),
  }),
]);

export const totpBody = z.strictObject({
  code: z.string().trim().regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số | The code has 6 digits'),
});

export const registerBody = z
  .strictObject({
    fullName: z.string().trim().min(2).max(120),
    email: z.email('Thư điện tử không hợp lệ | The e-mail address is not valid').max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^(\+84|84|0)[\d .-]{9,13}$/, 'Số điện thoại không hợp lệ | The phone number is not valid')
      .optional(),
    password: z.string().min(10, PASSWORD_MESSAGE).max(256),
  })
  .refine((b) => b.email !== undefined || b.phone !== undefined, {
    message: 'Cần thư điện tử hoặc số điện thoại | An e-mail address or a phone number is required',
    path: ['email'],
  });

export const providersResponse = z.object({
  password: z.literal(true),
  oidc: z.object({ displayName: z.string(), startUrl: z.string() }).nullable(),
});

export const oidcStartQuery = z.strictObject({
  returnTo: z
    .string()
    .regex(/^\/(?![/\\])[^\s]*$/, 'Chỉ chấp nhận đường dẫn nội bộ | Only a path on this site is accepted')
    .max(500)
    .default('/'),
});

export const oidcCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  iss: z.string().max(500).optional(),
});

export const officerGrantSchema = z.object({
  id: z.uuid(),
  role: officerRoleSchema,
  agencyId: z.uuid(),
  agencyCode: z.string(),
  agencyName: z.string(),
  includeSubAgencies: z.boolean(),
});

export const officerSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  isTotpEnrolled: z.boolean(),
  isActive: z.boolean(),
  isDemo: z.boolean(),
  grants: z.array(officerGrantSchema),
});
export const officerListResponse = z.object({ officers: z.array(officerSchema) });

export const idParams = z.strictObject({ id: z.uuid() });
export const grantParams = z.strictObject({ id: z.uuid(), grantId: z.uuid() });

export const createOfficerBody = z.strictObject({
  displayName: z.string().trim().min(2).max(120),
  email: z.email().max(254),
  password: z.string().min(10, PASSWORD_MESSAGE).max(256),
  role: officerRoleSchema,
  agencyCode: z.string().max(35),
  includeSubAgencies: z.boolean().default(false),
});

export const grantRoleBody = z.strictObject({
  role: officerRoleSchema,
  agencyCode: z.string().max(35),
  includeSubAgencies: z.boolean().default(false),
});

export const revokedSessionsResponse = z.object({ revokedSessions: z.number().int() });

export const citizenSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
});

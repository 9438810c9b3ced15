import { z } from 'zod';
import { institutionCode } from './tenancy.schema.js';
import { builtInRoleCodes } from './roles.js';

export const signInInput = z.object({
  institution: institutionCode,
  username: z.string().trim().min(1, 'is required').max(200),
  password: z.string().min(1, 'is required').max(1000),
});
export type SignInInput = z.input<typeof signInInput>;

/** What sign-in leads to: a full session, or one that must first pass MFA or change its password. */
export type SignInResult =
  | { readonly status: 'signedIn' }
  | { readonly status: 'mfaRequired' }
  | { readonly status: 'passwordChangeRequired' };

export const verifyMfaInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/, 'is not a 6-digit code or a recovery code'),
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'is required'),
  newPassword: z.string().min(1, 'is required').max(1000),
});

export const confirmMfaInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'is not a 6-digit code'),
});
export const disableMfaInput = z.object({ password: z.string().min(1, 'is required') });

/** The signed-in staff member as the admin app sees them. */
export interface SessionInfo {
  readonly account: { readonly id: string; readonly username: string; readonly displayName: string };
  readonly institution: { readonly code: string; readonly name: string };
  readonly permissions: readonly string[];
  readonly roles: readonly { readonly role: string; readonly library: string | null }[];
  /** Modules enabled for the institution, in start-up order. */
  readonly modules: readonly { readonly id: string; readonly title: string }[];
  /** When true the session may do nothing but change the password. */
  readonly mustChangePassword: boolean;
  readonly mfaEnabled: boolean;
}

export interface MfaEnrolment {
  readonly secret: string;
  readonly otpauthUrl: string;
  /** The otpauth URL as an SVG QR code, for authenticator apps. */
  readonly qrSvg: string;
}

export const createApiKeyInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    permissions: z.array(z.string()).default([]),
    role: z.enum(builtInRoleCodes as [string, ...string[]]).optional(),
  })
  .refine((v) => v.permissions.length > 0 || v.role !== undefined, {
    message: 'give permissions or a role',
    path: ['permissions'],
  });
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ id: z.string().uuid() });

export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  /** The first characters of the key, enough to recognise it. */
  readonly prefix: string;
  readonly permissions: readonly string[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** Returned once, when the key is created: the key itself is never shown again. */
export interface CreatedApiKey extends ApiKeyInfo {
  readonly key: string;
}

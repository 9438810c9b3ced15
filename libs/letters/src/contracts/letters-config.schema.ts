import { z } from 'zod';

const smtpSettings = z
  .object({
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(587),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    user: z.string().min(1).max(200).optional(),
    /** The environment variable holding the password: the password itself is never stored in the database. */
    passwordEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'is the name of an environment variable (A-Z, 0-9, _)')
      .optional(),
    /** Connections kept open to the server while the outbox drains. */
    maxConnections: z.number().int().min(1).max(20).default(5),
  })
  .strict();
export type SmtpSettings = z.output<typeof smtpSettings>;

/** An institution's letters settings (the reference's `from_address` and `disable_from_address` among them). */
export const lettersConfigSchema = z
  .object({
    /** The From address of every letter. */
    fromAddress: z.email().default('library@example.org'),
    /**
     * The reference's `disable_from_address`: when true, a letter a staff member sends (General mail) goes out
     * from that staff member's own preferred email, and `fromAddress` serves only the letters the system sends.
     */
    disableFromAddress: z.boolean().default(false),
    /**
     * The language of letters to users without a preferred language, and the fallback of every template; the
     * institution's default language when left out.
     */
    defaultLanguage: z.string().min(2).max(10).optional(),
    /**
     * The `letters.transports` contribution that sends letters: `smtp` (with `smtp` settings) or a plugin's.
     * Without one, letters are kept in the outbox, readable in the app, and nothing is sent.
     */
    transport: z.string().min(1).max(100).optional(),
    /** Where the Social Login Invitation letter sends users to link a social or email account. */
    socialSignInUrl: z.url().optional(),
    smtp: smtpSettings.optional(),
    /** A letter that could not be sent is tried again after 1, 2, 4… times `retryDelaySeconds`, at most `maxAttempts` times. */
    maxAttempts: z.number().int().min(1).max(20).default(6),
    retryDelaySeconds: z.number().int().min(1).max(3600).default(60),
  })
  .strict()
  .refine((c) => c.transport !== 'smtp' || c.smtp !== undefined, {
    path: ['smtp'],
    message: 'is needed when transport is smtp',
  });
export type LettersConfig = z.output<typeof lettersConfigSchema>;

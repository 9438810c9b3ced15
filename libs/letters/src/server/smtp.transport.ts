import { createHash } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { LetterDeliveryError, type LetterTransport } from '../contracts/letter-type.js';
import type { SmtpSettings } from '../contracts/letters-config.schema.js';

/** SMTP reply codes and socket errors that say trying again later may help. */
const isTransient = (error: { responseCode?: number; code?: string }) =>
  error.responseCode === undefined || (error.responseCode >= 400 && error.responseCode < 500);

/** SMTP through nodemailer: one pool of connections per institution's settings, kept while the settings hold. */
export function createSmtpTransport(env: NodeJS.ProcessEnv = process.env): LetterTransport {
  const pools = new Map<string, { key: string; transporter: Transporter }>();

  const poolFor = (institutionId: string, settings: SmtpSettings): Transporter => {
    const password = settings.passwordEnv ? env[settings.passwordEnv] : undefined;
    const key = createHash('sha256')
      .update(JSON.stringify([settings, password ?? null]))
      .digest('hex');
    const current = pools.get(institutionId);
    if (current?.key === key) return current.transporter;
    current?.transporter.close();
    const transporter = createTransport({
      pool: true,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      maxConnections: settings.maxConnections,
      maxMessages: Infinity,
      ...(settings.user ? { auth: { user: settings.user, pass: password ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    pools.set(institutionId, { key, transporter });
    return transporter;
  };

  return {
    id: 'smtp',
    async send(institutionId, letter, settings) {
      if (!settings.smtp) throw new LetterDeliveryError('no SMTP server is configured (smtp)', false);
      const transporter = poolFor(institutionId, settings.smtp);
      try {
        await transporter.sendMail({
          messageId: letter.messageId,
          from: letter.from,
          to: letter.to,
          subject: letter.subject,
          html: letter.html,
          text: letter.text,
          attachments: letter.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.contentBase64, 'base64'),
          })),
        });
      } catch (error) {
        const failure = error as Error & { responseCode?: number; code?: string; response?: string };
        throw new LetterDeliveryError(failure.response ?? failure.message, !isTransient(failure));
      }
    },
    async close() {
      for (const { transporter } of pools.values()) transporter.close();
      pools.clear();
    },
  };
}

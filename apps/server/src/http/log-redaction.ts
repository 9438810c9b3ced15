import type { FastifyRequest } from 'fastify';
import { type LoggerOptions, stdSerializers } from 'pino';

const REDACTED = '[REDACTED]';
/** Query parameters whose values never reach the log (compared decoded and in any case). */
const SECRET_PARAMETERS = new Set(['apikey']);

// A name=value pair of a query string, wherever it stands in a text (a URL, or a message quoting one).
const PAIR = /([?&;])([^=&?#\s"'<>]*)=([^&#\s"'<>]*)/g;

const decoded = (name: string): string => {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
};

/** The text with the value of every `apikey` query parameter replaced (`?apikey=[REDACTED]`). */
export function redactSecrets(text: string): string {
  // Most texts hold no query at all: only those with a "=" are searched.
  if (!text.includes('=')) return text;
  return text.replace(PAIR, (pair, separator: string, name: string) =>
    SECRET_PARAMETERS.has(decoded(name)) ? `${separator}${name}=${REDACTED}` : pair,
  );
}

const redactValues = (value: unknown): unknown => {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const [key, field] of Object.entries(object)) {
    if (typeof field !== 'string') continue;
    const redacted = redactSecrets(field);
    if (redacted !== field) {
      copy ??= { ...object };
      copy[key] = redacted;
    }
  }
  return copy ?? value;
};

/**
 * The logger's settings that keep API keys given as `?apikey=` out of the log: the request's URL, error
 * messages and stacks, and every message (Fastify's own "Route GET:/x?apikey=… not found" included).
 */
export const redactingLoggerOptions: Pick<LoggerOptions, 'serializers' | 'hooks'> = {
  serializers: {
    req: (request: FastifyRequest) => ({
      method: request.method,
      url: redactSecrets(request.url),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    }),
    err: (error: Error) => {
      const serialized = stdSerializers.err(error);
      return {
        ...serialized,
        message: redactSecrets(serialized.message),
        stack: redactSecrets(serialized.stack),
      };
    },
  },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map(redactValues) as Parameters<typeof method>);
    },
  },
};

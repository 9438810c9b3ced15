import type { FastifyInstance } from 'fastify';
import type { RestContribution } from './rest-route.js';

/** Fastify's own limit on a path parameter, when the host sets none. */
export const FASTIFY_DEFAULT_MAX_PARAM_LENGTH = 100;

/**
 * The longest path parameter any contributed route accepts: the largest maximum length its `params` schema
 * declares (`user_id` takes an identifier of up to 255 characters). The host gives Fastify at least this
 * `routerOptions.maxParamLength`, or Fastify would answer 414 to a valid request before the route runs.
 */
export function longestPathParameter(contributions: readonly RestContribution[]): number {
  let longest = FASTIFY_DEFAULT_MAX_PARAM_LENGTH;
  for (const route of contributions.flatMap((c) => c.routes)) {
    const shape = (route.params as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
    for (const schema of Object.values(shape)) {
      const maxLength = (schema as { maxLength?: number | null }).maxLength;
      if (typeof maxLength === 'number' && maxLength > longest) longest = maxLength;
    }
  }
  return longest;
}

/** The `maxParamLength` a Fastify instance was created with. */
export function maxParamLengthOf(app: FastifyInstance): number {
  const config = app.initialConfig as {
    routerOptions?: { maxParamLength?: number };
    maxParamLength?: number;
  };
  return config.routerOptions?.maxParamLength ?? config.maxParamLength ?? FASTIFY_DEFAULT_MAX_PARAM_LENGTH;
}

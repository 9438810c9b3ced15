import type { z } from 'zod';
import type { ServiceContainer } from '../plugin/service-ref.js';
import type { InstitutionRef, Principal } from '../trpc/request-context.js';
import type { RestError } from './rest-error.js';
import type { XmlShape } from './xml-codec.js';

/** HTTP methods the REST kit routes. */
export type RestMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a REST handler receives: validated input, and the caller resolved and checked. */
export interface RestRequest<TParams, TQuery, TBody> {
  readonly services: ServiceContainer;
  readonly principal: Principal;
  readonly institution: InstitutionRef;
  readonly params: TParams;
  readonly query: TQuery;
  readonly body: TBody;
  /** The API's own address (`http://host/almaws/v1`), for links in responses. */
  readonly baseUrl: string;
  readonly requestId: string;
  /** A request header by its lower-case name (`if-match`, say). */
  header(name: string): string | undefined;
}

/** What a route's body limit may depend on: the caller's institution, known before any of the body is read. */
export interface RestBodyLimitContext {
  readonly services: ServiceContainer;
  readonly institution: InstitutionRef;
}

/** A handler's answer: the status, and a JSON document that the kit writes as JSON or as XML under `xmlRoot`. */
export interface RestResult {
  readonly status: number;
  readonly body?: Record<string, unknown>;
  readonly xmlRoot?: string;
  /** Attributes on the XML root element (the reference puts `total_record_count` there on lists). */
  readonly xmlRootAttributes?: Readonly<Record<string, string>>;
  /** Response headers, such as the `ETag` of the version sent. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A documented response of a route, for the OpenAPI document. */
export interface RestResponseDoc {
  readonly description: string;
  readonly schema?: z.ZodType;
}

/** One REST operation. The kit checks the API key, the module, the permission and the input before `handle`. */
export interface RestRoute<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
> {
  readonly method: RestMethod;
  /** Below the API's prefix, with `{name}` path parameters: `/users/{user_id}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tags?: readonly string[];
  /** The module that must be enabled for the caller's institution. */
  readonly moduleId: string;
  /** The permission the API key must hold. */
  readonly permission: string;
  readonly params?: TParams;
  readonly query?: TQuery;
  /** The request body's JSON shape; an XML body is read into it with the contribution's XML shape first. */
  readonly body?: TBody;
  /**
   * The largest request body in bytes, checked once the caller is authenticated and before the body is read: a
   * number, or one worked out for the caller's institution (such as an attachment's configured size, base64).
   * The API's default (1 MiB) when left out.
   */
  readonly bodyLimit?: number | ((context: RestBodyLimitContext) => Promise<number> | number);
  readonly responses: Readonly<Record<number, RestResponseDoc>>;
  handle(request: RestRequest<z.output<TParams>, z.output<TQuery>, z.output<TBody>>): Promise<RestResult>;
}

/** What a plugin adds to the REST API: routes, its XML shape, and how its domain errors read in the envelope. */
export interface RestContribution {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly routes: readonly RestRoute<any, any, any>[];
  readonly xmlShape?: XmlShape;
  /** The module's own codes for an error a handler raised; undefined leaves it to the kit's defaults. */
  mapError?(error: unknown): RestError | undefined;
}

/** Declares a REST route; only checks and returns it, so that handler input types follow the schemas. */
export function defineRestRoute<TParams extends z.ZodType, TQuery extends z.ZodType, TBody extends z.ZodType>(
  route: RestRoute<TParams, TQuery, TBody>,
): RestRoute<TParams, TQuery, TBody> {
  return route;
}

import type { z } from 'zod';
import { ValidationError } from '../errors/domain-errors.js';
import type { ServiceContainer } from '../plugin/service-ref.js';
import type { InstitutionRef, Principal } from '../trpc/request-context.js';

/** The one file of an upload's `multipart/form-data` body, read as it arrives (never held whole). */
export interface FileUpload {
  /** The name the client gave the file (its base name, decoded as UTF-8). */
  readonly fileName: string;
  /** The text fields sent before the file part; fields after it are not read. */
  readonly fields: Readonly<Record<string, string>>;
  /** The file's bytes. The route must consume it (or fail): the body behind it is otherwise left unread. */
  readonly content: AsyncIterable<Uint8Array>;
}

/** What a file route's handler receives: the caller authenticated and checked, the path parameters parsed. */
export interface FileRouteRequest<TParams> {
  readonly services: ServiceContainer;
  readonly principal: Principal;
  readonly institution: InstitutionRef;
  readonly params: TParams;
  readonly requestId: string;
  /** Present on upload routes. */
  readonly upload?: FileUpload;
}

/** A file streamed to the client as a download. */
export interface FileDownload {
  readonly fileName: string;
  readonly contentType: string;
  /** Bytes, sent as Content-Length. */
  readonly size: number;
  readonly content: AsyncIterable<Uint8Array>;
}

/** A file route's answer: a JSON document, or a file. */
export type FileRouteResult =
  | { readonly status: number; readonly json: unknown }
  | { readonly status: 200; readonly file: FileDownload };

/** What an upload's size limit may depend on: the caller's institution, known before any of the body is read. */
export interface FileLimitContext {
  readonly services: ServiceContainer;
  readonly institution: InstitutionRef;
}

/**
 * A route that moves a file as an HTTP stream, for the admin app (session cookie) and API keys alike: a `POST`
 * taking one file in a `multipart/form-data` body (`upload`), or a `GET` answering a file. The kit checks the
 * caller, the module and the permission before `handle`, and, for uploads, that the request comes from the
 * server's own pages (a form of another site can post `multipart/form-data`).
 */
export interface FileRoute<TParams extends z.ZodType = z.ZodType> {
  readonly method: 'GET' | 'POST';
  /** Below the file routes' prefix, with `{name}` path parameters: `/users/{userId}/attachments`. */
  readonly path: string;
  /** The module that must be enabled for the caller's institution. */
  readonly moduleId: string;
  /** The permission the caller must hold (the same as the tRPC procedure doing the same thing). */
  readonly permission: string;
  readonly params?: TParams;
  /** For `POST`: the body is `multipart/form-data` with one file of at most `maxBytes` bytes. */
  readonly upload?: {
    maxBytes(context: FileLimitContext): Promise<number> | number;
    /** The text fields read before the file (others are refused). */
    readonly fields?: readonly string[];
  };
  handle(request: FileRouteRequest<z.output<TParams>>): Promise<FileRouteResult>;
}

/** What a plugin adds to the file routes (served under `/files`). */
export interface FileContribution {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly routes: readonly FileRoute<any>[];
}

/** Declares a file route; only checks and returns it, so that the handler's parameter types follow the schema. */
export function defineFileRoute<TParams extends z.ZodType>(route: FileRoute<TParams>): FileRoute<TParams> {
  return route;
}

/**
 * A `Content-Disposition` for a download (RFC 6266): an ASCII `filename` for old clients (anything else, quotes
 * and backslashes as `_`) and the exact name as `filename*` in UTF-8, percent-encoded (RFC 8187).
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_').trim() || 'download';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A multipart form's true/false field (`dryRun`): absent, empty or `false` is false; anything but `true` is refused. */
export function formFlag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw ValidationError.of(name, 'is true or false');
}

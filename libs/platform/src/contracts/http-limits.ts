/**
 * The longest tRPC URL the admin app sends: its batch link splits a batch whose GET URL would be longer.
 * The server accepts paths and request lines of at least this length, so a batch never meets a 414.
 */
export const TRPC_MAX_URL_LENGTH = 6_000;

/** Node's limit on the request line and headers together (its default is 16 KiB). */
export const HTTP_MAX_HEADER_BYTES = 32 * 1024;

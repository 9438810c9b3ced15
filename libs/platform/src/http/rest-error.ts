/** One entry of the reference's error envelope. */
export interface RestErrorEntry {
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** Error codes of the REST kit itself; modules add their own (the users module uses the reference's numbers). */
export const restErrorCodes = {
  /** Bad input that no more specific code describes: HTTP 400. */
  invalidRequest: 'INVALID_REQUEST',
  /** No API key, an unknown or revoked one, or one without the permission or module the call needs: HTTP 401/403. */
  unauthorized: 'UNAUTHORIZED',
  /** No such route or resource: HTTP 404. */
  notFound: 'NOT_FOUND',
  /** More requests in this second than the institution is allowed: HTTP 429 (the reference's code). */
  perSecondThreshold: 'PER_SECOND_THRESHOLD',
  /** Anything unexpected; the detail goes to the log: HTTP 500. */
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

/** A REST failure with its HTTP status and the envelope's entries. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly RestErrorEntry[],
  ) {
    super(errors.map((e) => `${e.errorCode}: ${e.errorMessage}`).join('; '));
    this.name = 'RestError';
  }

  /** A failure with one entry. */
  static of(status: number, errorCode: string, errorMessage: string): RestError {
    return new RestError(status, [{ errorCode, errorMessage }]);
  }
}

/** The reference's error envelope in JSON: `{ errorsExist, errorList: { error: [...] }, result: null }`. */
export function errorEnvelope(error: RestError, trackingId: string) {
  return {
    errorsExist: true,
    errorList: { error: error.errors.map((e) => ({ ...e, trackingId })) },
    result: null,
  };
}

/** The root element and namespace the reference uses for the envelope in XML. */
export const errorEnvelopeXml = {
  root: 'web_service_result',
  attributes: { xmlns: 'http://com/exlibris/urm/general/xmlbeans' },
} as const;

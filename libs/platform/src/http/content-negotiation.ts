import { RestError, restErrorCodes } from './rest-error.js';

/** The two representations of the REST API. */
export type RestFormat = 'json' | 'xml';

/**
 * The `format` query parameter: `json` or `xml` in any case, undefined when absent. Anything else (`yaml`, an
 * empty value, the parameter given twice) is a 400 naming `format`.
 */
export function formatParameterOf(value: unknown): RestFormat | undefined {
  if (value === undefined) return undefined;
  const format = typeof value === 'string' ? value.toLowerCase() : undefined;
  if (format === 'json' || format === 'xml') return format;
  const given = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : 'more than once';
  throw RestError.of(400, restErrorCodes.invalidRequest, `format: must be json or xml (given ${given})`);
}

/** XML when `format=xml` (any case) or an Accept header asking for XML (and not JSON first); JSON otherwise. */
export function responseFormatOf(accept: string | undefined, formatParameter: unknown): RestFormat {
  const format = typeof formatParameter === 'string' ? formatParameter.toLowerCase() : undefined;
  if (format === 'xml' || format === 'json') return format;
  const wanted = (accept ?? '').toLowerCase();
  const xml = wanted.search(/(application|text)\/xml/);
  const json = wanted.indexOf('application/json');
  return xml >= 0 && (json < 0 || xml < json) ? 'xml' : 'json';
}

/** Whether a request body is XML, by its Content-Type. */
export function isXmlContentType(contentType: string | undefined): boolean {
  return /^(application|text)\/xml\b/i.test(contentType ?? '');
}

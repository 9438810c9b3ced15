/** The two representations of the REST API. */
export type RestFormat = 'json' | 'xml';

/** XML when `format=xml` or an Accept header asking for XML (and not JSON first); JSON otherwise. */
export function responseFormatOf(accept: string | undefined, formatParameter: unknown): RestFormat {
  if (formatParameter === 'xml' || formatParameter === 'json') return formatParameter;
  const wanted = (accept ?? '').toLowerCase();
  const xml = wanted.search(/(application|text)\/xml/);
  const json = wanted.indexOf('application/json');
  return xml >= 0 && (json < 0 || xml < json) ? 'xml' : 'json';
}

/** Whether a request body is XML, by its Content-Type. */
export function isXmlContentType(contentType: string | undefined): boolean {
  return /^(application|text)\/xml\b/i.test(contentType ?? '');
}

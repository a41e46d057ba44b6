/** An API error, sent as application/problem+json (RFC 9457) with a Dutch-readable title and detail. */
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly invalidParams?: InvalidParam[],
    /** Extra members of the problem (RFC 9457 extensions), e.g. the current version with a 412. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(`${status} ${title}: ${detail}`);
  }
}

export const problems = {
  unauthenticated: () => new ProblemError(401, 'Niet ingelogd', 'Log in om verder te gaan.'),
  forbidden: () =>
    new ProblemError(403, 'Geen toegang', 'Uw rol geeft geen toegang tot deze gegevens of handeling.'),
  notFound: (what = 'Dit gegeven') =>
    new ProblemError(404, 'Niet gevonden', `${what} bestaat niet, of u heeft er geen toegang toe.`),
  csrf: () =>
    new ProblemError(
      403,
      'Verzoek geweigerd',
      'Het beveiligingstoken (X-CSRF-Token) ontbreekt of klopt niet. Laad de pagina opnieuw en probeer het nog eens.',
    ),
  preconditionRequired: () =>
    new ProblemError(428, 'Versie ontbreekt', 'Stuur de versie mee die u heeft bewerkt (If-Match-header met de ETag).'),
  stale: () =>
    new ProblemError(
      412,
      'Inmiddels gewijzigd',
      'Iemand anders heeft dit gegeven gewijzigd nadat u het opende. Bekijk de nieuwe versie en doe uw wijziging opnieuw.',
    ),
  invalid: (invalidParams: InvalidParam[], detail = 'Een of meer velden zijn niet goed ingevuld.') =>
    new ProblemError(400, 'Controleer de invoer', detail, invalidParams),
  conflict: (detail: string, invalidParams?: InvalidParam[]) =>
    new ProblemError(409, 'Bestaat al', detail, invalidParams),
};

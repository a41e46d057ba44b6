/** A problem with the analysis input: shown to the user in Dutch and English (CLI exit code 2, API status 400). */
export class AnalysisInputError extends Error {
  constructor(
    readonly code: string,
    readonly nl: string,
    readonly en: string,
    /** The option or field the problem is about (the API's invalidParams name). */
    readonly param: string,
  ) {
    super(en);
    this.name = 'AnalysisInputError';
  }
}

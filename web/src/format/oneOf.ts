/**
 * The value when it is one of the allowed values (an enumeration generated from the OpenAPI document, e.g. from a
 * URL parameter), else undefined.
 */
export function oneOf<T extends string>(
  values: readonly T[],
  value: string | null | undefined,
): T | undefined {
  return values.find((v) => v === value);
}

/** What a section needs of a list query: data, error, loading and a retry. */
export interface SubResource<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

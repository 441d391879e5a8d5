/** The `:name` segments of an Express path: `"id" | "dossierId"` for `/contacts/:id/dossiers/:dossierId`. */
type ParamNames<P extends string> = P extends `${string}:${infer Rest}`
  ? Rest extends `${infer Name}/${infer Tail}`
    ? Name | ParamNames<Tail>
    : Rest
  : never;

/**
 * The path parameters of a route, named from its path literal. Express matches a route only when every
 * parameter has a value, so each one is a plain string. Each `:name` must fill its whole segment.
 */
export type PathParams<P extends string> = { readonly [K in ParamNames<P>]: string };

/** Where a form's values come from: a query string (GET) or a parsed body (POST). */
export interface FormSource {
  names(): string[];
  all(name: string): string[];
}

export function sourceFromQuery(params: URLSearchParams): FormSource {
  return { names: () => [...new Set(params.keys())], all: (n) => params.getAll(n) };
}

export function sourceFromBody(body: Record<string, unknown>): FormSource {
  return {
    names: () => Object.keys(body),
    all: (n) => {
      const v = body[n];
      const xs = Array.isArray(v) ? v : v === undefined ? [] : [v];
      return xs.filter((x): x is string => typeof x === "string");
    },
  };
}

/** The last value sent under a name, or "". */
export const lastValue = (src: FormSource, name: string): string => src.all(name).at(-1) ?? "";

/**
 * The page's only way to the service: POST /graphql with the pasted token. The token lives in
 * sessionStorage, so it is gone when the browser tab closes and never reaches localStorage or a cookie.
 */
const TOKEN_KEY = 'reweave.token';

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string) => sessionStorage.setItem(TOKEN_KEY, value.trim()),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A GraphQL error the page shows: the service's `extensions.code`, its message and field path. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: readonly (string | number)[] = [],
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fieldPath?: string[] }; path?: (string | number)[] }[];
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.get() ?? ''}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError('NETWORK', (error as Error).message);
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(response.status === 503 ? 'DATABASE_UNAVAILABLE' : 'NETWORK', `HTTP ${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.message, first.extensions?.fieldPath ?? first.path ?? []);
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', `HTTP ${response.status}: no data`);
  return body.data;
}

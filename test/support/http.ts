export type HttpResult<T = any> = { status: number; body: T; headers: Headers };

/** A small JSON client for tests: bearer token when given, problem bodies parsed too. */
export function httpClient(baseUrl: string, token?: string) {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (token) (init.headers as Record<string, string>)['authorization'] = `Bearer ${token}`;
    if (body !== undefined) {
      if (typeof body === 'string' || body instanceof Uint8Array) init.body = body as string;
      else {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
    }
    const response = await fetch(baseUrl + path, init);
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    put: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body, headers),
    patch: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
    delete: <T = any>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
  };
}

export type HttpClient = ReturnType<typeof httpClient>;

export async function login(baseUrl: string, username: string, password: string): Promise<HttpClient> {
  const result = await httpClient(baseUrl).post<{ token: string }>('/api/auth/login', { username, password });
  if (result.status !== 200) throw new Error(`login of ${username} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return httpClient(baseUrl, result.body.token);
}

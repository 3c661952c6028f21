// A small HTTP client for scripts that drive a running server the way the office and the boards
// do (demo replay, benchmarks): JSON in and out, bearer token, problems as errors.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body).slice(0, 400)}`);
  }
}

type Problem = { errors?: { rule?: string; severity?: string }[] };

export class WahlApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<WahlApiClient> {
    const { token } = await new WahlApiClient(baseUrl).request<{ token: string }>('POST', '/api/auth/login', { username, password });
    return new WahlApiClient(baseUrl, token);
  }

  /** A board member signs in personally: code, name and PIN (sent twice: the first sign-in sets it, later ones check it). */
  static async signInBoard(baseUrl: string, code: string, name: string, pin = '2468'): Promise<{ client: WahlApiClient; districtIds: string[] }> {
    const session = await new WahlApiClient(baseUrl).request<{ token: string; user: { districtIds: string[] } }>('POST', '/api/board/sign-in', {
      code,
      name,
      pin,
      pinRepeat: pin,
    });
    return { client: new WahlApiClient(baseUrl, session.token), districtIds: session.user.districtIds };
  }

  async request<T>(method: string, path: string, body?: unknown, expected: readonly number[] = [200, 201]): Promise<T> {
    const { status, body: parsed } = await this.raw(method, path, body);
    if (!expected.includes(status)) throw new ApiError(status, parsed, `${method} ${path}`);
    return parsed as T;
  }

  async raw(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
  }

  /**
   * Enters a quick report (version 0 → 1, or a correction with `reason`); soft plausibility findings
   * (P3, P7, P8) are confirmed with `comment`, as after the read-back on the phone. Errors stay errors.
   */
  async enterReport(electionId: string, districtId: string, report: object, options: { comment?: string; reason?: string; expectedVersion?: number } = {}): Promise<{ version: number; state: string }> {
    const path = options.reason
      ? `/api/elections/${electionId}/districts/${districtId}/reports/corrections`
      : `/api/elections/${electionId}/districts/${districtId}/reports`;
    const body = { ...report, expectedVersion: options.expectedVersion ?? 0, ...(options.reason ? { reason: options.reason } : {}) };
    let answer = await this.raw('POST', path, body);
    const problem = answer.body as Problem;
    if (answer.status === 422 && problem.errors?.length && problem.errors.every((error) => error.severity === 'warning')) {
      const comment = options.comment ?? 'Mit der Niederschrift abgeglichen.';
      const confirmations = [...new Set(problem.errors.map((error) => error.rule!))].map((rule) => ({ rule, comment }));
      answer = await this.raw('POST', path, { ...body, confirmations });
    }
    if (answer.status !== 201) throw new ApiError(answer.status, answer.body, `report for ${districtId}`);
    return answer.body as { version: number; state: string };
  }

  approve(electionId: string, districtId: string, version: number): Promise<{ state: string }> {
    return this.request('POST', `/api/elections/${electionId}/districts/${districtId}/reports/${version}/approve`, {}, [200]);
  }
}

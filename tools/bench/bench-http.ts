import { Agent, request } from 'node:http';

// HTTP for the load generators of the benches (bench:entry, bench:land, bench:postal).

// Responses are read loosely: this is a load generator, the API's contract is tested elsewhere.
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// node:http with keep-alive instead of fetch: the client shares the two cores with the server, so
// it should spend as little as possible per request.
export const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Json }> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      base + path,
      {
        method,
        agent,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            done({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
          } catch (error) {
            fail(error);
          }
        });
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

export async function expectStatus(what: string, promise: Promise<{ status: number; json: Json }>, status: number): Promise<Json> {
  const result = await promise.catch((error: unknown) => {
    // The code stays on the error: callers retry a reset kept-alive connection (ECONNRESET).
    const code = (error as NodeJS.ErrnoException).code;
    throw Object.assign(new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`), { code, cause: error });
  });
  if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.json).slice(0, 500)}`);
  return result.json;
}

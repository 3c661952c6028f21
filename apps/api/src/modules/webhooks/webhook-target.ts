import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

// Outgoing POSTs to a webhook subscriber without server-side request forgery: a target must be a
// public unicast address. The check runs on the address the socket really connects to (the lookup
// of the request itself), so a name that resolves to a public address when the subscriber is saved
// and to 127.0.0.1 later (DNS rebinding) is still refused. ipaddr.js classifies the ranges (RFC 1918,
// loopback, link-local incl. cloud metadata 169.254.169.254, unique-local, CGNAT, IPv4-mapped …).

/** Whether an address is a public unicast address; IPv4-mapped IPv6 is judged as its IPv4 address. */
export const isPublicAddress = (address: string): boolean => ipaddr.isValid(address) && ipaddr.process(address).range() === 'unicast';

/** A target the rules refuse: loopback, private, link-local or otherwise not public. */
export class TargetNotAllowed extends Error {
  constructor(readonly address: string) {
    super(`Zieladresse ${address} ist nicht öffentlich erreichbar.`);
  }
}

/** Refuses what can be judged without DNS: IP literals outside the public range and `localhost`. */
export function assertPublicUrl(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) ? !isPublicAddress(host) : /(^|\.)localhost$/i.test(host)) throw new TargetNotAllowed(host);
}

// dns.lookup with every address checked; the error reaches the request as its 'error' event.
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(new TargetNotAllowed(refused.address), '', 0);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

export type PostResult = { readonly status: number };

export type PostOptions = {
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Installation setting for tests and closed networks: private targets allowed. */
  readonly allowPrivate: boolean;
};

/** Answers are read up to this size and dropped: only the status matters. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** POSTs `body` once; redirects are not followed (a 3xx is a failed delivery). Rejects on network errors, timeouts and refused targets. */
export function postJson(url: string, body: string, options: PostOptions): Promise<PostResult> {
  if (!options.allowPrivate) assertPublicUrl(url);
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...options.headers },
    timeout: options.timeoutMs,
    ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
  };
  return new Promise((resolve, reject) => {
    const request = send(target, requestOptions, (response) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) response.destroy();
      });
      response.on('close', () => resolve({ status: response.statusCode ?? 0 }));
      response.on('error', () => resolve({ status: response.statusCode ?? 0 }));
    });
    request.on('timeout', () => request.destroy(new Error(`keine Antwort nach ${options.timeoutMs / 1000} s`)));
    request.on('error', reject);
    request.end(body);
  });
}

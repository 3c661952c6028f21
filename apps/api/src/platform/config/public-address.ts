import { isIP } from 'node:net';

/**
 * Whether a URL names this machine only (localhost, 127.0.0.0/8, ::1, or the unspecified 0.0.0.0 / ::):
 * a link with such an address, printed on an access-code sheet or a polling card, leads nowhere on
 * anyone else's device.
 */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.') || host === '0.0.0.0';
  // WHATWG URLs write an IPv4-mapped 127.x.y.z as ::ffff:7fxx:yyzz.
  if (isIP(host) === 6) return host === '::1' || host === '::' || /^::ffff:7f[0-9a-f]{2}:/.test(host);
  return false;
}

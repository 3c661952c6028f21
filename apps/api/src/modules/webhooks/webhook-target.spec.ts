import { describe, expect, it } from 'vitest';
import { assertPublicUrl, isPublicAddress, TargetNotAllowed } from './webhook-target';

describe('webhook targets (no server-side request forgery)', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.178.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])('should refuse %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.215.14', '2a00:1450:4001:80b::200e', '::ffff:93.184.215.14'])('should allow the public address %s', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );

  it('should refuse private literals and localhost before any lookup, and let names through to the checked lookup', () => {
    expect(() => assertPublicUrl('http://127.0.0.1:8080/hook')).toThrow(TargetNotAllowed);
    expect(() => assertPublicUrl('http://[::1]/hook')).toThrow(TargetNotAllowed);
    expect(() => assertPublicUrl('https://api.localhost/hook')).toThrow(TargetNotAllowed);
    expect(() => assertPublicUrl('https://redaktion.example.de/hook')).not.toThrow();
  });
});

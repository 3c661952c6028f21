import { describe, expect, it } from 'vitest';
import { isLoopbackUrl } from './public-address';

describe('isLoopbackUrl', () => {
  it.each([
    'http://localhost:3000',
    'http://LOCALHOST',
    'http://wahl.localhost:3000/',
    'http://127.0.0.1:3000',
    'http://127.8.9.10',
    'http://[::1]:3000',
    'http://0.0.0.0:3000',
    'http://[::ffff:127.0.0.1]',
  ])('should take %s for this machine only', (url) => expect(isLoopbackUrl(url)).toBe(true));

  it.each([
    'https://wahlen.example.de',
    'http://192.168.1.20:3000',
    'http://10.0.0.1',
    'http://[2001:db8::1]',
    'http://localhost.example.de',
  ])('should take %s for an address others reach', (url) => expect(isLoopbackUrl(url)).toBe(false));
});

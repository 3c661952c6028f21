import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from './router';

describe('parseRoute', () => {
  it('should map the base path and its sub-paths to routes', () => {
    expect(parseRoute('/office/', '/office/')).toEqual({ name: 'overview' });
    expect(parseRoute('/office', '/office/')).toEqual({ name: 'overview' });
    expect(parseRoute('/office/anmelden', '/office/')).toEqual({ name: 'sign-in' });
    expect(parseRoute('/office/anmelden/', '/office/')).toEqual({ name: 'sign-in' });
  });

  it('should report unknown paths and paths outside the base as not found', () => {
    expect(parseRoute('/office/gibt-es-nicht', '/office/')).toEqual({ name: 'not-found', path: '/office/gibt-es-nicht' });
    expect(parseRoute('/officer/anmelden', '/office/')).toEqual({ name: 'not-found', path: '/officer/anmelden' });
  });

  it('should work at the site root too', () => {
    expect(parseRoute('/anmelden', '/')).toEqual({ name: 'sign-in' });
  });
});

describe('hrefFor', () => {
  it('should build addresses under the base path', () => {
    expect(hrefFor('overview', '/office/')).toBe('/office/');
    expect(hrefFor('sign-in', '/office/')).toBe('/office/anmelden');
    expect(hrefFor('sign-in', '/office')).toBe('/office/anmelden');
  });
});

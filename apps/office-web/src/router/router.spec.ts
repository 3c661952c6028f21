import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from './router';

const ELECTION = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const DISTRICT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('parseRoute', () => {
  it('should map the base path and its sub-paths to routes', () => {
    expect(parseRoute('/office/', '/office/')).toEqual({ name: 'overview', params: {} });
    expect(parseRoute('/office', '/office/')).toEqual({ name: 'overview', params: {} });
    expect(parseRoute('/office/anmelden', '/office/')).toEqual({ name: 'sign-in', params: {} });
    expect(parseRoute('/office/anmelden/', '/office/')).toEqual({ name: 'sign-in', params: {} });
  });

  it('should read the ids of parameterised routes', () => {
    expect(parseRoute('/office/board', '/office/')).toEqual({ name: 'board', params: {} });
    expect(parseRoute(`/office/board/${DISTRICT}`, '/office/')).toEqual({ name: 'board-district', params: { districtId: DISTRICT } });
    expect(parseRoute(`/office/wahlen/${ELECTION}/wahlabend`, '/office/')).toEqual({
      name: 'election-night',
      params: { electionId: ELECTION },
    });
    expect(parseRoute(`/office/wahlen/${ELECTION}/wahlabend/bezirke/${DISTRICT}/korrektur`, '/office/')).toEqual({
      name: 'report-correction',
      params: { electionId: ELECTION, districtId: DISTRICT },
    });
    expect(parseRoute(`/office/wahlen/${ELECTION}/waehlerverzeichnis/`, '/office/')).toEqual({
      name: 'roll',
      params: { electionId: ELECTION },
    });
  });

  it('should report unknown paths and paths outside the base as not found', () => {
    expect(parseRoute('/office/gibt-es-nicht', '/office/')).toEqual({ name: 'not-found', path: '/office/gibt-es-nicht' });
    expect(parseRoute('/officer/anmelden', '/office/')).toEqual({ name: 'not-found', path: '/officer/anmelden' });
    expect(parseRoute(`/office/wahlen/${ELECTION}`, '/office/')).toEqual({ name: 'not-found', path: `/office/wahlen/${ELECTION}` });
    expect(parseRoute('/office/wahlen/%E0%A4%A/wahlabend', '/office/')).toEqual({
      name: 'not-found',
      path: '/office/wahlen/%E0%A4%A/wahlabend',
    });
  });

  it('should work at the site root too', () => {
    expect(parseRoute('/anmelden', '/')).toEqual({ name: 'sign-in', params: {} });
  });
});

describe('hrefFor', () => {
  it('should build addresses under the base path', () => {
    expect(hrefFor('overview', '/office/')).toBe('/office/');
    expect(hrefFor('sign-in', '/office/')).toBe('/office/anmelden');
    expect(hrefFor('sign-in', '/office')).toBe('/office/anmelden');
  });

  it('should fill and encode parameters, and refuse a missing one', () => {
    expect(hrefFor('election-night', '/office/', { electionId: ELECTION })).toBe(`/office/wahlen/${ELECTION}/wahlabend`);
    expect(hrefFor('report-entry', '/office/', { electionId: 'a b', districtId: 'c/d' })).toBe(
      '/office/wahlen/a%20b/wahlabend/bezirke/c%2Fd/erfassen',
    );
    expect(() => hrefFor('roll', '/office/')).toThrow(/electionId/);
  });
});

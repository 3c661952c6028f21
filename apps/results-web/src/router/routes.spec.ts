import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_SECONDS, areaHref, embedHref, kioskHref, parseRoute, seatsHref } from './routes';

const ID = '6f1c2a9e-4b1d-4c35-9d51-2b1f0a7e3c11';

describe('parseRoute', () => {
  it('should read the start page, an election and an area with its contest', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute(`/wahl/${ID}`)).toEqual({ name: 'area', electionId: ID, areaId: null, contestId: null });
    expect(parseRoute(`/wahl/${ID}/gebiet/d0101/`, '?stimme=erststimme')).toEqual({
      name: 'area',
      electionId: ID,
      areaId: 'd0101',
      contestId: 'erststimme',
    });
  });

  it('should read the embed and the kiosk views with their options', () => {
    expect(parseRoute(`/embed/${ID}`, '?gebiet=d0101&stimme=zweitstimme')).toEqual({
      name: 'embed',
      electionId: ID,
      areaId: 'd0101',
      contestId: 'zweitstimme',
    });
    expect(parseRoute(`/kiosk/${ID}`, '?sekunden=20')).toEqual({ name: 'kiosk', electionId: ID, contestId: null, intervalSeconds: 20 });
    expect(parseRoute(`/wahl/${ID}`, '?kiosk=1')).toEqual({
      name: 'kiosk',
      electionId: ID,
      contestId: null,
      intervalSeconds: DEFAULT_KIOSK_SECONDS,
    });
  });

  it('should keep the kiosk interval between 4 seconds and 10 minutes', () => {
    expect(parseRoute(`/kiosk/${ID}`, '?sekunden=1')).toMatchObject({ intervalSeconds: 4 });
    expect(parseRoute(`/kiosk/${ID}`, '?sekunden=9999')).toMatchObject({ intervalSeconds: 600 });
    expect(parseRoute(`/kiosk/${ID}`, '?sekunden=schnell')).toMatchObject({ intervalSeconds: DEFAULT_KIOSK_SECONDS });
  });

  it('should not know other addresses', () => {
    for (const path of ['/wahl', '/wahl/x/gebiet', '/wahl/x/bezirk/y', '/embed', '/impressum', '/wahl/%E0%A4%A/gebiet/a']) {
      expect(parseRoute(path), path).toEqual({ name: 'not-found' });
    }
  });
});

describe('hrefs', () => {
  it('should build addresses that parse back to the same route', () => {
    const area = areaHref(ID, 'bezirk 01/a', 'zweitstimme');
    expect(area).toBe(`/wahl/${ID}/gebiet/bezirk%2001%2Fa?stimme=zweitstimme`);
    const [path, search] = area.split('?');
    expect(parseRoute(path!, `?${search}`)).toEqual({ name: 'area', electionId: ID, areaId: 'bezirk 01/a', contestId: 'zweitstimme' });
    expect(areaHref(ID, null)).toBe(`/wahl/${ID}`);
    expect(embedHref(ID, 'd0101')).toBe(`/embed/${ID}?gebiet=d0101`);
    expect(kioskHref(ID, 'erststimme')).toBe(`/kiosk/${ID}?stimme=erststimme`);
  });
});

describe('seats route', () => {
  it('should read the seats page of a council election and build its address', () => {
    expect(seatsHref(ID)).toBe(`/wahl/${ID}/sitze`);
    expect(parseRoute(seatsHref(ID))).toEqual({ name: 'seats', electionId: ID });
    expect(parseRoute(`/wahl/${ID}/sitze/`)).toEqual({ name: 'seats', electionId: ID });
    expect(parseRoute(`/wahl/${ID}/sitz`)).toEqual({ name: 'not-found' });
    expect(parseRoute(`/wahl/${ID}/sitze/x`)).toEqual({ name: 'not-found' });
  });
});

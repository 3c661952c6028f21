import { describe, expect, it } from 'vitest';
import { birthDateFromFields, tokenFromPath } from './birth-date';

const today = new Date('2026-11-23T12:00:00Z');

describe('birth date from three fields', () => {
  it('should pad day and month', () => {
    expect(birthDateFromFields({ day: '4', month: '5', year: '1971' }, today)).toEqual({ ok: true, value: '1971-05-04' });
    expect(birthDateFromFields({ day: ' 29 ', month: '02', year: '2004' }, today)).toEqual({ ok: true, value: '2004-02-29' });
  });

  it('should refuse dates that do not exist, letters, a missing part and the future', () => {
    expect(birthDateFromFields({ day: '29', month: '2', year: '2005' }, today)).toEqual({
      ok: false,
      message: 'Dieses Datum gibt es nicht.',
    });
    expect(birthDateFromFields({ day: '1', month: '13', year: '1990' }, today).ok).toBe(false);
    expect(birthDateFromFields({ day: 'a', month: '1', year: '1990' }, today)).toEqual({
      ok: false,
      message: 'Bitte das Geburtsdatum in Ziffern angeben, z. B. 04 05 1971.',
    });
    expect(birthDateFromFields({ day: '1', month: '1', year: '' }, today)).toEqual({
      ok: false,
      message: 'Bitte Tag, Monat und Jahr Ihres Geburtsdatums angeben.',
    });
    expect(birthDateFromFields({ day: '1', month: '12', year: '2026' }, today)).toEqual({
      ok: false,
      message: 'Bitte prüfen Sie das Geburtsjahr.',
    });
  });
});

describe('token from the page address', () => {
  it('should read the long and the short link and nothing else', () => {
    expect(tokenFromPath('/briefwahl/AbCdEfGhIjKlMnOpQrStUv')).toBe('AbCdEfGhIjKlMnOpQrStUv');
    expect(tokenFromPath('/b/AbCdEfGhIjKlMnOp_-StUv/')).toBe('AbCdEfGhIjKlMnOp_-StUv');
    expect(tokenFromPath('/briefwahl/')).toBeNull();
    expect(tokenFromPath('/briefwahl/assets')).toBeNull();
    expect(tokenFromPath('/briefwahl/AbCdEfGhIjKlMnOp.js')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseRoute } from '../router/routes';
import { coversView, liveViewKey, liveViewOf, type ElectionRoute } from './live-view';

const viewOf = (path: string, search = '') => liveViewOf(parseRoute(path, search) as ElectionRoute);

describe('liveViewOf: what a page follows live', () => {
  it('should follow the area of an area page, whichever contest is shown', () => {
    expect(viewOf('/wahl/e1/gebiet/st-ost')).toEqual({ electionId: 'e1', areaId: 'st-ost' });
    expect(liveViewKey(viewOf('/wahl/e1/gebiet/st-ost', '?stimme=erststimme'))).toBe(liveViewKey(viewOf('/wahl/e1/gebiet/st-ost')));
  });

  it('should follow the area of an embed, and the whole election for an embed without one', () => {
    expect(viewOf('/embed/e1', '?gebiet=d0103')).toEqual({ electionId: 'e1', areaId: 'd0103' });
    expect(viewOf('/embed/e1')).toEqual({ electionId: 'e1', areaId: null });
  });

  it('should follow the whole election on the overview and the town hall screen', () => {
    expect(viewOf('/wahl/e1')).toEqual({ electionId: 'e1', areaId: null });
    expect(viewOf('/kiosk/e1')).toEqual({ electionId: 'e1', areaId: null });
    expect(viewOf('/wahl/e1/gebiet/st-ost', '?kiosk=1')).toEqual({ electionId: 'e1', areaId: null });
  });

  it('should give another area, or another election, another key', () => {
    const keys = ['/wahl/e1', '/wahl/e1/gebiet/st-ost', '/wahl/e1/gebiet/st-mitte', '/wahl/e2/gebiet/st-ost'].map((path) =>
      liveViewKey(viewOf(path)),
    );
    expect(new Set(keys).size).toBe(4);
  });
});

describe('coversView: whether the snapshot on hand can show a page', () => {
  const ost = { electionId: 'e1', areaId: 'st-ost' };

  it('should show a page from its own view or from the whole election', () => {
    expect(coversView(ost, ost)).toBe(true);
    expect(coversView({ electionId: 'e1', areaId: null }, ost)).toBe(true);
  });

  it('should wait for the new view after another area, another election or none at all', () => {
    expect(coversView({ electionId: 'e1', areaId: 'st-mitte' }, ost)).toBe(false);
    // A town's view does not hold the whole election's overview.
    expect(coversView(ost, { electionId: 'e1', areaId: null })).toBe(false);
    expect(coversView({ electionId: 'e2', areaId: null }, ost)).toBe(false);
    expect(coversView(null, ost)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRoute } from '../router/routes';
import { coversView, followsStart, liveViewKey, liveViewOf, WHOLE_ELECTION_MAX_DISTRICTS, type ElectionSize } from './live-view';
import type { ElectionRoute } from './live-view';

const town: ElectionSize = { rootAreaId: 'ka', districts: 272 };
const land: ElectionSize = { rootAreaId: 'bw', districts: 10_000 };
const route = (path: string, search = '') => parseRoute(path, search) as ElectionRoute;
const viewOf = (path: string, search = '', size: ElectionSize | null = town) => liveViewOf(route(path, search), size);

describe('liveViewOf: what a page follows live', () => {
  it('should follow the area of an area page, whichever contest is shown', () => {
    expect(viewOf('/wahl/e1/gebiet/st-ost')).toEqual({ electionId: 'e1', areaId: 'st-ost' });
    expect(liveViewKey(viewOf('/wahl/e1/gebiet/st-ost', '?stimme=erststimme'))).toBe(liveViewKey(viewOf('/wahl/e1/gebiet/st-ost')));
  });

  it('should follow the area of an embed, and the whole election for an embed without one', () => {
    expect(viewOf('/embed/e1', '?gebiet=d0103')).toEqual({ electionId: 'e1', areaId: 'd0103' });
    expect(viewOf('/embed/e1')).toEqual({ electionId: 'e1', areaId: null });
  });

  it('should follow the whole election on the overview and the town hall screen of a town', () => {
    expect(viewOf('/wahl/e1')).toEqual({ electionId: 'e1', areaId: null });
    expect(viewOf('/kiosk/e1')).toEqual({ electionId: 'e1', areaId: null });
    expect(viewOf('/wahl/e1/gebiet/st-ost', '?kiosk=1')).toEqual({ electionId: 'e1', areaId: null });
    expect(viewOf('/embed/e1')).toEqual({ electionId: 'e1', areaId: null });
  });

  it("should follow the root's view on the overview, the town hall screen and an embed without an area of a Land", () => {
    for (const [path, search] of [
      ['/wahl/e1', ''],
      ['/kiosk/e1', ''],
      ['/wahl/e1/gebiet/st-ost', '?kiosk=1'],
      ['/embed/e1', ''],
    ])
      expect(viewOf(path!, search, land)).toEqual({ electionId: 'e1', areaId: 'bw' });
  });

  it('should take the whole election up to the threshold and the root above it', () => {
    const at = (districts: number) => viewOf('/wahl/e1', '', { rootAreaId: 'root', districts }).areaId;
    expect(at(WHOLE_ELECTION_MAX_DISTRICTS)).toBeNull();
    expect(at(WHOLE_ELECTION_MAX_DISTRICTS + 1)).toBe('root');
  });

  it('should follow the whole election when the size is unknown, and an area page its area whatever the size', () => {
    expect(viewOf('/wahl/e1', '', null)).toEqual({ electionId: 'e1', areaId: null });
    expect(viewOf('/wahl/e1/gebiet/st-ost', '', land)).toEqual({ electionId: 'e1', areaId: 'st-ost' });
    expect(viewOf('/embed/e1', '?gebiet=d0103', land)).toEqual({ electionId: 'e1', areaId: 'd0103' });
  });

  it('should ask the size only for a page without an area of its own', () => {
    expect(['/wahl/e1', '/kiosk/e1', '/embed/e1'].map((path) => followsStart(route(path)))).toEqual([true, true, true]);
    expect(followsStart(route('/wahl/e1/gebiet/st-ost'))).toBe(false);
    expect(followsStart(route('/embed/e1', '?gebiet=d0103'))).toBe(false);
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

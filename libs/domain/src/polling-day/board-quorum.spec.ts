import { describe, expect, it } from 'vitest';
import { checkBoardQuorum, quorumRuleFor, type BoardRole } from './board-quorum';

const board = (...roles: BoardRole[]) => roles.map((role) => ({ role }));

describe('checkBoardQuorum (BWO § 6(8),(9))', () => {
  it('should accept chair, Schriftführer and one Beisitzer during voting', () => {
    expect(checkBoardQuorum(board('chair', 'secretary', 'assessor'), 'voting')).toEqual({
      phase: 'voting',
      present: 3,
      required: 3,
      met: true,
      missing: [],
    });
  });

  it('should accept the deputies in place of chair and Schriftführer', () => {
    expect(checkBoardQuorum(board('deputy-chair', 'deputy-secretary', 'assessor'), 'voting').met).toBe(true);
  });

  it('should refuse two members during voting', () => {
    const check = checkBoardQuorum(board('chair', 'secretary'), 'voting');
    expect(check.met).toBe(false);
    expect(check.missing).toEqual(['members']);
  });

  it('should refuse three Beisitzer without chair or deputy', () => {
    expect(checkBoardQuorum(board('assessor', 'assessor', 'secretary'), 'voting').missing).toEqual(['chair']);
  });

  it('should need five for the count: four are not enough, five with both functions are', () => {
    expect(checkBoardQuorum(board('chair', 'secretary', 'assessor', 'assessor'), 'count')).toMatchObject({ met: false, required: 5 });
    expect(checkBoardQuorum(board('chair', 'secretary', 'assessor', 'assessor', 'deputy-chair'), 'count').met).toBe(true);
  });

  it('should refuse five for the count without a Schriftführer or deputy', () => {
    expect(checkBoardQuorum(board('chair', 'assessor', 'assessor', 'assessor', 'assessor'), 'count').missing).toEqual(['secretary']);
  });
});

describe('BW municipal quorum (KomWG § 14(4))', () => {
  it('should apply to Gemeinderat, Kreistag and Bürgermeister elections in BW, not to Bundestag or Landtag', () => {
    expect(quorumRuleFor('gemeinderat-bw')).toBe('bw-municipal');
    expect(quorumRuleFor('kreistag-bw')).toBe('bw-municipal');
    expect(quorumRuleFor('buergermeister-bw')).toBe('bw-municipal');
    expect(quorumRuleFor('bundestag')).toBe('federal');
    expect(quorumRuleFor('landtag-bw')).toBe('federal');
  });

  it('should let three members incl. chair and Schriftführer count, where the federal rule needs five', () => {
    const three = board('chair', 'secretary', 'assessor');
    expect(checkBoardQuorum(three, 'count', 'bw-municipal')).toEqual({ phase: 'count', present: 3, required: 3, met: true, missing: [] });
    expect(checkBoardQuorum(three, 'count', 'federal')).toMatchObject({ required: 5, met: false, missing: ['members'] });
  });

  it('should still need the chair and the Schriftführer or their deputies', () => {
    expect(checkBoardQuorum(board('chair', 'assessor', 'assessor'), 'count', 'bw-municipal')).toMatchObject({
      met: false,
      missing: ['secretary'],
    });
  });
});

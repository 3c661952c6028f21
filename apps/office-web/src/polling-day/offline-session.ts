import type { Actor } from '../api/office-api.types';
import type { DraftStorage } from '../reports/report-draft';

// A board member's phone must open the board's screens without a connection (issue 13): the last
// signed-in board member is remembered on the device, and used only when the server cannot be
// reached. It holds the member's own name and districts, no secret (the session stays an
// HTTP-only cookie that the server checks on every send). Signing out forgets it.

const KEY = 'wahl.board-member';

const isBoardActor = (value: unknown): value is Actor =>
  typeof value === 'object' &&
  value !== null &&
  (value as Actor).role === 'board-member' &&
  typeof (value as Actor).userId === 'string' &&
  typeof (value as Actor).username === 'string' &&
  typeof (value as Actor).electionId === 'string' &&
  Array.isArray((value as Actor).districtIds);

export function rememberBoardMember(storage: DraftStorage | null, actor: Actor | null): void {
  try {
    if (actor?.role === 'board-member') storage?.setItem(KEY, JSON.stringify(actor));
    else storage?.removeItem(KEY);
  } catch {
    // Without storage the app needs a connection to open, as before.
  }
}

export function rememberedBoardMember(storage: DraftStorage | null): Actor | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
    return isBoardActor(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

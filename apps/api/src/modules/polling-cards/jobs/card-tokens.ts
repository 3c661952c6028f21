import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// R3.8: each card's QR code opens the online Wahlschein application with an opaque per-voter token
// of 128 bits; the link carries nothing personal. The token is derived, not drawn: HMAC-SHA-256 of
// (election, voter, issue) under a key kept outside the database. So a resumed or repeated job prints
// exactly the same codes (byte-identical PDFs), the database holds only SHA-256 hashes (a copy of it
// does not yield a single valid link), and a replacement card simply takes the next issue.

const TOKEN_BYTES = 16;

export function deriveCardToken(key: string, electionId: string, voterId: number, issue: number): string {
  return createHmac('sha256', key)
    .update(`polling-card-token\u0000${electionId}\u0000${voterId}\u0000${issue}`)
    .digest()
    .subarray(0, TOKEN_BYTES)
    .toString('base64url');
}

/** What the database stores and the application service looks a presented token up by. */
export function hashCardToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The configured key, or one created once (256 random bits, owner-readable only) in the data folder. */
export function cardTokenKey(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'polling-card-token.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (error) {
      // Another process created it a moment ago: use that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

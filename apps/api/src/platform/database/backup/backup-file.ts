import { closeSync, existsSync, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BackupError } from './pg-tools';

/** A backup never overwrites a file; checked first, before anything runs. */
export function refuseExistingFile(file: string): void {
  if (existsSync(file)) throw new BackupError(`Die Datei ${file} gibt es schon; eine Sicherung überschreibt keine Datei.`);
}

export function refuseMissingBackup(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`Die Sicherung ${file} gibt es nicht.`);
}

/**
 * Writes a backup file through `write` (never over an existing file), readable by its owner only
 * (0600: it holds the roll and other personal data). It appears under its name only when `write`
 * succeeded; until then it is `file.partial`, removed on failure. Resolves with its size.
 */
export async function writeBackupFile(file: string, write: (fd: number) => Promise<void>): Promise<number> {
  refuseExistingFile(file);
  // Only the backup's own folder is private: a data folder created on the way must stay readable
  // for the embedded server's OS user.
  mkdirSync(dirname(dirname(file)), { recursive: true });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600); // openSync ignores the mode for a partial file left by an earlier run
    await write(fd);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(partial, file);
  return statSync(file).size;
}

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';

/**
 * Register files as received, kept under the data directory until their import job has ended: the
 * job runs on any API process (they share the data directory, as they do for the card lots) and,
 * after a process died mid-import, starts over from this copy. Streamed to disk, never held in memory.
 */
@Injectable()
export class RegisterUploadStore {
  private readonly dir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = resolve(config.dataDir, 'register-imports');
  }

  /** Writes the whole body; the file exists under its final name only once complete. */
  async store(importId: string, body: AsyncIterable<Uint8Array>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const partial = `${this.path(importId)}.partial`;
    try {
      await pipeline(Readable.from(body), createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, this.path(importId));
    } finally {
      await rm(partial, { force: true });
    }
  }

  read(importId: string): AsyncIterable<Uint8Array> {
    return createReadStream(this.path(importId), { highWaterMark: 1 << 16 });
  }

  async remove(importId: string): Promise<void> {
    await rm(this.path(importId), { force: true });
  }

  private path(importId: string): string {
    return join(this.dir, `${importId}.csv`);
  }
}

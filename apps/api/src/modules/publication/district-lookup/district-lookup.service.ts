import { Injectable } from '@nestjs/common';
import type { PublicDistrictLookup } from '@wahl/domain';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { lookupAddress, streetDirectory, type StreetDirectory } from './address-lookup';
import { DistrictLookupRepository } from './district-lookup.repository';

// The directory does not change on election night; each process keeps a few elections' indexes for
// a while instead of reading thousands of segments per question.
const DIRECTORY_TTL_MS = 5 * 60_000;
const MAX_CACHED = 20;

export type LookupQuery = { readonly street?: unknown; readonly houseNumber?: unknown };

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

@Injectable()
export class DistrictLookupService {
  private readonly cache = new Map<string, { directory: Promise<StreetDirectory | null>; until: number }>();

  constructor(private readonly repository: DistrictLookupRepository) {}

  async lookup(electionId: string, query: LookupQuery): Promise<PublicDistrictLookup> {
    const street = text(query.street);
    const houseNumber = text(query.houseNumber);
    const errors = [
      ...(street.length === 0 || street.length > 100
        ? [{ path: '$.street', message: 'Bitte geben Sie eine Straße an (höchstens 100 Zeichen).' }]
        : []),
      ...(houseNumber.length === 0 || houseNumber.length > 12
        ? [{ path: '$.houseNumber', message: 'Bitte geben Sie eine Hausnummer an (höchstens 12 Zeichen).' }]
        : []),
    ];
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'Straße und Hausnummer werden benötigt.', errors);
    const directory = await this.directory(electionId);
    if (!directory) throw notFound('Die Wahl');
    return lookupAddress(directory, street, houseNumber);
  }

  private directory(electionId: string): Promise<StreetDirectory | null> {
    const now = Date.now();
    const cached = this.cache.get(electionId);
    if (cached && cached.until > now) return cached.directory;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    const directory = this.repository.directory(electionId).then((rows) => (rows ? streetDirectory(rows.streets, rows.districts) : null));
    this.cache.set(electionId, { directory, until: now + DIRECTORY_TTL_MS });
    // A failed read is not kept.
    directory.catch(() => this.cache.delete(electionId));
    return directory;
  }
}

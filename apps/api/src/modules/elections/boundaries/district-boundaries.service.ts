import { Injectable } from '@nestjs/common';
import type { BoundariesImportRequest, BoundariesPreview } from '@wahl/contracts';
import { parseDistrictBoundaries, type BoundariesImport } from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { Database } from '../../../platform/database/database';
import { AppError } from '../../../platform/errors/app-error';
import { auditActor, AuditService } from '../../audit/audit.service';
import { ElectionsService } from '../elections.service';
import { buildDistrictMap } from './district-map';
import { DistrictMapRepository } from './district-map.repository';

type Parsed = { readonly parsed: BoundariesImport; readonly districts: number; readonly mapJson: string | null };

const previewOf = ({ parsed, districts, mapJson }: Parsed): BoundariesPreview => ({
  numberProperty: parsed.numberProperty,
  coordinateSystem: parsed.coordinateSystem,
  districts,
  matched: parsed.boundaries.length,
  mapBytes: mapJson === null ? null : Buffer.byteLength(mapJson),
  problems: parsed.problems,
  canApply: mapJson !== null,
});

/**
 * District boundaries of an election (issue 15): preview and apply a GeoJSON file, and the public
 * map built from it. Boundaries change nothing that results depend on, so they may be replaced at
 * any time, also on election night.
 */
@Injectable()
export class DistrictBoundariesService {
  constructor(
    private readonly database: Database,
    private readonly elections: ElectionsService,
    private readonly repository: DistrictMapRepository,
    private readonly audit: AuditService,
  ) {}

  async preview(actor: Actor, id: string, request: BoundariesImportRequest): Promise<BoundariesPreview> {
    return previewOf(await this.parse(actor, id, request));
  }

  /** Stores the boundaries and their map, or nothing while the file has errors; audited. */
  async apply(actor: Actor, id: string, request: BoundariesImportRequest): Promise<BoundariesPreview> {
    const outcome = await this.parse(actor, id, request);
    const { parsed, districts, mapJson } = outcome;
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    if (mapJson === null || errors.length > 0) {
      throw new AppError(
        'ELECTION_IMPORT_INVALID',
        `Die Datei enthält ${errors.length === 1 ? 'einen Fehler' : `${errors.length} Fehler`}; es wurde nichts gespeichert.`,
        errors.map((p) => ({
          path: p.feature > 0 ? '$.geojson' : '$',
          message: p.feature > 0 ? `Objekt ${p.feature}${p.property ? `, Eigenschaft ${p.property}` : ''}: ${p.message}` : p.message,
        })),
      );
    }
    const fileName = request.fileName ?? null;
    await this.database.transaction(async (tx) => {
      await this.repository.replace(tx, id, { fileName, boundaries: parsed.boundaries, mapJson });
      await this.audit.record(tx, id, [
        {
          at: new Date().toISOString(),
          actor: auditActor(actor),
          action: 'election.boundaries-imported',
          districtId: null,
          version: null,
          oldValue: null,
          newValue: { fileName, matched: parsed.boundaries.length, districts },
          reason: null,
        },
      ]);
    });
    this.audit.scheduleSeal(id);
    return previewOf(outcome);
  }

  /** The public map's JSON text and when it was stored; null when the election has none. */
  publicMap(electionId: string): Promise<{ mapJson: string; updatedAt: Date } | null> {
    return this.repository.mapOf(electionId);
  }

  private async parse(actor: Actor, id: string, request: BoundariesImportRequest): Promise<Parsed> {
    const definition = await this.elections.getDefinition(actor, id);
    const numbers = definition.districts.filter((d) => d.kind === 'polling').map((d) => d.number);
    const parsed = parseDistrictBoundaries(request.geojson, numbers, request.numberProperty);
    const usable = parsed.boundaries.length > 0 && !parsed.problems.some((p) => p.severity === 'error');
    return { parsed, districts: numbers.length, mapJson: usable ? JSON.stringify(buildDistrictMap(parsed.boundaries)) : null };
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/auth/roles';
import { AppError } from '../../../platform/errors/app-error';
import { Database } from '../../../platform/database/database';
import { RollElectionService } from '../shared/roll-election.service';
import { RollRepository } from '../shared/roll.repository';
import { districtRollCsv } from './roll-csv.writer';
import type { DistrictRollDocument } from './roll-document';
import { renderDistrictRollPdf } from './roll-pdf.renderer';

/** The printable roll per district, as PDF and CSV, for the office staff. */
@Injectable()
export class RollOutputsService {
  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
  ) {}

  async document(actor: Actor, electionId: string, districtId: string): Promise<DistrictRollDocument> {
    const election = await this.elections.forActor(actor, electionId);
    const district = await this.elections.pollingDistrict(election.id, districtId);
    const roll = await this.rolls.find(this.db, election.id);
    if (!roll) throw new AppError('ROLL_NOT_BUILT', 'Für diese Wahl ist noch kein Wählerverzeichnis gebaut.');
    return {
      electionName: election.name,
      municipalityName: election.municipalityName,
      districtNumber: district.number,
      districtName: district.name,
      cutoffDay: roll.cutoff_day,
      builtAt: roll.built_at,
      entries: await this.rolls.entriesOfDistrict(election.id, district.id),
    };
  }

  async pdf(actor: Actor, electionId: string, districtId: string): Promise<{ stream: PDFKit.PDFDocument; fileName: string }> {
    const document = await this.document(actor, electionId, districtId);
    return { stream: renderDistrictRollPdf(document), fileName: `waehlerverzeichnis-${document.districtNumber}.pdf` };
  }

  async csv(actor: Actor, electionId: string, districtId: string): Promise<{ text: string; fileName: string }> {
    const document = await this.document(actor, electionId, districtId);
    return { text: districtRollCsv(document), fileName: `waehlerverzeichnis-${document.districtNumber}.csv` };
  }
}

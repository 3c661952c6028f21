import { Injectable, Logger } from '@nestjs/common';
import type { ElectionDefinition } from '@wahl/domain';
import { REGISTER_HEADER, formatRegisterLine, generateResidents } from '@wahl/register-generator';
import { ElectionsService } from '../../elections/elections.service';
import { RollBuildService } from '../build/roll-build.service';
import { RegisterImportService } from '../import/register-import.service';
import { RollElectionService } from '../shared/roll-election.service';

/** Residents of the demo town and the generator seed: the demo roll is the same on every machine. */
export const DEMO_REGISTER = { residents: 50_000, seed: 'demo' } as const;

const LINES_PER_CHUNK = 2048;

/** The generated register as the bytes of a CSV export, produced while the import reads them. */
export async function* generatedRegisterCsv(definition: ElectionDefinition, residents: number, seed: string): AsyncGenerator<Uint8Array> {
  let lines: string[] = [REGISTER_HEADER];
  for (const resident of generateResidents(definition, { residents, seed })) {
    lines.push(formatRegisterLine(resident));
    if (lines.length >= LINES_PER_CHUNK) {
      yield Buffer.from(`${lines.join('\n')}\n`, 'utf8');
      lines = [];
    }
  }
  if (lines.length) yield Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/**
 * The demo election's roll: a generated register (@wahl/register-generator, fixed seed) imported through the
 * ordinary pipeline and built, so that the office screens show a real roll after `npm start`.
 */
@Injectable()
export class RollDemoSeeder {
  private readonly logger = new Logger(RollDemoSeeder.name);

  constructor(
    private readonly rollElections: RollElectionService,
    private readonly elections: ElectionsService,
    private readonly imports: RegisterImportService,
    private readonly builder: RollBuildService,
  ) {}

  async seed(electionId: string, options: { residents: number; seed: string } = DEMO_REGISTER): Promise<{ voters: number } | null> {
    const actor = await this.rollElections.systemActor(electionId, 'demo-seed');
    const definition = await this.elections.getDefinition(actor, electionId);
    const job = await this.imports.importFile(
      actor,
      electionId,
      {
        body: generatedRegisterCsv(definition, options.residents, options.seed),
        fileName: 'demo-melderegister.csv',
        totalBytes: null,
        source: 'demo',
      },
      { encoding: 'utf-8', skipInvalid: false },
    );
    if (job.status !== 'succeeded') {
      this.logger.warn(`demo register import failed: ${job.errorCount} problems`);
      return null;
    }
    const built = await this.builder.build(actor, electionId);
    this.logger.log(`demo roll built: ${built.voters} voters from ${built.residents} generated residents`);
    return { voters: built.voters };
  }
}

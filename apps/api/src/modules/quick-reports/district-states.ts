import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ElectionDefinitionChanged } from '../elections/elections.events';
import { ReportsRepository } from './reports.repository';

/**
 * Every district of an election has its night state row before its first report, so that a write
 * only locks and updates it. The rows are made when a definition is imported or changed, in the
 * background after its commit (at 100,000 districts seconds of inserts that would otherwise stall
 * the night's first reports), and once more by each process before its first write, which finds
 * them there in one scan (or makes them for an election stored before, or after a failed run).
 */
@Injectable()
export class DistrictStates {
  private readonly logger = new Logger(DistrictStates.name);
  private readonly made = new Map<string, Promise<void>>();

  constructor(private readonly repository: ReportsRepository) {}

  @OnEvent(ElectionDefinitionChanged.event)
  onDefinitionChanged({ electionId }: ElectionDefinitionChanged): void {
    this.made.delete(electionId); // districts may have been added
    this.ready(electionId).catch((error: unknown) =>
      this.logger.warn(`state rows of ${electionId} not made: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** Resolves once every district of the election has its state row. */
  ready(electionId: string): Promise<void> {
    let making = this.made.get(electionId);
    if (!making) {
      making = this.repository.createDistrictStates(electionId);
      this.made.set(electionId, making);
      making.catch(() => this.made.delete(electionId));
    }
    return making;
  }
}

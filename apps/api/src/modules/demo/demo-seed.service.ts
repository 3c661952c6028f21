import { Injectable, Logger } from '@nestjs/common';
import type { ElectionDefinition } from '@wahl/domain';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Actor } from '../../platform/auth/roles';
import { AppError } from '../../platform/errors/app-error';
import { ElectionsService } from '../elections/elections.service';
import { OfficesService } from '../identity/offices.service';
import { RollDemoSeeder } from '../roll/demo/roll-demo.seeder';
import { DemoRepository } from './demo.repository';

/** The demo election of the fictional town Wahlingen, relative to the working directory (like the web apps). */
export const DEMO_ELECTION_FILE = 'examples/demo-election.json';

/** Sign-ins of the demo office; printed in the start banner, never used outside the demo. */
export const DEMO_USERS = [
  {
    username: 'wahlamt',
    displayName: 'Wahlamt (Demo)',
    password: 'wahlamt-demo-2029',
    role: 'office-admin',
    label: 'Leitung des Wahlamts',
  },
  {
    username: 'sachbearbeitung',
    displayName: 'Sachbearbeitung (Demo)',
    password: 'sachbearbeitung-demo-2029',
    role: 'clerk',
    label: 'Sachbearbeitung',
  },
] as const;

export type DemoSignIn = { readonly username: string; readonly password: string; readonly label: string };

export type DemoSeedOutcome = {
  /** Whether this call created anything (false on every start after the first). */
  readonly created: boolean;
  /** The demo municipality's name, e.g. "Stadt Wahlingen". */
  readonly town: string;
  /** The demo sign-ins that exist in the demo office, for the start banner. */
  readonly signIns: readonly DemoSignIn[];
};

// The seed acts as the provider administrator who sets up an office and its first users.
const SEED_ACTOR: Actor = { userId: 'demo-seed', username: 'demo-seed', role: 'provider-admin', officeId: null };

/**
 * Sets up the demo town on a fresh installation: its office (level municipality), the users
 * `wahlamt` (office-admin) and `sachbearbeitung` (clerk) and the demo election, imported like any
 * other. Only when the database holds no election yet; each step is skipped when already done, so a
 * start that failed half-way completes on the next start, and later starts create nothing.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly repository: DemoRepository,
    private readonly offices: OfficesService,
    private readonly elections: ElectionsService,
    private readonly roll: RollDemoSeeder,
  ) {}

  async seedIfEmpty(file: string = DEMO_ELECTION_FILE): Promise<DemoSeedOutcome> {
    const path = resolve(file);
    if (!existsSync(path)) {
      this.logger.warn(`demo election ${file} not found; no demo data seeded`);
      return { created: false, town: '', signIns: [] };
    }
    const document = JSON.parse(readFileSync(path, 'utf8')) as ElectionDefinition;
    const { ags, name } = document.municipality;

    if (await this.repository.anyElectionExists()) return { created: false, town: name, signIns: await this.existingSignIns(ags) };

    let office = (await this.offices.list()).find((o) => o.ags === ags);
    if (!office) {
      office = await this.offices.create({ name, ags, level: 'municipality', parentId: null });
    }
    const present = new Set((await this.offices.listUsers(SEED_ACTOR, office.id)).map((u) => u.username));
    for (const user of DEMO_USERS) {
      if (present.has(user.username)) continue;
      try {
        const { username, displayName, password, role, label } = user;
        await this.offices.createUser(SEED_ACTOR, office.id, { username, displayName, function: label, password, role });
      } catch (error) {
        // The name is taken by a user of another office: the demo goes without this sign-in.
        if (!(error instanceof AppError && error.code === 'USERNAME_TAKEN')) throw error;
        this.logger.warn(`demo user ${user.username} exists in another office; not created`);
      }
    }
    const { id: electionId } = await this.elections.importDefinition(office.id, document);
    // The demo roll: a generated register imported and built like a real one; without it the demo still starts.
    try {
      await this.roll.seed(electionId);
    } catch (error) {
      this.logger.warn(`demo roll not built (${error instanceof Error ? error.name : 'unknown error'})`);
    }
    this.logger.log(`demo office ${name} (${ags}) with its election seeded`);
    return { created: true, town: name, signIns: await this.existingSignIns(ags) };
  }

  private async existingSignIns(ags: string): Promise<DemoSignIn[]> {
    const office = (await this.offices.list()).find((o) => o.ags === ags);
    if (!office) return [];
    const users = new Set((await this.offices.listUsers(SEED_ACTOR, office.id)).map((u) => u.username));
    return DEMO_USERS.filter((u) => users.has(u.username)).map(({ username, password, label }) => ({ username, password, label }));
  }
}

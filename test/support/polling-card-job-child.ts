// A bare process that renders one prepared polling-card job, as the API or the CLI would, so that a
// test can kill it with SIGKILL in the middle and start it again. Usage (environment):
//   DATABASE_URL=… JOB_ID=… TEMPLATES_DIR=… CARD_TOKEN_KEY=… node --import tsx test/support/polling-card-job-child.ts
import { Pool } from 'pg';
import { PollingCardJobRunner } from '../../apps/api/src/modules/polling-cards/jobs/polling-card-job.runner';
import { PollingCardJobRepository } from '../../apps/api/src/modules/polling-cards/jobs/polling-card-job.repository';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 4 });
  try {
    const runner = new PollingCardJobRunner({
      store: new PollingCardJobRepository(pool),
      templatesDir: process.env['TEMPLATES_DIR']!,
      tokenKey: process.env['CARD_TOKEN_KEY']!,
      threads: 2,
      inProcessMax: 0,
    });
    const outcome = await runner.run(process.env['JOB_ID']!, { heartbeatMs: 250 });
    process.stdout.write(`${JSON.stringify({ status: outcome.status, lotsRendered: outcome.lotsRendered })}\n`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

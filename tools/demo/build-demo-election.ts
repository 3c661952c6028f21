// Writes examples/demo-election.json from the deterministic builder: `npx tsx tools/demo/build-demo-election.ts`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDemoElection } from './demo-election';

const target = resolve(__dirname, '../../examples/demo-election.json');
writeFileSync(target, JSON.stringify(buildDemoElection(), null, 2) + '\n');
process.stdout.write(`geschrieben: ${target}\n`);

// Writes examples/karlsruhe-btw2025.json from the City of Karlsruhe's open data in
// ../shared/data/karlsruhe (relative to the repository root):
//   npx tsx tools/examples/build-karlsruhe-example.ts [DATA_DIR]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateElectionDefinition } from '@wahl/domain';
import { buildKarlsruheExample } from './karlsruhe-example';
import { KARLSRUHE_DATA_DIR, readKarlsruheFiles } from './karlsruhe-files';

const document = buildKarlsruheExample(readKarlsruheFiles(process.argv[2] ? resolve(process.argv[2]) : KARLSRUHE_DATA_DIR));
const checked = validateElectionDefinition(document);
if (!checked.ok) throw new Error(checked.error.map((e) => `${e.path} ${e.message}`).join('\n'));
const target = resolve(__dirname, '../../examples/karlsruhe-btw2025.json');
writeFileSync(target, JSON.stringify(document, null, 2) + '\n');
process.stdout.write(`geschrieben: ${target}\n`);

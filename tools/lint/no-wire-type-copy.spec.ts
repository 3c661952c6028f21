import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { collectContractNames, noWireTypeCopy } from './no-wire-type-copy.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const names = { RollSummary: 'roll/roll-summary.ts', RollSummarySchema: 'roll/roll-summary.ts', Actor: 'identity/actor.ts' };
const options = [{ names, suffixes: ['Dto'] }];
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

describe('no-wire-type-copy', () => {
  tester.run('no-wire-type-copy', noWireTypeCopy, {
    valid: [
      { code: "export type { RollSummary } from '@wahl/contracts';", options },
      { code: "import type { RollSummary } from '@wahl/contracts';\nexport type Page = { summary: RollSummary };", options },
      { code: "import type * as contracts from '@wahl/contracts';\nexport type RollSummary = contracts.RollSummary;", options },
      { code: "export type RollSummary = import('@wahl/contracts').RollSummary;", options },
      { code: 'export type RollSummaryRow = { voters: number };', options },
      { code: 'export class RollSummaryService {}', options },
      { code: 'const RollSummarySchemaLike = 1;', options },
      { code: 'export type RollSummaryDto = { voters: number };', options: [{ names }] },
    ],
    invalid: [
      { code: 'export type RollSummary = { voters: number };', options, errors: [{ messageId: 'copy' }] },
      { code: 'interface Actor { userId: string }', options, errors: [{ messageId: 'copy' }] },
      { code: 'export class RollSummaryDto { voters!: number }', options, errors: [{ messageId: 'copy' }] },
      { code: 'export enum Actor { A }', options, errors: [{ messageId: 'copy' }] },
      { code: "import { z } from 'zod';\nconst RollSummarySchema = z.object({});", options, errors: [{ messageId: 'copy' }] },
      {
        code: "export type RollSummary = Omit<import('@wahl/contracts').RollSummary, 'x'>;",
        options,
        errors: [
          {
            message:
              "'RollSummary' copies the wire type 'RollSummary' of libs/contracts (src/roll/roll-summary.ts): import it from '@wahl/contracts' instead.",
          },
        ],
      },
    ],
  });
});

describe('collectContractNames', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wahl-contract-names-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should collect exported types, interfaces, classes, enums and schemas (with their inferred type)', () => {
    mkdirSync(join(dir, 'roll'));
    writeFileSync(
      join(dir, 'roll', 'roll-summary.ts'),
      [
        "import { z } from 'zod';",
        'export const RollSummarySchema = z.object({ voters: z.number() });',
        'export type RollSummary = z.infer<typeof RollSummarySchema>;',
        'export interface RollPage<T> { items: T[] }',
        'export declare class RollCursor {}',
        'export enum RollState { Open }',
        'type Local = string;',
        'export const ROLL_LIMIT = 10;',
        "export type { Local as Other } from './other';",
      ].join('\n'),
    );
    writeFileSync(join(dir, 'roll', 'roll-summary.spec.ts'), 'export type FromSpec = 1;');
    expect(collectContractNames(dir)).toStrictEqual({
      RollSummary: 'roll/roll-summary.ts',
      RollSummarySchema: 'roll/roll-summary.ts',
      RollPage: 'roll/roll-summary.ts',
      RollCursor: 'roll/roll-summary.ts',
      RollState: 'roll/roll-summary.ts',
    });
  });

  it('should read the real contract library without failing', () => {
    const real = collectContractNames(resolve(__dirname, '../../libs/contracts/src'));
    expect(real).toHaveProperty('Problem', 'common/problem.ts');
    expect(real).toHaveProperty('ProblemSchema', 'common/problem.ts');
  });
});

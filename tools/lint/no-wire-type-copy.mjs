// @ts-check
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// ESLint rule `wahl/no-wire-type-copy`: a wire type lives once, in libs/contracts. A type alias,
// interface, class or enum in an app whose name is a type of the contract (or `XDto` for a contract
// type `X`, with the `suffixes` option), and a local `XSchema` constant named like a contract schema,
// are copies: import the contract's instead. Re-exports (`export type { X } from '@wahl/contracts'`)
// and plain aliases of the contract type (`type X = contracts.X`) are fine.

const TYPE_DECLARATION = /^[ \t]*export[ \t]+(?:declare[ \t]+)?(?:abstract[ \t]+)?(?:type|interface|class|enum)[ \t]+([A-Za-z_$][\w$]*)/gm;
const SCHEMA_DECLARATION = /^[ \t]*export[ \t]+(?:declare[ \t]+)?const[ \t]+([A-Za-z_$][\w$]*)Schema\b/gm;

/**
 * The exported type and schema names of the contract sources below `dir`, each with the file
 * (relative to `dir`) that declares it: `export type X`, `export interface X`, `export class X`,
 * `export enum X`, and `export const XSchema` (which names both `XSchema` and its inferred type `X`).
 * @param {string} dir
 * @returns {Record<string, string>}
 */
export function collectContractNames(dir) {
  /** @type {Record<string, string>} */
  const names = {};
  const visit = (/** @type {string} */ folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !/\.(spec|test|d)\.ts$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        const file = relative(dir, path).split(sep).join('/');
        for (const match of text.matchAll(TYPE_DECLARATION)) names[match[1]] ??= file;
        for (const match of text.matchAll(SCHEMA_DECLARATION)) {
          names[match[1]] ??= file;
          names[`${match[1]}Schema`] ??= file;
        }
      }
    }
  };
  visit(dir);
  return names;
}

/** The rightmost name of `X`, `a.b.X` or `import('…').X`, or null. */
function referencedName(/** @type {any} */ node) {
  if (!node) return null;
  if (node.type === 'TSTypeReference') {
    let name = node.typeName;
    while (name && name.type === 'TSQualifiedName') name = name.right;
    return name && name.type === 'Identifier' ? name.name : null;
  }
  if (node.type === 'TSImportType') {
    let name = node.qualifier;
    while (name && name.type === 'TSQualifiedName') name = name.right;
    return name && name.type === 'Identifier' ? name.name : null;
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noWireTypeCopy = {
  meta: {
    type: 'problem',
    docs: { description: 'A wire type is declared once, in libs/contracts; apps import it from @wahl/contracts.' },
    messages: {
      copy: "'{{name}}' copies the wire type '{{contract}}' of libs/contracts (src/{{file}}): import it from '@wahl/contracts' instead.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          names: { type: 'object', additionalProperties: { type: 'string' } },
          suffixes: { type: 'array', items: { type: 'string' } },
        },
        required: ['names'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const options = /** @type {{ names: Record<string, string>, suffixes?: string[] }} */ (context.options[0] ?? { names: {} });
    const names = options.names;
    const suffixes = options.suffixes ?? [];
    const has = (/** @type {string} */ name) => Object.hasOwn(names, name);

    /** The contract name a declared type name copies, or null. */
    const copiedType = (/** @type {string} */ name) => {
      if (has(name) && !name.endsWith('Schema')) return name;
      for (const suffix of suffixes) {
        const base = name.endsWith(suffix) ? name.slice(0, -suffix.length) : '';
        if (base && has(base) && !base.endsWith('Schema')) return base;
      }
      return null;
    };

    const report = (/** @type {any} */ id, /** @type {string} */ contract) =>
      context.report({ node: id, messageId: 'copy', data: { name: id.name, contract, file: names[contract] } });

    const checkType = (/** @type {any} */ node) => {
      if (!node.id || node.id.type !== 'Identifier') return;
      const contract = copiedType(node.id.name);
      if (contract) report(node.id, contract);
    };

    return {
      TSTypeAliasDeclaration(node) {
        // `type X = contracts.X` names the contract's type; it copies nothing.
        if (referencedName(/** @type {any} */ (node).typeAnnotation) === /** @type {any} */ (node).id.name) return;
        checkType(node);
      },
      TSInterfaceDeclaration: checkType,
      TSEnumDeclaration: checkType,
      ClassDeclaration: checkType,
      VariableDeclarator(node) {
        if (node.id.type === 'Identifier' && node.id.name.endsWith('Schema') && has(node.id.name)) report(node.id, node.id.name);
      },
    };
  },
};

/** The local plugin for eslint.config.mjs. */
export const wahlPlugin = { meta: { name: 'wahl' }, rules: { 'no-wire-type-copy': noWireTypeCopy } };

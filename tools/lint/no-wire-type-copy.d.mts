import type { ESLint, Rule } from 'eslint';

/** The exported type and schema names of the contract sources below `dir`, each with its file. */
export declare function collectContractNames(dir: string): Record<string, string>;
export declare const noWireTypeCopy: Rule.RuleModule;
export declare const wahlPlugin: ESLint.Plugin;

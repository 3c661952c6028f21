// Nationalities of foreign residents, weighted roughly like Germany's foreign population
// (Ausländerzentralregister 2023); about a third are EU citizens, who may vote in BW municipal
// elections (R1.1) but not in the Bundestag election.

export type Nationality = {
  /** ISO 3166-1 alpha-2 */
  readonly code: string;
  readonly eu: boolean;
  /** Share among foreign residents, in per cent. */
  readonly weight: number;
  /** Key into FOREIGN_NAME_POOLS, or `de` for German-speaking countries. */
  readonly namePool: string;
};

export const FOREIGN_NATIONALITIES: readonly Nationality[] = [
  { code: 'TR', eu: false, weight: 15, namePool: 'tr' },
  { code: 'UA', eu: false, weight: 12, namePool: 'ua' },
  { code: 'SY', eu: false, weight: 9, namePool: 'arab' },
  { code: 'RO', eu: true, weight: 6, namePool: 'ro' },
  { code: 'PL', eu: true, weight: 5, namePool: 'pl' },
  { code: 'IT', eu: true, weight: 5, namePool: 'it' },
  { code: 'HR', eu: true, weight: 3.5, namePool: 'balkan' },
  { code: 'GR', eu: true, weight: 3.5, namePool: 'gr' },
  { code: 'BG', eu: true, weight: 3, namePool: 'balkan' },
  { code: 'AF', eu: false, weight: 4, namePool: 'arab' },
  { code: 'RS', eu: false, weight: 2.5, namePool: 'balkan' },
  { code: 'IQ', eu: false, weight: 2.5, namePool: 'arab' },
  { code: 'RU', eu: false, weight: 2.5, namePool: 'ua' },
  { code: 'BA', eu: false, weight: 2, namePool: 'balkan' },
  { code: 'IN', eu: false, weight: 2.5, namePool: 'in' },
  { code: 'HU', eu: true, weight: 1.5, namePool: 'hu' },
  { code: 'AT', eu: true, weight: 1.5, namePool: 'de' },
  { code: 'ES', eu: true, weight: 1, namePool: 'iberian' },
  { code: 'PT', eu: true, weight: 1, namePool: 'iberian' },
  { code: 'FR', eu: true, weight: 1, namePool: 'fr' },
  { code: 'NL', eu: true, weight: 0.5, namePool: 'nl' },
  { code: 'CN', eu: false, weight: 1.5, namePool: 'cn' },
  { code: 'US', eu: false, weight: 1, namePool: 'en' },
  { code: 'GB', eu: false, weight: 1, namePool: 'en' },
  { code: 'CH', eu: false, weight: 0.5, namePool: 'de' },
  { code: 'MK', eu: false, weight: 1, namePool: 'balkan' },
  { code: 'IR', eu: false, weight: 1.5, namePool: 'arab' },
];

/** Second nationalities of German dual citizens (Germans first: `DE,TR`). */
export const DUAL_SECOND_NATIONALITIES: readonly Nationality[] = FOREIGN_NATIONALITIES.filter((n) =>
  ['TR', 'PL', 'IT', 'RU', 'GR', 'RO', 'US', 'HR', 'UA', 'FR', 'GB'].includes(n.code),
);

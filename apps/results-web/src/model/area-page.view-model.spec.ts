import { describe, expect, it } from 'vitest';
import { FALLBACK_COLOR } from '../charts/shares-chart';
import { NBSP } from '@wahl/web-kit';
import { MUSTERSTADT_SNAPSHOT, MUSTERSTADT_WAITING } from './__fixtures__/musterstadt-snapshot.fixture';
import { WAHLKREIS_SNAPSHOT } from './__fixtures__/wahlkreis-snapshot.fixture';
import { OTHERS_LABEL, buildAreaPage, previousLabelOf, progressText, rootAreas, startArea } from './area-page.view-model';

const pct = (text: string): string => text.replace(/ %/g, `${NBSP}%`);
const MINUS = '\u2212';

describe('buildAreaPage: the overview of the worked example (DOMAIN.md 4.3)', () => {
  const page = buildAreaPage({ snapshot: MUSTERSTADT_SNAPSHOT, areaId: null, contestId: null })!;

  it('should show the whole municipality with progress, turnout and the Zweitstimme by default', () => {
    expect(page.areaId).toBe('musterstadt');
    expect(page.isRoot).toBe(true);
    expect(page.areaName).toBe('Musterstadt');
    expect(page.electionDayText).toBe('23. Februar 2025');
    expect(page.statusText).toBe('Auszählung läuft');
    expect(page.progress).toMatchObject({
      label: 'Gemeldet',
      reported: 2,
      expected: 3,
      text: '2 von 3 Bezirken',
      count: '2 von 3',
      unit: 'Bezirken',
      detail: 'Noch 1 Bezirk ausstehend',
    });
    expect(page.progress.percent).toBeCloseTo(66.67, 2);
    // P10: (820 + 260) / 1.500.
    expect(page.turnout).toEqual({ text: pct('72,0 %'), votersText: '1.080 Wählende', previousText: null, note: null });
    expect(page.contests.map((c) => [c.name, c.selected])).toEqual([
      ['Erststimme', false],
      ['Zweitstimme', true],
    ]);
    expect(page.contests[0]!.href).toBe('/wahl/e2025?stimme=erststimme');
    expect(page.breadcrumb).toEqual([{ label: 'Musterstadt', href: null }]);
  });

  it('should list the Zweitstimme strongest first with votes, shares and changes against 2021', () => {
    const contest = page.contest!;
    expect(page.previousLabel).toBe('2021');
    expect(contest.validText).toBe('1.070');
    expect(contest.invalidText).toBe('10');
    expect(contest.rows.map((row) => [row.shortName, row.votesText, row.percentText, row.previousText, row.changeText, row.trend])).toEqual(
      [
        ['CDU', '385', pct('36,0 %'), pct('30,0 %'), '+6,0', 'up'],
        ['SPD', '290', pct('27,1 %'), pct('28,0 %'), `${MINUS}0,9`, 'down'],
        ['GRÜNE', '210', pct('19,6 %'), pct('18,0 %'), '+1,6', 'up'],
        ['FDP', '102', pct('9,5 %'), pct('14,0 %'), `${MINUS}4,5`, 'down'],
        ['Die Linke', '52', pct('4,9 %'), pct('6,0 %'), `${MINUS}1,1`, 'down'],
        ['BSW', '31', pct('2,9 %'), pct('0,0 %'), '+2,9', 'up'],
      ],
    );
    expect(contest.chart.lists.map((list) => [list.shortName, list.color, list.votes])).toEqual([
      ['CDU', '#000000', 385],
      ['SPD', '#e3000f', 290],
      ['GRÜNE', '#46962b', 210],
      ['FDP', '#ffed00', 102],
      ['Die Linke', '#be3075', 52],
      ['BSW', '#a31e4a', 31],
    ]);
    expect(contest.changes!.map((c) => [c.shortName, c.points])).toEqual([
      ['CDU', 6],
      ['SPD', -0.9],
      ['GRÜNE', 1.6],
      ['FDP', -4.5],
      ['Die Linke', -1.1],
      ['BSW', 2.9],
    ]);
    expect(contest.chartSummary).toBe(
      pct('Zweitstimme, Stimmenanteile: CDU 36,0 %, SPD 27,1 %, GRÜNE 19,6 %, FDP 9,5 %, Die Linke 4,9 %, BSW 2,9 %'),
    );
    expect(contest.changesSummary).toBe(
      `Zweitstimme, Gewinne und Verluste in Prozentpunkten gegenüber 2021: CDU +6,0, SPD ${MINUS}0,9, GRÜNE +1,6, FDP ${MINUS}4,5, Die Linke ${MINUS}1,1, BSW +2,9`,
    );
  });

  it('should have no change chart for the Erststimme, which has no previous result', () => {
    const erst = buildAreaPage({ snapshot: MUSTERSTADT_SNAPSHOT, areaId: null, contestId: 'erststimme' })!;
    expect(erst.contest!.name).toBe('Erststimme');
    expect(erst.contest!.rows.map((row) => `${row.shortName} ${row.percentText} ${row.changeText}`)).toEqual(
      ['CDU 38,6 % –', 'SPD 29,6 % –', 'GRÜNE 18,3 % –', 'FDP 8,5 % –', 'Die Linke 5,0 % –'].map(pct),
    );
    expect(erst.contest!.changes).toBeNull();
    expect(erst.contest!.changesSummary).toBeNull();
  });

  it('should name the Erststimme rows by candidate with the party, in the table and the chart', () => {
    const erst = buildAreaPage({ snapshot: MUSTERSTADT_SNAPSHOT, areaId: null, contestId: 'erststimme' })!.contest!;
    expect(erst.rowHeading).toBe('Kandidat/in');
    expect(erst.rows.map((row) => `${row.candidate} (${row.shortName}) ${row.percentText}`)).toEqual(
      [
        'Dr. Anna Berger (CDU) 38,6 %',
        'Mehmet Yıldız (SPD) 29,6 %',
        'Jule Sommerfeld (GRÜNE) 18,3 %',
        'Karl-Heinz Ostermann (FDP) 8,5 %',
        'Rosa Lindner (Die Linke) 5,0 %',
      ].map(pct),
    );
    expect(erst.chart.lists.map((list) => list.shortName)).toEqual([
      'Berger (CDU)',
      'Yıldız (SPD)',
      'Sommerfeld (GRÜNE)',
      'Ostermann (FDP)',
      'Lindner (Die Linke)',
    ]);
    expect(erst.chartSummary).toContain('Berger (CDU)');
  });

  it('should name the rows of a list vote by list only', () => {
    const zweit = page.contest!;
    expect(zweit.rowHeading).toBe('Liste');
    expect(zweit.rows.every((row) => row.candidate === null && row.label === row.shortName)).toBe(true);
  });

  it('should list the districts with their key figures, polling before postal, and keep the contest in the links', () => {
    expect(page.childrenTitle).toBe('Wahl- und Briefwahlbezirke');
    expect(page.children.map((c) => [c.title, c.subtitle, c.progressText, c.leaderText, c.href])).toEqual([
      ['Altstadt', 'Wahlbezirk 0101', 'Gemeldet', pct('CDU 35,7 %'), '/wahl/e2025/gebiet/d0101?stimme=zweitstimme'],
      ['Neustadt', 'Wahlbezirk 0102', 'Noch nicht gemeldet', null, '/wahl/e2025/gebiet/d0102?stimme=zweitstimme'],
      ['Briefwahl Altstadt', 'Briefwahlbezirk 0191', 'Gemeldet', pct('CDU 37,0 %'), '/wahl/e2025/gebiet/d0191?stimme=zweitstimme'],
    ]);
    // The stacked bar of 0101: 290 of 813 valid votes for the CDU.
    const segments = page.children[0]!.segments;
    expect(segments.map((s) => s.shortName)).toEqual(['CDU', 'SPD', 'GRÜNE', 'FDP', 'Die Linke', 'BSW']);
    expect(segments[0]!.percent).toBeCloseTo((100 * 290) / 813, 10);
    expect(segments.reduce((sum, s) => sum + s.percent, 0)).toBeCloseTo(100, 10);
    expect(page.children[1]!.segments).toEqual([]);
  });
});

describe('buildAreaPage: Stadtteile between the municipality and its districts', () => {
  // Musterstadt with its districts in two Stadtteile: the overview lists the Stadtteile, each with its districts.
  const inQuarter = (id: string): string => (id === 'd0102' ? 'st-neu' : 'st-alt');
  const snapshot = {
    ...MUSTERSTADT_SNAPSHOT,
    areas: [
      MUSTERSTADT_SNAPSHOT.areas[0]!,
      { id: 'st-alt', parentId: 'musterstadt', level: 'stadtteil' as const, number: '1', name: 'Altstadt' },
      { id: 'st-neu', parentId: 'musterstadt', level: 'stadtteil' as const, number: '2', name: 'Neustadt' },
      ...MUSTERSTADT_SNAPSHOT.areas.slice(1).map((area) => ({ ...area, parentId: inQuarter(area.id) })),
    ],
    results: [
      ...MUSTERSTADT_SNAPSHOT.results,
      { ...MUSTERSTADT_SNAPSHOT.results[0]!, areaId: 'st-alt', expected: 2 },
      { ...MUSTERSTADT_SNAPSHOT.results[2]!, areaId: 'st-neu' },
    ],
  };

  it("should list the Stadtteile with their progress and group each one's districts under it", () => {
    const page = buildAreaPage({ snapshot, areaId: null, contestId: null })!;
    expect(page.childrenTitle).toBe('Stadtteile');
    expect(page.children.map((c) => [c.title, c.subtitle, c.progressText])).toEqual([
      ['Altstadt', 'Stadtteil', '2 von 2 Bezirken'],
      ['Neustadt', 'Stadtteil', '0 von 1 Bezirk'],
    ]);
    expect(page.children.map((c) => c.districts.map((d) => d.subtitle))).toEqual([
      ['Wahlbezirk 0101', 'Briefwahlbezirk 0191'],
      ['Wahlbezirk 0102'],
    ]);
  });

  it('should show a Stadtteil as its own page with the breadcrumb from the municipality', () => {
    const page = buildAreaPage({ snapshot, areaId: 'st-alt', contestId: null })!;
    expect(page.areaKind).toBe('Stadtteil');
    expect(page.breadcrumb.map((crumb) => crumb.label)).toEqual(['Musterstadt', 'Altstadt']);
    expect(page.childrenTitle).toBe('Wahl- und Briefwahlbezirke');
    expect(page.children.every((child) => child.districts.length === 0)).toBe(true);
  });

  it('should keep the municipality above a Stadtteil in a snapshot narrowed to the Stadtteil’s view', () => {
    // What the API sends for Altstadt: the path from the root, Altstadt, its districts; no Neustadt.
    const view = ['musterstadt', 'st-alt', 'd0101', 'd0191'];
    const narrowed = {
      ...snapshot,
      areas: snapshot.areas.filter((area) => view.includes(area.id)),
      results: snapshot.results.filter((result) => view.includes(result.areaId)),
    };
    expect(startArea(narrowed)?.id).toBe('musterstadt');
    const page = buildAreaPage({ snapshot: narrowed, areaId: 'st-alt', contestId: null })!;
    expect(page.isRoot).toBe(false);
    expect(page.breadcrumb).toEqual([
      { label: 'Musterstadt', href: '/wahl/e2025?stimme=zweitstimme' },
      { label: 'Altstadt', href: null },
    ]);
    expect(page.children.map((child) => child.subtitle)).toEqual(['Wahlbezirk 0101', 'Briefwahlbezirk 0191']);
    expect(page.map).toBe('area');
  });

  it('should offer a Stadtbezirk’s map and list its Stadtteile’s districts from the Stadtbezirk’s view', () => {
    // Altstadt now lies in the Stadtbezirk Innenstadt; Neustadt stays directly below the municipality.
    const bezirk = { id: 'sb-innen', parentId: 'musterstadt', level: 'stadtbezirk' as const, number: '1', name: 'Innenstadt' };
    const whole = {
      ...snapshot,
      areas: [
        snapshot.areas[0]!,
        bezirk,
        ...snapshot.areas.slice(1).map((area) => (area.id === 'st-alt' ? { ...area, parentId: bezirk.id } : area)),
      ],
      results: [...snapshot.results, { ...snapshot.results.find((result) => result.areaId === 'st-alt')!, areaId: bezirk.id }],
    };
    // What the API sends for Innenstadt: the path from the root, Innenstadt and everything below it.
    const view = ['musterstadt', bezirk.id, 'st-alt', 'd0101', 'd0191'];
    const narrowed = {
      ...whole,
      areas: whole.areas.filter((area) => view.includes(area.id)),
      results: whole.results.filter((result) => view.includes(result.areaId)),
    };
    const page = buildAreaPage({ snapshot: narrowed, areaId: bezirk.id, contestId: null })!;
    expect(page.isRoot).toBe(false);
    expect(page.map).toBe('area');
    expect(page.children.map((child) => child.districts.map((district) => district.subtitle))).toEqual([
      ['Wahlbezirk 0101', 'Briefwahlbezirk 0191'],
    ]);
  });
});

describe('buildAreaPage: districts', () => {
  it('should show a district with its breadcrumb and explain why it has no turnout of its own (P10)', () => {
    const page = buildAreaPage({ snapshot: MUSTERSTADT_SNAPSHOT, areaId: 'd0101', contestId: 'erststimme' })!;
    expect(page.areaKind).toBe('Wahlbezirk 0101');
    expect(page.breadcrumb).toEqual([
      { label: 'Musterstadt', href: '/wahl/e2025?stimme=erststimme' },
      { label: 'Altstadt', href: null },
    ]);
    // The heading names what the value answers: "Schnellmeldung: Gemeldet", never "Gemeldet: Gemeldet".
    expect(page.progress).toMatchObject({
      label: 'Schnellmeldung',
      text: 'Gemeldet',
      count: 'Gemeldet',
      unit: '',
      detail: 'Schnellmeldung bestätigt',
      percent: 100,
    });
    expect(page.turnout).toEqual({
      text: '–',
      votersText: '820 Wählende',
      previousText: null,
      note: 'Nur zusammen mit der Briefwahl berechenbar.',
    });
    const missing = buildAreaPage({ snapshot: MUSTERSTADT_SNAPSHOT, areaId: 'd0102', contestId: null })!;
    expect(missing.progress).toMatchObject({
      text: 'Noch nicht gemeldet',
      count: 'Ausstehend',
      detail: 'Noch keine bestätigte Schnellmeldung',
      percent: 0,
    });
    expect(page.contest!.rows[0]).toMatchObject({ shortName: 'CDU', votesText: '310', percentText: pct('38,4 %') });
    expect(page.children).toEqual([]);
    expect(page.documentTitle).toBe('Altstadt – Bundestagswahl 2025 – Wahlergebnisse');
  });

  it('should say that a postal district has no eligible voters (R2.5)', () => {
    const page = buildAreaPage({ snapshot: MUSTERSTADT_SNAPSHOT, areaId: 'd0191', contestId: null })!;
    expect(page.areaKind).toBe('Briefwahlbezirk 0191');
    expect(page.turnout.note).toBe('Briefwahlbezirke haben keine eigenen Wahlberechtigten.');
  });

  it('should keep ballot order and show dashes while nothing is counted', () => {
    const page = buildAreaPage({ snapshot: MUSTERSTADT_WAITING, areaId: null, contestId: null })!;
    expect(page.statusText).toBe('Noch keine Ergebnisse');
    expect(page.progress).toMatchObject({ text: '0 von 3 Bezirken', detail: 'Noch 3 Bezirke ausstehend', percent: 0 });
    expect(page.contest!.hasVotes).toBe(false);
    expect(page.contest!.rows.map((row) => `${row.shortName} ${row.votesText} ${row.percentText}`)).toEqual([
      'CDU 0 –',
      'SPD 0 –',
      'GRÜNE 0 –',
      'FDP 0 –',
      'Die Linke 0 –',
      'BSW 0 –',
    ]);
    expect(page.turnout).toEqual({ text: '–', votersText: null, previousText: null, note: null });
  });

  it('should answer null for an area the election does not have', () => {
    expect(buildAreaPage({ snapshot: MUSTERSTADT_SNAPSHOT, areaId: 'd9999', contestId: null })).toBeNull();
  });
});

describe('buildAreaPage: a deeper tree with many lists and R8.5 cases', () => {
  it('should walk the breadcrumb from the constituency down and compare turnout with the previous election', () => {
    const page = buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: 'ka', contestId: null })!;
    expect(page.breadcrumb.map((crumb) => [crumb.label, crumb.href])).toEqual([['Karlsruhe', null]]);
    expect(page.areaKind).toBe('Gemeinde');
    // Without a previous election name the comparison is labelled generically.
    expect(page.turnout).toEqual({ text: pct('72,3 %'), votersText: '2.170 Wählende', previousText: pct('Vorwahl: 76,6 %'), note: null });
    expect(page.progress.text).toBe('4 von 5 Bezirken');
    expect(page.withheld).toBe(false);
  });

  it('should chart the seven strongest lists and group the rest as "Sonstige", and table them all', () => {
    const page = buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: 'ka', contestId: null })!;
    const contest = page.contest!;
    expect(contest.rows).toHaveLength(10);
    // Volt 40 + ÖDP 20 + MLPD 10 of 2.150.
    expect(contest.chart.lists.map((list) => `${list.shortName}:${list.votes}`)).toEqual([
      'CDU:612',
      'SPD:510',
      'GRÜNE:408',
      'AfD:245',
      'FDP:163',
      'Die Linke:81',
      'FREIE WÄHLER:61',
      `${OTHERS_LABEL}:70`,
    ]);
    expect(contest.chart.lists.at(-1)!.color).toBe(FALLBACK_COLOR);
    // "rot" is no colour the page can trust.
    expect(contest.rows.at(-1)).toMatchObject({ shortName: 'MLPD', color: FALLBACK_COLOR, percentText: pct('0,5 %') });
    expect(contest.changes).toBeNull();
    const wide = buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: 'ka', contestId: null, chartBars: 9 })!;
    // Nine bars would leave one list alone in "Sonstige": it gets its own bar.
    expect(wide.contest!.chart.lists.map((list) => list.shortName)).toEqual([
      'CDU',
      'SPD',
      'GRÜNE',
      'AfD',
      'FDP',
      'Die Linke',
      'FREIE WÄHLER',
      'Volt',
      'ÖDP',
      'MLPD',
    ]);
  });

  it('should explain merged districts and show no numbers of a withheld one', () => {
    const ka = buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: 'ka', contestId: null })!;
    expect(ka.childrenTitle).toBe('Wahlbezirke');
    expect(ka.children.map((c) => [c.subtitle, c.progressText, c.leaderText, c.note])).toEqual([
      ['Wahlbezirk 0101', 'Gemeldet', pct('CDU 28,4 %'), null],
      ['Wahlbezirk 0102', 'Gemeldet', pct('CDU 28,4 %'), 'Gemeinsam mit 0103 ausgewiesen'],
      ['Wahlbezirk 0103', 'Gemeldet', pct('CDU 28,4 %'), 'Gemeinsam mit 0102 ausgewiesen'],
      ['Wahlbezirk 0104', 'Gemeldet', null, 'Nicht einzeln veröffentlicht'],
      ['Wahlbezirk 0105', 'Noch nicht gemeldet', null, null],
    ]);
    const merged = buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: 'k0102', contestId: null })!;
    expect(merged.publicationNote).toBe(
      'Zum Schutz des Wahlgeheimnisses gemeinsam mit Wahlbezirk 0103 (Oststadt Süd) ausgewiesen: Die Zahlen sind die Summe beider Bezirke.',
    );
    const withheld = buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: 'k0104', contestId: null })!;
    expect(withheld.publicationNote).toContain('nicht einzeln veröffentlicht');
    expect(withheld.contest!.rows.every((row) => row.votesText === '–' && row.percentText === '–')).toBe(true);
    expect(withheld.contest!.hasVotes).toBe(false);
    expect(withheld.contest!.validText).toBe('–');
    expect(withheld.withheld).toBe(true);
    expect(withheld.turnout).toEqual({ text: '–', votersText: null, previousText: null, note: null });
  });

  it('should name a merge partner that a district’s view carries only as its area entry', () => {
    // What the API sends for 0102: the path from the root, 0102, then its partner 0103's entry (no result).
    const view = ['wk271', 'ka', 'k0102'];
    const narrowed = {
      ...WAHLKREIS_SNAPSHOT,
      areas: [
        ...WAHLKREIS_SNAPSHOT.areas.filter((area) => view.includes(area.id)),
        WAHLKREIS_SNAPSHOT.areas.find((area) => area.id === 'k0103')!,
      ],
      results: WAHLKREIS_SNAPSHOT.results.filter((result) => view.includes(result.areaId)),
    };
    const page = buildAreaPage({ snapshot: narrowed, areaId: 'k0102', contestId: null })!;
    expect(page.breadcrumb.map((crumb) => crumb.label)).toEqual(['Karlsruhe', 'Oststadt Nord']);
    expect(page.publicationNote).toBe(
      'Zum Schutz des Wahlgeheimnisses gemeinsam mit Wahlbezirk 0103 (Oststadt Süd) ausgewiesen: Die Zahlen sind die Summe beider Bezirke.',
    );
  });

  it('should state how many reported districts a total holds back (R8.7)', () => {
    const held = (heldBack: number) => ({
      ...WAHLKREIS_SNAPSHOT,
      results: WAHLKREIS_SNAPSHOT.results.map((result) =>
        result.areaId === 'ka' ? { ...result, publication: { kind: 'partial' as const, heldBack } } : result,
      ),
    });
    expect(buildAreaPage({ snapshot: held(1), areaId: 'ka', contestId: null })!.publicationNote).toBe(
      '1 gemeldeter Bezirk ist noch nicht enthalten (Schutz des Wahlgeheimnisses: er geht erst zusammen mit weiteren Bezirken ein).',
    );
    expect(buildAreaPage({ snapshot: held(2), areaId: 'ka', contestId: null })!.publicationNote).toMatch(
      /^2 gemeldete Bezirke sind noch nicht enthalten/,
    );
  });

  it('should start the overview at the municipality when the constituency holds nothing else', () => {
    const page = buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: null, contestId: null })!;
    expect(page.areaId).toBe('ka');
    expect(page.isRoot).toBe(true);
    // The trail starts at the overview …
    expect(page.breadcrumb).toEqual([{ label: 'Karlsruhe', href: null }]);
    const district = buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: 'k0101', contestId: null })!;
    expect(district.breadcrumb.map((crumb) => crumb.href)).toEqual(['/wahl/e-wk?stimme=zweitstimme', null]);
    // … and the constituency, opened by its address, shows its own place above it.
    const constituency = buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: 'wk271', contestId: null })!;
    expect(constituency.breadcrumb).toEqual([{ label: 'Karlsruhe-Stadt', href: null }]);
    expect(constituency.children.map((child) => child.href)).toEqual(['/wahl/e-wk/gebiet/ka?stimme=zweitstimme']);
    expect(startArea({ ...WAHLKREIS_SNAPSHOT, areas: [] })).toBeUndefined();
  });

  it('should take the area without a parent in a snapshot narrowed to one area as its top', () => {
    const narrowed = { ...WAHLKREIS_SNAPSHOT, areas: WAHLKREIS_SNAPSHOT.areas.filter((area) => area.id !== 'wk271') };
    expect(rootAreas(narrowed).map((area) => area.id)).toEqual(['ka']);
    expect(buildAreaPage({ snapshot: narrowed, areaId: null, contestId: null })!.areaName).toBe('Karlsruhe');
  });
});

describe('buildAreaPage: link to the seats of a council election (issue 7)', () => {
  it('should link the seats page when the election has a council contest, and not otherwise', () => {
    expect(buildAreaPage({ snapshot: MUSTERSTADT_SNAPSHOT, areaId: null, contestId: null })!.seats).toBeNull();
    const council = {
      ...MUSTERSTADT_SNAPSHOT,
      kind: 'gemeinderat-bw' as const,
      contests: [{ id: 'gr', name: 'Gemeinderat', ballotType: 'council' as const, lists: MUSTERSTADT_SNAPSHOT.contests[0]!.lists }],
    };
    expect(buildAreaPage({ snapshot: council, areaId: null, contestId: null })!.seats).toEqual({
      href: `/wahl/${council.electionId}/sitze`,
      contestName: 'Gemeinderat',
    });
  });
});

describe('wording helpers', () => {
  it('should decline "Bezirk" after "von" and find the year of the previous election', () => {
    expect(progressText(0, 1)).toBe('0 von 1 Bezirk');
    expect(progressText(156, 272)).toBe('156 von 272 Bezirken');
    expect(progressText(1200, 1234)).toBe('1.200 von 1.234 Bezirken');
    expect(previousLabelOf('Gemeinderatswahl 2019')).toBe('2019');
    expect(previousLabelOf('Letzte Wahl')).toBe('Vorwahl');
    expect(previousLabelOf(null)).toBeNull();
  });
});

describe("buildAreaPage: the overview of a large election from the root's view (issue 16)", () => {
  // The root and its children only, as the API sends the root's view: the towns without their districts.
  const rootView = {
    ...WAHLKREIS_SNAPSHOT,
    areas: [
      ...WAHLKREIS_SNAPSHOT.areas.filter((area) => area.level !== 'district'),
      { id: 'du', parentId: 'wk271', level: 'municipality' as const, number: '08215017', name: 'Durlach' },
    ],
    results: WAHLKREIS_SNAPSHOT.results.filter((result) => result.areaId === 'wk271' || result.areaId === 'ka'),
  };
  const page = buildAreaPage({ snapshot: rootView, areaId: null, contestId: null })!;

  it('should show the root with its children, each linked to its own page', () => {
    expect(page.areaId).toBe('wk271');
    expect(page.children.map((child) => [child.title, child.href, child.districts.length])).toEqual([
      ['Karlsruhe', '/wahl/e-wk/gebiet/ka?stimme=zweitstimme', 0],
      ['Durlach', '/wahl/e-wk/gebiet/du?stimme=zweitstimme', 0],
    ]);
  });

  it('should offer no map of every district, which the snapshot does not hold', () => {
    expect(page.map).toBeNull();
    expect(buildAreaPage({ snapshot: WAHLKREIS_SNAPSHOT, areaId: null, contestId: null })!.map).toBe('election');
  });
});

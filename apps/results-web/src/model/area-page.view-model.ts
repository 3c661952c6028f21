import type {
  PublicArea,
  PublicAreaLevel,
  PublicAreaResult,
  PublicContest,
  PublicContestResult,
  PublicElectionSnapshot,
  PublicList,
} from '@wahl/domain';
import type { ListVotes } from '../charts/shares-chart';
import { FALLBACK_COLOR, sharesSummary } from '../charts/shares-chart';
import { REHEARSAL_WATERMARK } from '@wahl/domain';
import { formatCount, formatGermanDate, formatPercent, formatPoints, formatShare } from '@wahl/web-kit';
import { areaHref, seatsHref } from '../router/routes';

// Pure: a public snapshot (libs/domain public-results.types) → what one area's page shows. All
// wording and number formatting happens here, so the views only place text and the tests can check
// every figure without a browser. No election math beyond sorting and grouping: shares, turnout and
// changes come from the API (P10, P12), and a share is computed here only where the API gives none.

export const OTHERS_LABEL = 'Sonstige';
/** Bars in a chart before the smallest lists are grouped into "Sonstige" (readable at 360 px). */
export const DEFAULT_CHART_BARS = 7;

export type ListRow = {
  readonly listId: string;
  /** A candidate contest's (Erststimme, mayor) candidate, "Dr. Anna Berger"; null for a list vote. */
  readonly candidate: string | null;
  /** What charts and summaries call the row: "Berger (CDU)" for a candidate, else the list's short name. */
  readonly label: string;
  readonly shortName: string;
  readonly name: string;
  readonly color: string;
  readonly votes: number;
  readonly votesText: string;
  readonly percent: number | null;
  readonly percentText: string;
  readonly previousText: string;
  readonly changePoints: number | null;
  readonly changeText: string;
  readonly trend: 'up' | 'down' | 'same' | null;
};

export type ChangeBar = { readonly shortName: string; readonly color: string; readonly points: number };

export type ContestView = {
  readonly id: string;
  readonly name: string;
  /** The first column's heading: "Kandidat/in" in a candidate contest, else "Liste". */
  readonly rowHeading: string;
  /** "Kandidatinnen und Kandidaten" or "Listen", for captions. */
  readonly rowsNoun: string;
  /** Strongest first; ballot order among equals (and while nothing is counted). */
  readonly rows: readonly ListRow[];
  readonly hasVotes: boolean;
  readonly validText: string;
  readonly invalidText: string;
  /** The share chart's bars: the strongest lists and "Sonstige". */
  readonly chart: { readonly lists: readonly ListVotes[] };
  readonly chartSummary: string;
  /** Gains and losses of the charted lists; null without a previous election. */
  readonly changes: readonly ChangeBar[] | null;
  readonly changesSummary: string | null;
};

export type Segment = { readonly shortName: string; readonly color: string; readonly percent: number };

export type ChildRow = {
  readonly id: string;
  readonly href: string;
  readonly title: string;
  readonly subtitle: string;
  readonly reported: boolean;
  readonly progressText: string;
  readonly turnoutText: string | null;
  readonly leaderText: string | null;
  readonly leaderColor: string | null;
  /** The selected contest's shares as a stacked bar, strongest first. */
  readonly segments: readonly Segment[];
  readonly note: string | null;
  /** A Stadtbezirk's or Stadtteil's districts, shown collapsed under its card; empty elsewhere. */
  readonly districts: readonly ChildRow[];
};

export type ProjectionView = {
  readonly note: string;
  readonly rows: readonly { readonly label: string; readonly color: string; readonly percentText: string; readonly intervalText: string }[];
};

export type Crumb = { readonly label: string; readonly href: string | null };

export type AreaPage = {
  readonly electionId: string;
  readonly electionName: string;
  readonly municipalityName: string;
  /** Probe: the watermark every view shows ("PROBE – keine echten Ergebnisse"); null on the real night. */
  readonly watermark: string | null;
  readonly electionDayText: string;
  readonly status: PublicElectionSnapshot['status'];
  readonly statusText: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly areaId: string;
  readonly areaName: string;
  readonly areaKind: string;
  readonly isRoot: boolean;
  /** The district map: of the whole election (the root, when its snapshot holds the districts), of a Stadtbezirk's or Stadtteil's districts, or none. */
  readonly map: 'election' | 'area' | null;
  readonly documentTitle: string;
  readonly breadcrumb: readonly Crumb[];
  readonly progress: {
    /** The card's heading: "Schnellmeldung" for a district (its value says "Gemeldet"), else "Gemeldet". */
    readonly label: string;
    readonly reported: number;
    readonly expected: number;
    /** "2 von 3 Bezirken" = `count` + " " + `unit`; the page sets the count large. */
    readonly text: string;
    readonly count: string;
    readonly unit: string;
    readonly detail: string;
    readonly percent: number;
  };
  readonly turnout: {
    readonly text: string;
    readonly votersText: string | null;
    readonly previousText: string | null;
    readonly note: string | null;
  };
  /** R8.5: nothing of this area is shown. */
  readonly withheld: boolean;
  readonly previousLabel: string | null;
  readonly contests: readonly { readonly id: string; readonly name: string; readonly href: string; readonly selected: boolean }[];
  readonly contest: ContestView | null;
  readonly publicationNote: string | null;
  readonly children: readonly ChildRow[];
  readonly childrenTitle: string;
  /** The Hochrechnung of the selected contest (municipality, while districts are missing); null otherwise. */
  readonly projection: ProjectionView | null;
  /** The seats page, for an election with a council contest (the API has a seat distribution only for those). */
  readonly seats: { readonly href: string; readonly contestName: string } | null;
};

export type AreaPageInput = {
  readonly snapshot: PublicElectionSnapshot;
  /** null: the overview's start area (see startArea). */
  readonly areaId: string | null;
  readonly contestId: string | null;
  readonly chartBars?: number;
};

const STATUS_TEXT: Readonly<Record<PublicElectionSnapshot['status'], string>> = {
  waiting: 'Noch keine Ergebnisse',
  counting: 'Auszählung läuft',
  'provisional-final': 'Vorläufiges Endergebnis',
  final: 'Endgültiges Ergebnis',
};

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const colorOf = (list: PublicList | undefined): string => (list && HEX_COLOR.test(list.color) ? list.color : FALLBACK_COLOR);

const isDistrictLevel = (level: PublicAreaLevel): boolean => level === 'district' || level === 'postal-district';

/** "Wahlbezirk 0101", "Gemeinde", "Wahlkreis 271" … */
export function areaKind(area: PublicArea): string {
  switch (area.level) {
    case 'district':
      return `Wahlbezirk ${area.number}`;
    case 'postal-district':
      return `Briefwahlbezirk ${area.number}`;
    case 'municipality':
      return 'Gemeinde';
    case 'stadtbezirk':
      return 'Stadtbezirk';
    case 'stadtteil':
      return 'Stadtteil';
    case 'county':
      return 'Landkreis';
    case 'constituency':
      return `Wahlkreis ${area.number}`;
    case 'land':
      return 'Land';
  }
}

/** "2 von 3 Bezirken" (dative: "1 von 1 Bezirk"). */
export function progressText(reported: number, expected: number): string {
  return `${formatCount(reported)} von ${formatCount(expected)} ${expected === 1 ? 'Bezirk' : 'Bezirken'}`;
}

/** Under the progress bar: how many are still missing. */
function progressDetail(reported: number, expected: number, district: boolean): string {
  if (district) return reported > 0 ? 'Schnellmeldung bestätigt' : 'Noch keine bestätigte Schnellmeldung';
  const missing = expected - reported;
  if (expected === 0) return 'Keine Bezirke';
  if (missing <= 0) return 'Alle Bezirke gemeldet';
  return missing === 1 ? 'Noch 1 Bezirk ausstehend' : `Noch ${formatCount(missing)} Bezirke ausstehend`;
}

/** "Bundestagswahl 2021" → "2021"; the comparison columns carry the year where the name has one. */
export function previousLabelOf(previousElectionName: string | null): string | null {
  if (!previousElectionName) return null;
  return /\b(?:19|20)\d{2}\b/.exec(previousElectionName)?.[0] ?? 'Vorwahl';
}

/**
 * The areas without a parent in the snapshot. A snapshot narrowed to one area's view has the root on
 * top and, after it, any R8.5 merge partner outside the view (its area entry only).
 */
export function rootAreas(snapshot: PublicElectionSnapshot): readonly PublicArea[] {
  const ids = new Set(snapshot.areas.map((area) => area.id));
  return snapshot.areas.filter((area) => area.parentId === null || !ids.has(area.parentId));
}

/**
 * Where an election's overview starts: the top area, or below it while an area has exactly one
 * child area that is no district – a constituency around one municipality holds the same numbers.
 * A snapshot narrowed to one area's view carries only one child of each area on the path above that
 * area: such a child is taken only when it holds as many districts as its parent.
 */
export function startArea(snapshot: PublicElectionSnapshot): PublicArea | undefined {
  const expected = new Map(snapshot.results.map((result) => [result.areaId, result.expected]));
  const holdsAll = (area: PublicArea, child: PublicArea): boolean =>
    !expected.has(area.id) || !expected.has(child.id) || expected.get(area.id) === expected.get(child.id);
  let area = rootAreas(snapshot)[0];
  for (let depth = 0; area && depth < 8; depth++) {
    const parent: PublicArea = area;
    const children = snapshot.areas.filter((candidate) => candidate.parentId === parent.id);
    if (children.length !== 1 || isDistrictLevel(children[0]!.level) || !holdsAll(parent, children[0]!)) break;
    area = children[0];
  }
  return area;
}

const byNumber = (a: PublicArea, b: PublicArea): number =>
  Number(isDistrictLevel(a.level)) - Number(isDistrictLevel(b.level)) ||
  Number(a.level === 'postal-district') - Number(b.level === 'postal-district') ||
  a.number.localeCompare(b.number, 'de', { numeric: true }) ||
  a.name.localeCompare(b.name, 'de');

export function childrenOf(snapshot: PublicElectionSnapshot, areaId: string): readonly PublicArea[] {
  return snapshot.areas.filter((area) => area.parentId === areaId).sort(byNumber);
}

/** The contest shown: the requested one, else the first list vote (Zweitstimme), else the first. */
export function selectedContest(contests: readonly PublicContest[], contestId: string | null): PublicContest | null {
  return (
    contests.find((contest) => contest.id === contestId) ?? contests.find((contest) => contest.ballotType === 'list') ?? contests[0] ?? null
  );
}

const emptyResult = (areaId: string): PublicAreaResult => ({
  areaId,
  reported: 0,
  expected: 0,
  eligible: null,
  voters: 0,
  turnoutPercent: null,
  previousTurnoutPercent: null,
  contests: [],
  publication: { kind: 'published' },
});

function listRows(contest: PublicContest, result: PublicContestResult | undefined, withheld: boolean): ListRow[] {
  const byList = new Map((result?.lists ?? []).map((list) => [list.listId, list]));
  const valid = withheld ? 0 : (result?.valid ?? 0);
  const rows = contest.lists.map((list): ListRow & { readonly position: number } => {
    const counted = withheld ? undefined : byList.get(list.id);
    const votes = counted?.votes ?? 0;
    const percent = counted?.percent ?? null;
    const change = counted?.changePoints ?? null;
    const previous = counted?.previousPercent ?? null;
    return {
      position: list.ballotPosition,
      listId: list.id,
      candidate: list.candidate?.name ?? null,
      label: list.candidate ? `${list.candidate.familyName} (${list.shortName})` : list.shortName,
      shortName: list.shortName,
      name: list.name,
      color: colorOf(list),
      votes,
      votesText: withheld ? '–' : formatCount(votes),
      percent,
      percentText: percent !== null ? formatPercent(percent) : formatShare(votes, valid),
      previousText: previous === null ? '–' : formatPercent(previous),
      changePoints: change,
      changeText: change === null ? '–' : formatPoints(change),
      trend: change === null ? null : formatPoints(change).startsWith('±') ? 'same' : change > 0 ? 'up' : 'down',
    };
  });
  rows.sort((a, b) => b.votes - a.votes || a.position - b.position);
  return rows.map(({ position: _position, ...row }) => row);
}

function contestView(
  contest: PublicContest,
  result: PublicContestResult | undefined,
  withheld: boolean,
  previousLabel: string | null,
  bars: number,
): ContestView {
  const rows = listRows(contest, result, withheld);
  const hasVotes = rows.some((row) => row.votes > 0);
  // Grouping one list alone into "Sonstige" would hide it for nothing.
  const charted = rows.length > bars + 1 ? rows.slice(0, bars) : rows;
  const rest = rows.slice(charted.length);
  const chartLists: ListVotes[] = charted.map((row) => ({ shortName: row.label, color: row.color, votes: row.votes }));
  if (rest.length > 0)
    chartLists.push({ shortName: OTHERS_LABEL, color: FALLBACK_COLOR, votes: rest.reduce((sum, row) => sum + row.votes, 0) });
  const changes = charted.flatMap((row) =>
    row.changePoints === null ? [] : [{ shortName: row.label, color: row.color, points: row.changePoints }],
  );
  const candidates = contest.ballotType === 'candidate';
  return {
    id: contest.id,
    name: contest.name,
    rowHeading: candidates ? 'Kandidat/in' : 'Liste',
    rowsNoun: candidates ? 'Kandidatinnen und Kandidaten' : 'Listen',
    rows,
    hasVotes,
    validText: withheld ? '–' : formatCount(result?.valid ?? 0),
    invalidText: withheld ? '–' : formatCount(result?.invalid ?? 0),
    chart: { lists: chartLists },
    chartSummary: `${contest.name}, Stimmenanteile: ${sharesSummary({ lists: chartLists })}`,
    changes: changes.length > 0 ? changes : null,
    changesSummary:
      changes.length > 0
        ? `${contest.name}, Gewinne und Verluste in Prozentpunkten gegenüber ${previousLabel ?? 'der Vorwahl'}: ${changes.map((c) => `${c.shortName} ${formatPoints(c.points)}`).join(', ')}`
        : null,
  };
}

function publicationNote(snapshot: PublicElectionSnapshot, result: PublicAreaResult): string | null {
  const publication = result.publication;
  if (publication.kind === 'published') return null;
  // R8.5: small districts are published only merged with another, or not at all.
  if (publication.kind === 'withheld')
    return 'Zum Schutz des Wahlgeheimnisses wird das Ergebnis dieses Bezirks nicht einzeln veröffentlicht. Seine Stimmen gehen in das Gesamtergebnis ein, sobald sie daraus nicht mehr herausgerechnet werden können.';
  // R8.7: a total holds back districts that could otherwise be derived from it by difference.
  if (publication.kind === 'partial') {
    if (publication.heldBack === 1)
      return '1 gemeldeter Bezirk ist noch nicht enthalten (Schutz des Wahlgeheimnisses: er geht erst zusammen mit weiteren Bezirken ein).';
    return `${formatCount(publication.heldBack)} gemeldete Bezirke sind noch nicht enthalten (Schutz des Wahlgeheimnisses: sie gehen erst zusammen mit weiteren Bezirken ein).`;
  }
  const partner = snapshot.areas.find((area) => area.id === publication.withAreaId);
  const partnerText = partner ? `${areaKind(partner)} (${partner.name})` : 'einem anderen Bezirk';
  return `Zum Schutz des Wahlgeheimnisses gemeinsam mit ${partnerText} ausgewiesen: Die Zahlen sind die Summe beider Bezirke.`;
}

function turnoutView(area: PublicArea, result: PublicAreaResult, previousLabel: string | null): AreaPage['turnout'] {
  const withheld = result.publication.kind === 'withheld';
  const previousText =
    result.previousTurnoutPercent === null ? null : `${previousLabel ?? 'Vorwahl'}: ${formatPercent(result.previousTurnoutPercent)}`;
  const votersText = result.voters > 0 && !withheld ? `${formatCount(result.voters)} Wählende` : null;
  if (withheld) return { text: '–', votersText: null, previousText, note: null };
  if (result.turnoutPercent !== null) return { text: formatPercent(result.turnoutPercent), votersText, previousText, note: null };
  let note: string | null = null;
  // R2.5: a postal district has no eligible voters; P10: turnout only over units with their postal votes.
  if (area.level === 'postal-district') note = 'Briefwahlbezirke haben keine eigenen Wahlberechtigten.';
  else if (area.level === 'district' && result.reported > 0) note = 'Nur zusammen mit der Briefwahl berechenbar.';
  else if (result.reported > 0) note = 'Sobald ein Bezirk samt Briefwahl gemeldet ist.';
  return { text: '–', votersText, previousText, note };
}

function childRow(
  snapshot: PublicElectionSnapshot,
  child: PublicArea,
  results: ReadonlyMap<string, PublicAreaResult>,
  contest: PublicContest | null,
): ChildRow {
  const result = results.get(child.id) ?? emptyResult(child.id);
  const withheld = result.publication.kind === 'withheld';
  const counted = contest ? result.contests.find((c) => c.contestId === contest.id) : undefined;
  const rows = contest && !withheld ? listRows(contest, counted, false) : [];
  const valid = counted?.valid ?? 0;
  const segments =
    valid > 0
      ? rows
          .filter((row) => row.votes > 0)
          .map((row) => ({ shortName: row.shortName, color: row.color, percent: (100 * row.votes) / valid }))
      : [];
  const leader = valid > 0 ? rows[0] : undefined;
  const district = isDistrictLevel(child.level);
  const reported = result.reported > 0 && result.reported >= result.expected;
  let note: string | null = null;
  if (result.publication.kind === 'withheld') note = 'Nicht einzeln veröffentlicht';
  else if (result.publication.kind === 'merged') {
    const partnerId = result.publication.withAreaId;
    const partner = snapshot.areas.find((area) => area.id === partnerId);
    note = `Gemeinsam mit ${partner ? partner.number : 'einem anderen Bezirk'} ausgewiesen`;
  }
  return {
    id: child.id,
    href: areaHref(snapshot.electionId, child.id, contest?.id),
    title: child.name,
    subtitle: areaKind(child),
    reported: result.reported > 0,
    progressText: district ? (reported ? 'Gemeldet' : 'Noch nicht gemeldet') : progressText(result.reported, result.expected),
    turnoutText: result.turnoutPercent === null || withheld ? null : `Wahlbeteiligung ${formatPercent(result.turnoutPercent)}`,
    leaderText: leader ? `${leader.shortName} ${leader.percentText}` : null,
    leaderColor: leader ? leader.color : null,
    segments,
    note,
    // Long lists (Karlsruhe: 272 districts) stay short: the districts of an area are grouped under it.
    districts: district ? [] : childrenOf(snapshot, child.id).map((below) => childRow(snapshot, below, results, contest)),
  };
}

function childrenTitle(children: readonly PublicArea[]): string {
  if (children.length === 0) return '';
  if (children.every((child) => child.level === 'district')) return 'Wahlbezirke';
  if (children.every((child) => isDistrictLevel(child.level))) return 'Wahl- und Briefwahlbezirke';
  if (children.every((child) => child.level === 'stadtteil')) return 'Stadtteile';
  if (children.every((child) => child.level === 'stadtbezirk')) return 'Stadtbezirke';
  return 'Gebiete';
}

function projectionView(result: PublicAreaResult, contest: PublicContest | null): ProjectionView | null {
  const projection = contest ? result.projections?.find((candidate) => candidate.contestId === contest.id) : undefined;
  if (!contest || !projection) return null;
  const lists = new Map(contest.lists.map((list) => [list.id, list]));
  const rows = [...projection.lists]
    .sort((a, b) => b.percent - a.percent)
    .flatMap((row) => {
      const list = lists.get(row.listId);
      if (!list) return [];
      const label = list.candidate ? `${list.candidate.familyName} (${list.shortName})` : list.shortName;
      return [
        {
          label,
          color: colorOf(list),
          percentText: formatPercent(row.percent),
          intervalText: `${formatPercent(row.low)} bis ${formatPercent(row.high)}`,
        },
      ];
    });
  return {
    note: `Hochrechnung aus ${formatCount(projection.countedUnits)} ausgezählten Bezirken im Vergleich zur Vorwahl (Verhältnisschätzung je Liste). Der Bereich enthält den wahren Anteil mit etwa 95 % Wahrscheinlichkeit, sofern die ausgezählten Bezirke typisch sind. Kein Ergebnis.`,
    rows,
  };
}

/**
 * The start's map colours every district of the election: only from a snapshot that holds them (the
 * overview of a large election follows the root's view, its children without their districts).
 */
function mapOf(snapshot: PublicElectionSnapshot, area: PublicArea, root: PublicArea | undefined): AreaPage['map'] {
  if (area.id === root?.id) return snapshot.areas.some((candidate) => isDistrictLevel(candidate.level)) ? 'election' : null;
  return area.level === 'stadtbezirk' || area.level === 'stadtteil' ? 'area' : null;
}

/** The page of one area, or null when the snapshot has no such area. */
export function buildAreaPage(input: AreaPageInput): AreaPage | null {
  const { snapshot } = input;
  // `root` is where the overview starts; its address is the election's own (no /gebiet/…).
  const root = startArea(snapshot);
  const area = input.areaId === null ? root : snapshot.areas.find((candidate) => candidate.id === input.areaId);
  if (!area) return null;
  const results = new Map(snapshot.results.map((result) => [result.areaId, result]));
  const result = results.get(area.id) ?? emptyResult(area.id);
  const previousLabel = previousLabelOf(snapshot.previousElectionName);
  const contest = selectedContest(snapshot.contests, input.contestId);
  const withheld = result.publication.kind === 'withheld';

  const byId = new Map(snapshot.areas.map((candidate) => [candidate.id, candidate]));
  const chain: PublicArea[] = [];
  for (
    let current: PublicArea | undefined = area;
    current && chain.length < 16;
    current = current.parentId ? byId.get(current.parentId) : undefined
  )
    chain.unshift(current);
  // The trail starts at the overview; only an area above it (reached by its own address) shows all.
  const fromStart = chain.findIndex((step) => step.id === root?.id);
  if (fromStart > 0) chain.splice(0, fromStart);
  const breadcrumb = chain.map((step, index): Crumb => ({
    label: step.name,
    href: index === chain.length - 1 ? null : areaHref(snapshot.electionId, step.id === root?.id ? null : step.id, contest?.id),
  }));

  const children = childrenOf(snapshot, area.id);
  const district = isDistrictLevel(area.level);
  const council = snapshot.contests.find((candidate) => candidate.ballotType === 'council');
  return {
    electionId: snapshot.electionId,
    electionName: snapshot.name,
    municipalityName: snapshot.municipalityName,
    watermark: snapshot.rehearsal ? REHEARSAL_WATERMARK : null,
    electionDayText: formatGermanDate(snapshot.electionDay, { weekday: false }),
    status: snapshot.status,
    statusText: STATUS_TEXT[snapshot.status],
    updatedAt: snapshot.updatedAt,
    version: snapshot.version,
    areaId: area.id,
    areaName: area.name,
    areaKind: areaKind(area),
    isRoot: area.id === root?.id,
    map: mapOf(snapshot, area, root),
    documentTitle: `${snapshot.rehearsal ? 'PROBE – ' : ''}${area.name} – ${snapshot.name} – Wahlergebnisse`,
    breadcrumb,
    progress: {
      label: district ? 'Schnellmeldung' : 'Gemeldet',
      reported: result.reported,
      expected: result.expected,
      // A single district has reported or not; "1 von 1 Bezirk" would say the same less plainly.
      text: district ? (result.reported > 0 ? 'Gemeldet' : 'Noch nicht gemeldet') : progressText(result.reported, result.expected),
      count: district
        ? result.reported > 0
          ? 'Gemeldet'
          : 'Ausstehend'
        : `${formatCount(result.reported)} von ${formatCount(result.expected)}`,
      unit: district ? '' : result.expected === 1 ? 'Bezirk' : 'Bezirken',
      detail: progressDetail(result.reported, result.expected, district),
      percent: result.expected > 0 ? Math.min(100, (100 * result.reported) / result.expected) : 0,
    },
    turnout: turnoutView(area, result, previousLabel),
    withheld,
    previousLabel,
    contests: snapshot.contests.map((candidate) => ({
      id: candidate.id,
      name: candidate.name,
      href: areaHref(snapshot.electionId, area.id === root?.id ? null : area.id, candidate.id),
      selected: candidate.id === contest?.id,
    })),
    contest: contest
      ? contestView(
          contest,
          result.contests.find((c) => c.contestId === contest.id),
          withheld,
          previousLabel,
          input.chartBars ?? DEFAULT_CHART_BARS,
        )
      : null,
    publicationNote: publicationNote(snapshot, result),
    children: children.map((child) => childRow(snapshot, child, results, contest)),
    childrenTitle: childrenTitle(children),
    projection: projectionView(result, contest),
    seats: council ? { href: seatsHref(snapshot.electionId), contestName: council.name } : null,
  };
}

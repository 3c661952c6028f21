import { ApiProperty } from '@nestjs/swagger';

export class RollDistrictCountDto {
  @ApiProperty({ format: 'uuid' })
  districtId!: string;
  @ApiProperty({ description: 'Bezirksnummer, z. B. 0101' })
  number!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ description: 'Eingetragene Wahlberechtigte (ohne gestrichene Einträge).' })
  voters!: number;
  @ApiProperty({ description: 'Davon mit Wahlschein (Sperrvermerk „W“, R1.15).' })
  withPostalVote!: number;
  @ApiProperty({ description: 'Gestrichene Einträge (nach angenommenen Änderungsvorschlägen).' })
  removed!: number;
}

export class NotEnteredReasonDto {
  @ApiProperty({ description: 'Grund-Code (Hauptgrund, z. B. UNDER_AGE).' })
  reason!: string;
  @ApiProperty({ description: 'Erklärung auf Deutsch.' })
  label!: string;
  @ApiProperty()
  count!: number;
}

export class RollTotalsDto {
  @ApiProperty({ description: 'Einwohner im Melderegister-Import.' })
  residents!: number;
  @ApiProperty({ description: 'Eingetragene Wahlberechtigte (ohne gestrichene).' })
  voters!: number;
  @ApiProperty()
  withPostalVote!: number;
  @ApiProperty()
  removed!: number;
  @ApiProperty({ description: 'Nicht von Amts wegen eingetragen (mit Grund).' })
  notEntered!: number;
  @ApiProperty({ description: 'Wahlberechtigt, aber ohne eindeutigen Wahlbezirk: siehe `GET …/roll/unmatched`.' })
  unassigned!: number;
}

export class RollSummaryDto {
  @ApiProperty({ format: 'uuid' })
  electionId!: string;
  @ApiProperty({
    enum: ['not-built', 'built', 'frozen'],
    description: '`frozen`: gebaut und der Stichtag ist vorbei – Änderungen nur über Änderungsvorschläge.',
  })
  status!: 'not-built' | 'built' | 'frozen';
  @ApiProperty({ description: 'Stichtag (R1.7/R1.8), JJJJ-MM-TT.' })
  cutoffDay!: string;
  @ApiProperty({ description: 'Wählerverzeichnis-Nummern gesperrt (Wahlbenachrichtigungen gedruckt, R1.14).' })
  numbersLocked!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  builtAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  builtBy!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Import, aus dem die Zahlen stammen (der des Verzeichnisses, sonst der aktuelle).',
  })
  importId!: string | null;
  @ApiProperty({ nullable: true, type: RollTotalsDto })
  totals!: RollTotalsDto | null;
  @ApiProperty({ type: [RollDistrictCountDto] })
  districts!: RollDistrictCountDto[];
  @ApiProperty({ type: [NotEnteredReasonDto], description: 'Nicht Eingetragene je Hauptgrund (Summe = totals.notEntered).' })
  notEntered!: NotEnteredReasonDto[];
  @ApiProperty({ description: 'Offene Änderungsvorschläge.' })
  openProposals!: number;
}

export class UnmatchedAddressDto {
  @ApiProperty({ description: 'Zeile im Import (Bezug für Rückfragen).' })
  line!: number;
  @ApiProperty()
  familyName!: string;
  @ApiProperty()
  givenNames!: string;
  @ApiProperty()
  birthDate!: string;
  @ApiProperty()
  streetKey!: string;
  @ApiProperty()
  street!: string;
  @ApiProperty()
  houseNumber!: string;
  @ApiProperty()
  postalCode!: string;
  @ApiProperty()
  city!: string;
  @ApiProperty({ enum: ['unknown-street', 'invalid-house-number', 'no-segment', 'ambiguous', 'not-a-polling-district'] })
  problem!: string;
  @ApiProperty({ description: 'Erklärung auf Deutsch.' })
  problemLabel!: string;
  @ApiProperty({ type: [String], description: 'Bei `ambiguous`: die Nummern der in Frage kommenden Bezirke.' })
  candidateDistricts!: string[];
}

export class UnmatchedAddressesDto {
  @ApiProperty()
  total!: number;
  @ApiProperty({ type: [UnmatchedAddressDto], description: 'Höchstens 1.000, nach Straße und Hausnummer.' })
  items!: UnmatchedAddressDto[];
}

export class ClosingCountDto {
  @ApiProperty({ format: 'uuid' })
  districtId!: string;
  @ApiProperty()
  number!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ description: 'Wahlberechtigte ohne Sperrvermerk „W“.' })
  A1!: number;
  @ApiProperty({ description: 'Wahlberechtigte mit Sperrvermerk „W“ (Wahlschein erteilt).' })
  A2!: number;
  @ApiProperty({ description: 'A1 + A2: die Abschlusszahl des Bezirks (R1.21, P2).' })
  total!: number;
}

export class ClosingCountsDto {
  @ApiProperty({ format: 'uuid' })
  electionId!: string;
  @ApiProperty({ description: 'Ob ein Wählerverzeichnis gebaut ist; sonst sind alle Zahlen 0.' })
  built!: boolean;
  @ApiProperty({ type: [ClosingCountDto] })
  districts!: ClosingCountDto[];
  @ApiProperty()
  A1!: number;
  @ApiProperty()
  A2!: number;
  @ApiProperty()
  total!: number;
}

export class RollBuildResultDto {
  @ApiProperty({ format: 'uuid' })
  electionId!: string;
  @ApiProperty({ format: 'uuid' })
  baseImportId!: string;
  @ApiProperty()
  residents!: number;
  @ApiProperty()
  voters!: number;
  @ApiProperty()
  notEntered!: number;
  @ApiProperty()
  unassigned!: number;
  @ApiProperty()
  durationMs!: number;
}

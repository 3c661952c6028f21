import { ApiProperty } from '@nestjs/swagger';

export class RollVoterDto {
  @ApiProperty({ description: 'Id des Eintrags innerhalb der Wahl.' })
  voterId!: number;
  @ApiProperty({ format: 'uuid' })
  districtId!: string;
  @ApiProperty()
  districtNumber!: string;
  @ApiProperty()
  districtName!: string;
  @ApiProperty({ description: 'Wählerverzeichnis-Nummer im Bezirk (R1.14).' })
  voterNumber!: number;
  @ApiProperty()
  familyName!: string;
  @ApiProperty()
  givenNames!: string;
  @ApiProperty()
  birthDate!: string;
  @ApiProperty({ description: 'Straße Hausnummer, PLZ Ort' })
  address!: string;
  @ApiProperty({ enum: ['active', 'removed'] })
  status!: 'active' | 'removed';
  @ApiProperty({ nullable: true, type: String, description: 'Wahlschein-Nummer, wenn „W“ vermerkt ist.' })
  postalVoteCertificate!: string | null;
  @ApiProperty({ description: 'Auskunftssperre (BMG § 51): Dritten gegenüber nie anzeigen (R8.1).' })
  informationBlock!: boolean;
  @ApiProperty({ nullable: true, type: String })
  remarks!: string | null;
}

export class VoterSearchResultDto {
  @ApiProperty({ type: [RollVoterDto], description: 'Höchstens 20 Treffer.' })
  results!: RollVoterDto[];
  @ApiProperty({ description: 'Mehr Treffer als angezeigt: die Suche bitte genauer fassen.' })
  truncated!: boolean;
}

export class ChangeProposalDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: ['moved-away', 'moved-in', 'died', 'name-changed'] })
  kind!: string;
  @ApiProperty({ description: 'Art auf Deutsch.' })
  kindLabel!: string;
  @ApiProperty({ enum: ['open', 'accepted', 'rejected', 'superseded'] })
  status!: string;
  @ApiProperty({ nullable: true, type: Number })
  voterId!: number | null;
  @ApiProperty({
    description: 'Verzeichnis (`before`) und Melderegister (`after`): Namen, Geburtsdatum, Anschrift, Bezirk, Nummer, Gründe.',
    type: Object,
  })
  details!: Record<string, unknown>;
  @ApiProperty({ format: 'uuid', description: 'Import, aus dem der Vorschlag stammt.' })
  importId!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String })
  decisionReason!: string | null;
}

export class ChangeProposalListDto {
  @ApiProperty()
  total!: number;
  @ApiProperty({ type: [ChangeProposalDto] })
  items!: ChangeProposalDto[];
}

export class ChangeDecisionResultDto {
  @ApiProperty()
  decided!: number;
  @ApiProperty()
  accepted!: number;
  @ApiProperty()
  rejected!: number;
  @ApiProperty({ description: 'Neu eingetragene (Zuzug, Umzug in einen anderen Bezirk) mit der nächsten freien Nummer ihres Bezirks.' })
  added!: number;
}

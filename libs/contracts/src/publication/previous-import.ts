import { z } from 'zod';
import { noNulString } from '../common/text';

export const previousImportSchema = z.object({
  name: noNulString().trim().min(1, 'Bitte den Namen der Vorwahl angeben, z. B. „Bundestagswahl 2021“.').max(200),
  electionDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT.'),
  csv: noNulString().min(1, 'Die CSV-Datei ist leer.').max(20_000_000),
  ballotRows: z.array(noNulString().max(200).nullable()).min(1, 'Bitte die Listen der Stimmzettelzeilen 1, 2, … nennen.').max(200),
  contests: z.array(noNulString().max(100).nullable()).max(10).optional(),
});

export type PreviousImportBody = z.infer<typeof previousImportSchema>;

import { z } from 'zod';

// The office's legal pages linked in the public page's footer (set by the office,
// `PUT /api/offices/:officeId/public-links`), and what the public page needs to know about an
// election beside its results (`GET /api/public/elections/:id/about`).

const legalPage = z
  .url({ protocol: /^https?$/, error: 'Bitte eine http- oder https-Adresse angeben, z. B. https://www.stadt.de/impressum.' })
  .max(500, 'Die Adresse ist zu lang (höchstens 500 Zeichen).')
  .nullable();

export const OfficePublicLinksSchema = z
  .object({
    /** Impressum (§ 5 DDG). */
    imprintUrl: legalPage,
    /** Datenschutzerklärung (Art. 13 DSGVO). */
    privacyUrl: legalPage,
    /** Erklärung zur Barrierefreiheit (BITV 2.0 § 7). */
    accessibilityUrl: legalPage,
  })
  .strict();
export type OfficePublicLinks = z.infer<typeof OfficePublicLinksSchema>;

export const PublicElectionAboutSchema = z
  .object({
    electionId: z.string(),
    /** The office that runs the election, named beside its legal pages. */
    officeName: z.string(),
    /** Whether the election has a street directory: only then can the page find a district by address (R2.4). */
    streetDirectory: z.boolean(),
    links: OfficePublicLinksSchema,
  })
  .readonly();
export type PublicElectionAbout = z.infer<typeof PublicElectionAboutSchema>;

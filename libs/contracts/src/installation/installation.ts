import { z } from 'zod';

/** GET /api/installation: what the office screens need to know about this installation. */
export const InstallationSchema = z
  .object({
    publicBaseUrl: z
      .string()
      .describe('Öffentliche Adresse (PUBLIC_BASE_URL); Grundlage der Links auf Zugangscode-Bögen und Wahlbenachrichtigungen.'),
    publicBaseUrlIsLoopback: z
      .boolean()
      .describe('Die Adresse erreicht nur der Server selbst (localhost): gedruckte Links führen für alle anderen ins Leere.'),
  })
  .readonly();
export type Installation = z.infer<typeof InstallationSchema>;

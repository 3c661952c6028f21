import { z } from 'zod';

/** GET /api/health: 200 when the database answers and every migration ran, else 503 with the same shape. */
export const HealthSchema = z.union([
  z
    .object({
      status: z.enum(['ok', 'migrations-pending']),
      database: z.literal('up'),
      migrations: z.object({ applied: z.number().int(), pending: z.number().int() }).readonly(),
    })
    .readonly(),
  z.object({ status: z.literal('unavailable'), database: z.literal('down') }).readonly(),
]);
export type Health = z.infer<typeof HealthSchema>;

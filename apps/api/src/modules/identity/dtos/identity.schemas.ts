import { z } from 'zod';
import { OFFICE_LEVELS } from '../entities/office.entity';

export const loginSchema = z.object({
  username: z.string().min(1, 'Benutzername fehlt.').max(100),
  password: z.string().min(1, 'Passwort fehlt.').max(200),
});

export const createOfficeSchema = z.object({
  name: z.string().min(1, 'Name fehlt.').max(200),
  ags: z.string().regex(/^\d{2,12}$/, 'Der amtliche Schlüssel besteht aus 2 bis 12 Ziffern.'),
  level: z.enum(OFFICE_LEVELS),
  parentId: z.uuid().nullable().default(null),
});

export const createUserSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,50}$/, 'Benutzername: 3–50 Zeichen aus a–z, 0–9, Punkt, Bindestrich, Unterstrich.'),
  displayName: z.string().min(1).max(200),
  password: z.string().min(12, 'Das Passwort braucht mindestens 12 Zeichen.').max(200),
  role: z.enum(['office-admin', 'clerk']),
});

import { z } from 'zod';
import { noNulString } from '../common/text';
import { OFFICE_LEVELS, OFFICE_USER_ROLES, ROLES } from './roles';

// Wire shapes of sign-in, sessions, offices and their users (routes /api/auth, /api/offices).

export const RoleSchema = z.enum(ROLES);

/** Who is calling: resolved from the session cookie or bearer token by the access guard. */
export const ActorSchema = z
  .object({
    userId: z.string(),
    username: z.string(),
    role: RoleSchema,
    /** The office (Wahlamt) the user belongs to; null for provider administrators. */
    officeId: z.string().nullable(),
    /** Board members signed in with an access code: the one election and the districts they may report for. */
    electionId: z.string().optional(),
    districtIds: z.array(z.string()).readonly().optional(),
  })
  .readonly();
export type Actor = z.infer<typeof ActorSchema>;

export const LoginRequestSchema = z.object({
  username: noNulString().min(1, 'Benutzername fehlt.').max(100),
  password: noNulString().min(1, 'Passwort fehlt.').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** The session token is also set as the HTTP-only cookie `wahl_session`. */
export const LoginResponseSchema = z
  .object({
    token: z.string(),
    /** ISO instant. */
    expiresAt: z.string(),
    user: ActorSchema,
  })
  .readonly();
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const OfficeLevelSchema = z.enum(OFFICE_LEVELS);

export const OfficeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** Amtlicher Gemeindeschlüssel (8 digits) for municipalities; other official keys above. */
    ags: z.string(),
    level: OfficeLevelSchema,
    parentId: z.string().nullable(),
  })
  .readonly();
export type Office = z.infer<typeof OfficeSchema>;

const officeUserShape = {
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** The person's function (e.g. "Wahlleiterin"); with the display name it signs documents, never the login name. */
  function: z.string(),
  role: RoleSchema,
  officeId: z.string().nullable(),
  active: z.boolean(),
};

export const OfficeUserSchema = z.object(officeUserShape).readonly();
export type OfficeUser = z.infer<typeof OfficeUserSchema>;

/** `GET /auth/signature`: the signed-in account's name and function, with which it signs documents (never the login name). */
export const AccountSignatureSchema = z
  .object({
    name: z.string(),
    /** Empty while nobody has entered it; signing is refused then (SIGNER_FUNCTION_MISSING). */
    function: z.string(),
  })
  .readonly();
export type AccountSignature = z.infer<typeof AccountSignatureSchema>;

export const SIGN_IN_STATES = ['normal', 'slowed', 'locked'] as const;

/**
 * Whether sign-in is held back for an account now (issue #17, 3): `locked` when strangers used up the
 * account's attempts (its known devices still pass; the office can unlock), `slowed` when clients
 * (addresses) that guessed wrong too often wait out a block, else `normal`.
 */
export const SignInStateSchema = z
  .object({
    state: z.enum(SIGN_IN_STATES),
    /** Failed sign-ins for the account in the last 15 minutes. */
    recentFailures: z.number().int(),
    /** Addresses currently blocked for this account. */
    slowedClients: z.number().int(),
    /** Seconds until clients that are not a known device may try again (state `locked`), else null. */
    lockedForSeconds: z.number().int().nullable(),
  })
  .readonly();
export type SignInState = z.infer<typeof SignInStateSchema>;

/** `GET /api/offices/:officeId/users`: each account with its current sign-in state. */
export const OfficeUserListEntrySchema = z.object({ ...officeUserShape, signIn: SignInStateSchema }).readonly();
export type OfficeUserListEntry = z.infer<typeof OfficeUserListEntrySchema>;

/**
 * `GET /api/offices/:officeId/users/:userId/sign-ins`: one sign-in with a password, newest first;
 * `knownDevice` when the browser had signed in to the account before. Never the password tried.
 */
export const SignInRecordSchema = z
  .object({ at: z.string(), succeeded: z.boolean(), knownDevice: z.boolean(), address: z.string() })
  .readonly();
export type SignInRecord = z.infer<typeof SignInRecordSchema>;

export const CreateOfficeRequestSchema = z.object({
  name: noNulString().min(1, 'Name fehlt.').max(200),
  ags: z.string().regex(/^\d{2,12}$/, 'Der amtliche Schlüssel besteht aus 2 bis 12 Ziffern.'),
  level: OfficeLevelSchema,
  parentId: z.uuid().nullable().default(null),
});
export type CreateOfficeRequest = z.infer<typeof CreateOfficeRequestSchema>;

/** `PATCH /offices/:officeId` (provider admins): name and level; the key only while the office has no election. */
export const UpdateOfficeRequestSchema = z.strictObject({
  name: noNulString().trim().min(1, 'Name fehlt.').max(200, 'Höchstens 200 Zeichen.').optional(),
  ags: z
    .string()
    .regex(/^\d{2,12}$/, 'Der amtliche Schlüssel besteht aus 2 bis 12 Ziffern.')
    .optional(),
  level: OfficeLevelSchema.optional(),
});
export type UpdateOfficeRequest = z.infer<typeof UpdateOfficeRequestSchema>;

export const CreateUserRequestSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,50}$/, 'Benutzername: 3–50 Zeichen aus a–z, 0–9, Punkt, Bindestrich, Unterstrich.'),
  displayName: noNulString().min(1).max(200),
  /** The person's function for signatures (e.g. "Wahlleiterin"); may follow later. */
  function: noNulString().trim().max(200, 'Höchstens 200 Zeichen.').default(''),
  password: noNulString().min(12, 'Das Passwort braucht mindestens 12 Zeichen.').max(200),
  role: z.enum(OFFICE_USER_ROLES),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

/**
 * `PATCH /offices/:officeId/users/:userId`: role, display name, function, active. Deactivating ends the
 * account's sessions; nobody removes their own admin role or deactivates themself, and the office keeps
 * at least one active office admin.
 */
export const UpdateUserRequestSchema = z.strictObject({
  displayName: noNulString().trim().min(1, 'Der Name fehlt.').max(200, 'Höchstens 200 Zeichen.').optional(),
  function: noNulString().trim().max(200, 'Höchstens 200 Zeichen.').optional(),
  role: z.enum(OFFICE_USER_ROLES, 'Die Rolle ist Wahlamt-Administration (office-admin) oder Sachbearbeitung (clerk).').optional(),
  active: z.boolean('Aktiv ist ja oder nein.').optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

/** `POST /offices/:officeId/users/:userId/password-reset`: the one-time code, shown once to the admin. */
export const PasswordResetIssuedSchema = z
  .object({
    code: z.string().describe('Einmalcode, 24 Stunden gültig; nur diese Antwort enthält ihn.'),
    expiresAt: z.iso.datetime(),
  })
  .readonly();
export type PasswordResetIssued = z.infer<typeof PasswordResetIssuedSchema>;

/** `POST /auth/password-reset`: the user sets a new password with the one-time code (limited like a sign-in). */
export const RedeemPasswordResetSchema = z.strictObject({
  username: z.string().trim().min(1, 'Bitte den Benutzernamen angeben.').max(50, 'Höchstens 50 Zeichen.'),
  code: z.string().trim().min(1, 'Bitte den Einmalcode angeben.').max(40, 'Höchstens 40 Zeichen.'),
  newPassword: noNulString().min(12, 'Das Passwort braucht mindestens 12 Zeichen.').max(200, 'Höchstens 200 Zeichen.'),
});
export type RedeemPasswordReset = z.infer<typeof RedeemPasswordResetSchema>;

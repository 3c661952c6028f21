// The draft of a quick report on this device: what has been typed, the Idempotency-Key of its
// submission and the warning confirmations. It survives a reload or a lost connection and is
// removed after the server has accepted the report. Only counts of a district – no voter data.

export type DraftMode = 'entry' | 'correction';

export type WarningConfirmationDraft = { readonly checked: boolean; readonly comment: string };

export type ReportDraft = {
  readonly values: Readonly<Record<string, string>>;
  /** One key per draft: a retry of the same submission is answered from the server's record, never counted twice. */
  readonly idempotencyKey: string;
  readonly confirmations: Readonly<Record<string, WarningConfirmationDraft>>;
  /** Corrections only: the office's reason. */
  readonly reason: string;
  readonly savedAt: string;
  /** Who typed it (the signed-in principal): on a shared phone, a second person's blind entry never sees it. */
  readonly owner: string;
};

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'wahl.report-draft';

export const draftKey = (electionId: string, districtId: string, mode: DraftMode): string =>
  `${PREFIX}.${mode}.${electionId}.${districtId}`;

/** A random UUID (v4) from `getRandomValues`, which – unlike `randomUUID` – also exists outside secure contexts. */
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const isRecordOf = <T>(value: unknown, check: (entry: unknown) => entry is T): value is Record<string, T> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(check);

const isString = (value: unknown): value is string => typeof value === 'string';
const isConfirmation = (value: unknown): value is WarningConfirmationDraft =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as WarningConfirmationDraft).checked === 'boolean' &&
  isString((value as WarningConfirmationDraft).comment);

/** The stored draft, or null when there is none or it is unreadable (storage disabled, damaged JSON). */
export function loadDraft(storage: DraftStorage | null, key: string): ReportDraft | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ReportDraft>;
    if (!isRecordOf(parsed.values, isString) || !isString(parsed.idempotencyKey) || !parsed.idempotencyKey) return null;
    return {
      values: parsed.values,
      idempotencyKey: parsed.idempotencyKey,
      confirmations: isRecordOf(parsed.confirmations, isConfirmation) ? parsed.confirmations : {},
      reason: isString(parsed.reason) ? parsed.reason : '',
      savedAt: isString(parsed.savedAt) ? parsed.savedAt : '',
      owner: isString(parsed.owner) ? parsed.owner : '',
    };
  } catch {
    return null;
  }
}

/** False when the device could not store it (private mode, full storage): the form says so. */
export function saveDraft(storage: DraftStorage | null, key: string, draft: object): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** A draft holds something worth restoring when any input or reason is filled in. */
export const draftHasInput = (draft: ReportDraft): boolean =>
  Object.values(draft.values).some((value) => value.trim() !== '') || draft.reason.trim() !== '';

/** The stored draft is this person's to continue (four eyes: nobody continues another's numbers). */
export const isOwnDraft = (draft: ReportDraft, owner: string): boolean => draft.owner === owner;

/** localStorage, or null where the browser refuses it. */
export function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

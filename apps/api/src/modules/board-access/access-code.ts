import { createHash, randomInt } from 'node:crypto';

// Access codes for polling-station boards: read from paper and typed on a phone, so the alphabet
// leaves out look-alikes (0/O, 1/I/L) and the code is grouped in fours. 12 characters of 31 give
// about 59 bits; only the SHA-256 is stored (like session tokens), the code is shown once.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 12;
const GROUP = 4;

/** A fresh code like `K7QM-2XWD-9HTA`, from the operating system's cryptographic random source. */
export function generateAccessCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return formatAccessCode(raw);
}

/** Canonical form of what a person typed: upper case, without spaces and dashes; null if it cannot be a code. */
export function normalizeAccessCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== CODE_LENGTH) return null;
  for (const char of raw) if (!CODE_ALPHABET.includes(char)) return null;
  return raw;
}

export function formatAccessCode(raw: string): string {
  const groups: string[] = [];
  for (let i = 0; i < raw.length; i += GROUP) groups.push(raw.slice(i, i + GROUP));
  return groups.join('-');
}

/** What is stored: the SHA-256 of the normalized code. */
export const hashAccessCode = (normalized: string): string => createHash('sha256').update(`board-code:${normalized}`).digest('hex');

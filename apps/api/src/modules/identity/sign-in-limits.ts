import { Injectable } from '@nestjs/common';
import type { SignInState } from '@wahl/contracts';
import { AppError } from '../../platform/errors/app-error';
import { RateLimits, type Limit, type Reservation } from '../../platform/rate-limits/rate-limits';

// Issue #17, findings 2 and 3: every sign-in reserves its attempts BEFORE the password is checked
// (atomic in the shared store, so parallel requests cannot all be evaluated), and the limits slow a
// guesser down without locking the account's owner out:
// - per account and client (the device when it is known, else the address): 5 attempts, then a block
//   of 1, 2, 4, 8 and at most 15 minutes (growing with each block in 24 hours), for that client only;
// - per account, from clients that are not a known device of the account: 10 attempts in 15 minutes,
//   then blocked for the rest of the window; the owner's known devices pass, and the office can unlock;
// - per address, only as a high ceiling (a town hall's NAT carries many users): 200 attempts in 15 minutes.
// A successful sign-in gives its reservations back.
export const CLIENT_ATTEMPTS = 5;
export const CLIENT_WINDOW_SECONDS = 15 * 60;
export const FIRST_BLOCK_SECONDS = 60;
export const MAX_BLOCK_SECONDS = 15 * 60;
export const ACCOUNT_ATTEMPTS = 10;
export const ACCOUNT_WINDOW_SECONDS = 15 * 60;
export const ADDRESS_ATTEMPTS = 200;
export const ADDRESS_WINDOW_SECONDS = 15 * 60;

/** Who is signing in: the account name and the client (address, and the device cookie when the device is known for the account). */
export type SignInClient = { readonly address: string; readonly knownDevice: string | null };

/** The per-account-and-client limit counts per known device, else per address. */
const clientSubject = (username: string, client: SignInClient): string =>
  `${username}\u0000${client.knownDevice ? `device:${client.knownDevice}` : `address:${client.address}`}`;

type Taken = { readonly limit: Limit; readonly subject: string };

/** The attempts one sign-in holds; `succeeded` gives them back. */
export type SignInAttempt = { succeeded(): Promise<void> };

@Injectable()
export class SignInLimits {
  private readonly perClient: Limit;
  private readonly blocks: Limit;
  private readonly perAccount: Limit;
  private readonly perAddress: Limit;

  constructor(limits: RateLimits) {
    this.perClient = limits.define({ name: 'sign-in:account-client', points: CLIENT_ATTEMPTS, durationSeconds: CLIENT_WINDOW_SECONDS });
    this.blocks = limits.define({ name: 'sign-in:account-client-blocks', points: 1_000_000, durationSeconds: 24 * 3600 });
    this.perAccount = limits.define({
      name: 'sign-in:account',
      points: ACCOUNT_ATTEMPTS,
      durationSeconds: ACCOUNT_WINDOW_SECONDS,
      blockSeconds: ACCOUNT_WINDOW_SECONDS,
    });
    this.perAddress = limits.define({
      name: 'sign-in:address',
      points: ADDRESS_ATTEMPTS,
      durationSeconds: ADDRESS_WINDOW_SECONDS,
      blockSeconds: ADDRESS_WINDOW_SECONDS,
    });
  }

  /** Reserves the attempt of a sign-in with a password, or throws the 429 of the first limit reached (nothing stays reserved then). */
  async reserveAccount(username: string, client: SignInClient): Promise<SignInAttempt> {
    const clientKey = clientSubject(username, client);
    const taken: Taken[] = [];
    const refuse = async (error: AppError): Promise<never> => {
      await Promise.all(taken.map((t) => t.limit.release(t.subject)));
      throw error;
    };
    // The client's own limit comes first, so that one guesser's excess never reaches the account's
    // counter; a known device of the account passes the account's limit and the address ceiling.
    if (!client.knownDevice) {
      const byAddress = await this.take(this.perAddress, client.address, taken);
      if (!byAddress.allowed) await refuse(addressLimited(byAddress.retryAfterSeconds));
    }
    const byClient = await this.take(this.perClient, clientKey, taken);
    if (!byClient.allowed) {
      const seconds = byClient.firstRefusal ? await this.growBlock(clientKey) : byClient.retryAfterSeconds;
      await refuse(clientThrottled(seconds));
    }
    if (!client.knownDevice) {
      const byAccount = await this.take(this.perAccount, username, taken);
      if (!byAccount.allowed) await refuse(accountLocked(byAccount.retryAfterSeconds));
    }
    return {
      succeeded: async () => {
        await Promise.all([
          ...taken.filter((t) => t.limit !== this.perClient).map((t) => t.limit.release(t.subject)),
          this.perClient.reset(clientKey),
          this.blocks.reset(clientKey),
        ]);
      },
    };
  }

  /** Sign-ins without an account (access codes): the address ceiling only. */
  async reserveAddress(address: string): Promise<SignInAttempt> {
    const byAddress = await this.perAddress.reserve(address);
    if (!byAddress.allowed) throw addressLimited(byAddress.retryAfterSeconds);
    return { succeeded: () => this.perAddress.release(address) };
  }

  /**
   * Whether sign-in is held back for the account now, read from the shared store without taking an
   * attempt: its own block, and which of the given addresses (those that failed lately) wait out a block.
   */
  async accountState(username: string, recentAddresses: readonly string[]): Promise<Omit<SignInState, 'recentFailures'>> {
    const [account, ...clients] = await Promise.all([
      this.perAccount.peek(username),
      ...recentAddresses.map((address) => this.perClient.peek(clientSubject(username, { address, knownDevice: null }))),
    ]);
    const slowedClients = clients.filter((client) => client.blockedForSeconds !== null).length;
    const lockedForSeconds = account!.blockedForSeconds;
    return { state: lockedForSeconds !== null ? 'locked' : slowedClients > 0 ? 'slowed' : 'normal', slowedClients, lockedForSeconds };
  }

  /** The office unlocks an account: its per-account counter starts afresh. */
  unlockAccount(username: string): Promise<void> {
    return this.perAccount.reset(username);
  }

  private async take(limit: Limit, subject: string, taken: Taken[]): Promise<Reservation> {
    const reservation = await limit.reserve(subject);
    if (reservation.allowed) taken.push({ limit, subject });
    return reservation;
  }

  /** The first refusal after a run of attempts blocks this client for 1, 2, 4, … minutes, at most 15. */
  private async growBlock(subject: string): Promise<number> {
    const strike = await this.blocks.reserve(subject);
    const strikes = strike.allowed ? strike.consumed : 1;
    const seconds = Math.min(FIRST_BLOCK_SECONDS * 2 ** (strikes - 1), MAX_BLOCK_SECONDS);
    await this.perClient.block(subject, seconds);
    return seconds;
  }
}

const minutesText = (seconds: number): string => (seconds < 90 ? `${seconds} Sekunden` : `${Math.ceil(seconds / 60)} Minuten`);

const clientThrottled = (seconds: number): AppError =>
  new AppError(
    'SIGN_IN_THROTTLED',
    `Zu viele fehlgeschlagene Anmeldungen für dieses Konto von diesem Gerät. Bitte warten Sie ${minutesText(seconds)}.`,
    [],
    { 'Retry-After': String(seconds) },
  );

const accountLocked = (seconds: number): AppError =>
  new AppError(
    'ACCOUNT_LOCKED',
    `Zu viele fehlgeschlagene Anmeldungen für dieses Konto. Von einem Gerät, auf dem Sie sich schon angemeldet haben, können Sie sich weiter anmelden; sonst versuchen Sie es in ${minutesText(seconds)} erneut oder lassen Sie das Konto vom Wahlamt entsperren.`,
    [],
    { 'Retry-After': String(seconds) },
  );

const addressLimited = (seconds: number): AppError =>
  new AppError(
    'SIGN_IN_ADDRESS_LIMITED',
    `Zu viele Anmeldeversuche von dieser Adresse. Bitte versuchen Sie es in ${minutesText(seconds)} erneut.`,
    [],
    {
      'Retry-After': String(seconds),
    },
  );

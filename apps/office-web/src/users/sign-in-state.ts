import type { SignInState } from '../api/office-api.types';
import type { MessageKey, MessageParams } from '../i18n/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A wait as people say it: under a minute and a half in seconds, else in whole minutes (rounded up, as the block lasts). */
export function waitText(seconds: number, translate: Translate): string {
  if (seconds < 90) return seconds === 1 ? translate('time.second') : translate('time.seconds', { count: seconds });
  return translate('time.minutes', { count: Math.ceil(seconds / 60) });
}

/** What the office sees of an account's sign-in state (issue #17, 3). */
export function signInStateText(signIn: SignInState, translate: Translate): string {
  if (signIn.state === 'locked') return translate('users.state.locked', { time: waitText(signIn.lockedForSeconds ?? 0, translate) });
  if (signIn.state === 'slowed') return translate('users.state.slowed', { count: signIn.slowedClients });
  return translate('users.state.normal');
}

/** Only a block by strangers can be lifted by the office; a slowed client waits out its own block. */
export const canUnlock = (signIn: SignInState): boolean => signIn.state === 'locked';

import type { A3Entry, ApplicationFilter } from '../api/postal.types';

// The work queue holds the applications of the roll and the A3 ones (BWO § 25(2)), which the roll
// module keeps apart. One filter form serves both: `a3` as the channel shows only A3; a filter A3 has
// nothing to match (a reference, a representative, the state "rejected") leaves them out.

/** The queue's filter as the form gives it: the applications' filter with `a3` as a further channel. */
export type QueueFilter = Omit<ApplicationFilter, 'channel'> & { readonly channel?: ApplicationFilter['channel'] | 'a3' };

/** The filter for the roll's applications, or null when only A3 are asked for. */
export function applicationFilter(filter: QueueFilter): ApplicationFilter | null {
  const { channel, ...rest } = filter;
  if (channel === 'a3') return null;
  return channel ? { ...rest, channel } : rest;
}

/** The A3 applications the filter lets through: open ones for "received", issued ones for "issued". */
export function a3InQueue(filter: QueueFilter, entries: readonly A3Entry[]): A3Entry[] {
  if (filter.channel && filter.channel !== 'a3') return [];
  if (filter.reference || filter.representative === true || filter.voterId !== undefined || filter.state === 'rejected') return [];
  if (filter.state === 'received') return entries.filter((entry) => entry.certificateNumber === null);
  if (filter.state === 'issued') return entries.filter((entry) => entry.certificateNumber !== null);
  return [...entries];
}

import { describe, expect, it } from 'vitest';
import type { A3Entry } from '../api/postal.types';
import { a3InQueue, applicationFilter } from './queue-filter';

const entry = (id: string, certificateNumber: string | null): A3Entry => ({
  id,
  name: 'Erika Muster',
  birthDate: '1980-04-02',
  address: 'Hauptstraße 1, 76131 Karlsruhe',
  district: { id: 'd1', number: '00101', name: 'Rathaus' },
  reason: 'right-arose-later',
  reasonLabel: 'Recht später entstanden',
  reasonNote: 'Einbürgerungsurkunde gesehen',
  createdAt: '2026-12-01T09:00:00.000Z',
  createdBy: 'sachbearbeitung',
  certificateNumber,
  issuedAt: certificateNumber ? '2026-12-01T10:00:00.000Z' : null,
});
const open = entry('a', null);
const issued = entry('b', '00101-A3-0001');

describe('work queue filter with A3', () => {
  it('should ask the applications route without the A3 channel, and not at all for A3 only', () => {
    expect(applicationFilter({ state: 'received', channel: 'paper' })).toEqual({ state: 'received', channel: 'paper' });
    expect(applicationFilter({ state: 'received' })).toEqual({ state: 'received' });
    expect(applicationFilter({ state: 'received', channel: 'a3' })).toBeNull();
  });

  it('should show open A3 for "received", issued ones for "issued", all without a state', () => {
    expect(a3InQueue({ state: 'received' }, [open, issued])).toEqual([open]);
    expect(a3InQueue({ state: 'issued', channel: 'a3' }, [open, issued])).toEqual([issued]);
    expect(a3InQueue({}, [open, issued])).toEqual([open, issued]);
    expect(a3InQueue({ representative: false }, [open, issued])).toEqual([open, issued]);
  });

  it('should leave A3 out for another channel, a reference, a representative or "rejected"', () => {
    expect(a3InQueue({ channel: 'online-link' }, [open])).toEqual([]);
    expect(a3InQueue({ reference: 'A-0000042-2' }, [open])).toEqual([]);
    expect(a3InQueue({ representative: true }, [open])).toEqual([]);
    expect(a3InQueue({ state: 'rejected' }, [open])).toEqual([]);
  });
});

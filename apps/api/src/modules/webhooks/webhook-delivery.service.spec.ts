import type { PublicElectionDelta } from '@wahl/contracts';
import { describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../../platform/config/app-config';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { ElectionPublication } from '../publication/publisher/election-publication';
import type { PublisherService } from '../publication/publisher/publisher.service';
import { ResultsPublished } from '../publication/publication.events';
import { WebhookDeliveryService } from './webhook-delivery.service';
import type { WebhooksRepository } from './webhooks.repository';

// Announcing a published version: the subscribers are asked first, so an election nobody subscribed
// to never has its body (every area above the districts) built; a version that moved on meanwhile
// is left to the next one, which announces itself.

const publicationAt = (version: number) =>
  ({
    electionId: 'e-1',
    version,
    header: { rehearsal: false },
    areas: [
      { id: 'town', level: 'municipality' },
      { id: 'd-1', level: 'district' },
    ],
    contests: [],
    summary: () => ({ id: 'e-1', name: 'Testwahl' }),
    result: (areaId: string) => ({ areaId }),
  }) as unknown as ElectionPublication;

function delivery(options: { subscribed: boolean; publishedVersion: number }) {
  const enqueued: { version: number; body: string }[] = [];
  const repository = {
    hasActive: async () => options.subscribed,
    enqueue: async (_electionId: string, version: number, body: string) => {
      enqueued.push({ version, body });
      return ['delivery-1'];
    },
  } as unknown as WebhooksRepository;
  const peek = vi.fn(() => publicationAt(options.publishedVersion));
  const publisher = { peek, get: vi.fn(async () => publicationAt(options.publishedVersion)) } as unknown as PublisherService;
  const send = vi.fn(async () => undefined);
  const jobs = { send } as unknown as JobQueue;
  const config = { publicBaseUrl: 'https://wahlen.example.de', webhookRetrySeconds: 30 } as AppConfig;
  const service = new WebhookDeliveryService(repository, publisher, jobs, config);
  const published = async (version: number): Promise<void> => {
    service.onPublished(new ResultsPublished({ electionId: 'e-1', version } as PublicElectionDelta));
    await new Promise((resolve) => setImmediate(resolve)); // the fakes answer at once: one turn settles the announcement
  };
  return { published, enqueued, peek, send };
}

describe('WebhookDeliveryService: announcing a version', () => {
  it('should not read the publication of an election without an active subscriber', async () => {
    const { published, enqueued, peek, send } = delivery({ subscribed: false, publishedVersion: 3 });
    await published(3);
    expect(peek).not.toHaveBeenCalled();
    expect(enqueued).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });

  it('should queue one delivery per subscriber with the areas above the districts', async () => {
    const { published, enqueued, send } = delivery({ subscribed: true, publishedVersion: 3 });
    await published(3);
    expect(enqueued.map((entry) => entry.version)).toEqual([3]);
    const body = JSON.parse(enqueued[0]!.body);
    expect(body).toMatchObject({ version: 3, areas: [{ id: 'town' }], results: [{ areaId: 'town' }] });
    expect(body.links.results).toBe('https://wahlen.example.de/wahl/e-1');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('should leave a version that moved on to the next one', async () => {
    const { published, enqueued, send } = delivery({ subscribed: true, publishedVersion: 4 });
    await published(3);
    expect(enqueued).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });
});

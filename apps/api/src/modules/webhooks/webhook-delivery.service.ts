import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { WEBHOOK_EVENT, WEBHOOK_HEADERS, type PublicAreaLevel, type WebhookResultsPublished } from '@wahl/contracts';
import { REHEARSAL_WATERMARK } from '@wahl/domain';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { defineJob, JobQueue } from '../../platform/jobs/job-queue';
import type { ElectionPublication } from '../publication/publisher/election-publication';
import { PublisherService } from '../publication/publisher/publisher.service';
import { ResultsPublished } from '../publication/publication.events';
import { signatureHeader } from './webhook-signature';
import { postJson, TargetNotAllowed } from './webhook-target';
import { WebhooksRepository } from './webhooks.repository';

/** One delivery of one version to one subscriber; the body and the target are in webhook_deliveries. */
export const DELIVER_WEBHOOK = defineJob<{ readonly deliveryId: string }>('webhooks.deliver');

/** Tries of a delivery after the first: with the default 30 s doubling, the last one about 30 minutes later. */
const RETRIES = 6;
const TIMEOUT_MS = 10_000;

const DISTRICT_LEVELS: ReadonlySet<PublicAreaLevel> = new Set(['district', 'postal-district']);

/** The public summary of the version a publication holds now (public figures only: R8.5 and R8.7 are applied by the publisher). */
export function resultsPublishedBody(publication: ElectionPublication, publicBaseUrl: string): WebhookResultsPublished {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const id = publication.electionId;
  const areas = publication.areas.filter((area) => !DISTRICT_LEVELS.has(area.level));
  return {
    event: WEBHOOK_EVENT,
    ...publication.summary(),
    watermark: publication.header.rehearsal ? REHEARSAL_WATERMARK : null,
    version: publication.version,
    areas,
    results: areas.flatMap((area) => publication.result(area.id) ?? []),
    contests: publication.contests,
    links: { results: `${base}/wahl/${id}`, openData: `${base}/api/public/elections/${id}/open-data/listen.json` },
  };
}

/**
 * Announces every new published version to the election's active subscribers (docs/WEBHOOKS.md).
 * The publisher emits `ResultsPublished` after its commit; the body is taken from the publication at
 * once and the deliveries are queued as jobs, so the count never waits for a subscriber. A job POSTs
 * the signed body; an error answer or a network failure is retried with back-off by pg-boss, a
 * refused target (not public) is failed at once.
 */
@Injectable()
export class WebhookDeliveryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly publisher: PublisherService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(
      DELIVER_WEBHOOK,
      ({ deliveryId }) => this.deliver(deliveryId),
      ({ deliveryId }) => this.repository.givenUp(deliveryId),
    );
  }

  @OnEvent(ResultsPublished.event)
  onPublished({ delta }: ResultsPublished): void {
    this.announce(delta.electionId, delta.version).catch((error: unknown) =>
      this.logger.warn(
        `webhooks of ${delta.electionId} v${delta.version} not queued: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  private async announce(electionId: string, version: number): Promise<void> {
    // Subscribers first: the body holds every area above the districts (a Land's 1,000 and more), not
    // worth building for an election nobody subscribed to. A publication still loading is waited for;
    // one that has moved on meanwhile announces its own version itself.
    if (!(await this.repository.hasActive(electionId))) return;
    const publication = this.publisher.peek(electionId) ?? (await this.publisher.get(electionId));
    if (publication?.version !== version) return;
    const body = JSON.stringify(resultsPublishedBody(publication, this.config.publicBaseUrl));
    const ids = await this.repository.enqueue(electionId, version, body);
    const retry = { limit: RETRIES, delaySeconds: this.config.webhookRetrySeconds };
    for (const deliveryId of ids) await this.jobs.send(DELIVER_WEBHOOK, { deliveryId }, deliveryId, retry);
  }

  /** One attempt; throws to have pg-boss try again later. */
  async deliver(deliveryId: string): Promise<void> {
    const target = await this.repository.target(deliveryId);
    if (!target || target.state !== 'pending') return;
    if (!target.active) {
      await this.repository.attempted(deliveryId, { state: 'failed', status: null, error: 'Der Webhook wurde deaktiviert.' });
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      [WEBHOOK_HEADERS.signature]: signatureHeader(target.secret, timestamp, target.body),
      [WEBHOOK_HEADERS.delivery]: deliveryId,
      [WEBHOOK_HEADERS.event]: WEBHOOK_EVENT,
      'user-agent': 'Wahlsystem-Webhook/1',
    };
    let status: number | null = null;
    try {
      ({ status } = await postJson(target.url, target.body, {
        headers,
        timeoutMs: TIMEOUT_MS,
        allowPrivate: this.config.webhookAllowPrivateTargets,
      }));
    } catch (error) {
      if (error instanceof TargetNotAllowed) {
        await this.repository.attempted(deliveryId, { state: 'failed', status: null, error: error.message });
        return;
      }
      const reason = `Nicht erreichbar: ${error instanceof Error ? error.message : String(error)}`;
      await this.repository.attempted(deliveryId, { state: 'pending', status: null, error: reason });
      throw new Error(reason);
    }
    if (status >= 200 && status < 300) {
      await this.repository.attempted(deliveryId, { state: 'delivered', status, error: null });
      return;
    }
    await this.repository.attempted(deliveryId, { state: 'pending', status, error: `Antwort ${status} statt 2xx.` });
    throw new Error(`answer ${status}`);
  }
}

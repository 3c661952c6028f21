import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/roles';
import type { AppConfig } from '../../platform/config/app-config';
import { AppError } from '../../platform/errors/app-error';
import type { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import type { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

// Creating a subscriber: an internal target is refused with the module's error before anything is
// stored, unless the installation allows private targets (tests, closed networks).

const actor = { username: 'amt-admin', role: 'office-admin', officeId: 'office-1' } as Actor;
const elections = { forActor: async () => ({}) } as unknown as ElectionReadModel;

function service(allowPrivate: boolean) {
  const created: string[] = [];
  const repository = {
    count: async () => 0,
    create: async (electionId: string, fields: { name: string; url: string }) => {
      created.push(fields.url);
      return {
        id: 'hook-1',
        electionId,
        name: fields.name,
        url: fields.url,
        active: true,
        createdAt: new Date(0),
        createdByUsername: 'amt-admin',
      };
    },
  } as unknown as WebhooksRepository;
  const config = { webhookAllowPrivateTargets: allowPrivate } as AppConfig;
  return { webhooks: new WebhooksService(repository, elections, config), created };
}

describe('WebhooksService.create', () => {
  it.each(['http://127.0.0.1:9000/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/hook', 'http://intern.localhost/hook'])(
    'should refuse %s and store nothing',
    async (url) => {
      const { webhooks, created } = service(false);
      const refused = await webhooks.create(actor, 'election-1', { name: 'Zeitung', url }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('WEBHOOK_TARGET_NOT_ALLOWED');
      expect(created).toEqual([]);
    },
  );

  it('should allow a loopback target when the installation allows private targets, and return the secret once', async () => {
    const { webhooks, created } = service(true);
    const answer = await webhooks.create(actor, 'election-1', { name: 'Test', url: 'http://127.0.0.1:9000/hook' });
    expect(created).toEqual(['http://127.0.0.1:9000/hook']);
    expect(answer.secret).toMatch(/^whsec_/);
    expect(answer.subscription).not.toHaveProperty('secret');
  });
});

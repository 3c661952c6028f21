import { Injectable } from '@nestjs/common';
import { Database } from '../../platform/database/database';

export type StoredSubscription = {
  readonly id: string;
  readonly electionId: string;
  readonly name: string;
  readonly url: string;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly createdByUsername: string;
};

export type StoredDelivery = {
  readonly id: string;
  readonly subscriptionId: string;
  readonly subscriptionName: string;
  readonly version: number;
  readonly state: string;
  readonly attempts: number;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
};

/** What a delivery attempt needs: the stored body and the subscriber's address and secret. */
export type DeliveryTarget = {
  readonly id: string;
  readonly state: string;
  readonly body: string;
  readonly url: string;
  readonly secret: string;
  readonly active: boolean;
};

const SUBSCRIPTION_COLUMNS = `id, election_id AS "electionId", name, url, active, created_at AS "createdAt",
  created_by_username AS "createdByUsername"`;

/** The office's log shows this many deliveries. */
const LOG_LENGTH = 50;

/** All SQL of the webhooks: subscribers, deliveries and their attempts. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly database: Database) {}

  async subscriptions(electionId: string): Promise<StoredSubscription[]> {
    const { rows } = await this.database.query<StoredSubscription>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE election_id = $1 ORDER BY created_at, id`,
      [electionId],
    );
    return rows;
  }

  async count(electionId: string): Promise<number> {
    const { rows } = await this.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM webhook_subscriptions WHERE election_id = $1`,
      [electionId],
    );
    return rows[0]!.count;
  }

  async create(electionId: string, fields: { name: string; url: string; secret: string; createdBy: string }): Promise<StoredSubscription> {
    const { rows } = await this.database.query<StoredSubscription>(
      `INSERT INTO webhook_subscriptions (election_id, name, url, secret, created_by_username)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [electionId, fields.name, fields.url, fields.secret, fields.createdBy],
    );
    return rows[0]!;
  }

  async setActive(electionId: string, id: string, active: boolean): Promise<StoredSubscription | null> {
    const { rows } = await this.database.query<StoredSubscription>(
      `UPDATE webhook_subscriptions SET active = $3 WHERE election_id = $1 AND id = $2 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [electionId, id, active],
    );
    return rows[0] ?? null;
  }

  async delete(electionId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.database.query(`DELETE FROM webhook_subscriptions WHERE election_id = $1 AND id = $2`, [
      electionId,
      id,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async deliveries(electionId: string): Promise<StoredDelivery[]> {
    const { rows } = await this.database.query<StoredDelivery>(
      `SELECT d.id, d.subscription_id AS "subscriptionId", s.name AS "subscriptionName", d.version, d.state, d.attempts,
              d.last_status AS "lastStatus", d.last_error AS "lastError", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"
         FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.election_id = $1 ORDER BY d.created_at DESC, d.version DESC LIMIT ${LOG_LENGTH}`,
      [electionId],
    );
    return rows;
  }

  /** One pending delivery per active subscriber of the election, all with the same body; their ids. */
  async enqueue(electionId: string, version: number, body: string): Promise<string[]> {
    const { rows } = await this.database.query<{ id: string }>(
      `INSERT INTO webhook_deliveries (subscription_id, election_id, version, body)
       SELECT id, election_id, $2, $3 FROM webhook_subscriptions WHERE election_id = $1 AND active
       RETURNING id`,
      [electionId, version, body],
    );
    return rows.map((row) => row.id);
  }

  async hasActive(electionId: string): Promise<boolean> {
    const { rows } = await this.database.query(`SELECT 1 FROM webhook_subscriptions WHERE election_id = $1 AND active LIMIT 1`, [
      electionId,
    ]);
    return rows.length > 0;
  }

  async target(deliveryId: string): Promise<DeliveryTarget | null> {
    const { rows } = await this.database.query<DeliveryTarget>(
      `SELECT d.id, d.state, d.body, s.url, s.secret, s.active
         FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
      [deliveryId],
    );
    return rows[0] ?? null;
  }

  /** Records one attempt; `state` stays pending while retries are left. */
  async attempted(deliveryId: string, outcome: { state: string; status: number | null; error: string | null }): Promise<void> {
    await this.database.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, state = $2, last_status = $3, last_error = $4,
              delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [deliveryId, outcome.state, outcome.status, outcome.error],
    );
  }

  /** pg-boss gave the delivery up (retries used, or its runs died): failed for the log. */
  async givenUp(deliveryId: string): Promise<void> {
    await this.database.query(`UPDATE webhook_deliveries SET state = 'failed' WHERE id = $1 AND state = 'pending'`, [deliveryId]);
  }
}

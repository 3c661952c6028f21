import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { BoardAccessCodeEntity } from './entities/board-access-code.entity';

/**
 * All SQL of board access. Its transactions run on the ORM's manager because the identity module's
 * session calls (AuthService.createBoardSession / endBoardSessions) join them through it.
 */
@Injectable()
export class BoardAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Revokes the open codes of the election that open any of the districts; their ids. */
  async revokeCovering(
    manager: EntityManager,
    electionId: string,
    districtIds: readonly string[],
    at: Date,
    by: string,
  ): Promise<string[]> {
    const rows = (await manager.query(
      `UPDATE board_access_codes SET revoked_at = $3, revoked_by = $4
       WHERE election_id = $1 AND revoked_at IS NULL AND district_ids && $2::uuid[] RETURNING id`,
      [electionId, districtIds, at, by],
    )) as [{ id: string }[], number];
    return rows[0].map((row) => row.id);
  }

  async insertCodes(
    manager: EntityManager,
    codes: readonly {
      electionId: string;
      officeId: string;
      codeHash: string;
      districtIds: string[];
      createdBy: string;
      createdAt: Date;
    }[],
  ): Promise<string[]> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(BoardAccessCodeEntity)
      .values([...codes])
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (inserted.raw as { id: string }[]).map((row) => row.id);
  }

  list(electionId: string): Promise<BoardAccessCodeEntity[]> {
    return this.dataSource.getRepository(BoardAccessCodeEntity).find({ where: { electionId }, order: { createdAt: 'ASC' } });
  }

  /** The code, locked until the transaction ends. */
  lockCode(manager: EntityManager, electionId: string, codeId: string): Promise<BoardAccessCodeEntity | null> {
    return manager.getRepository(BoardAccessCodeEntity).findOne({ where: { id: codeId, electionId }, lock: { mode: 'pessimistic_write' } });
  }

  async revoke(manager: EntityManager, codeId: string, at: Date, by: string): Promise<void> {
    await manager.getRepository(BoardAccessCodeEntity).update({ id: codeId }, { revokedAt: at, revokedBy: by });
  }

  /** An open (not revoked) code by its hash. */
  openCodeByHash(codeHash: string): Promise<BoardAccessCodeEntity | null> {
    return this.dataSource.getRepository(BoardAccessCodeEntity).findOneBy({ codeHash, revokedAt: IsNull() });
  }

  async countSignIn(manager: EntityManager, codeId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE board_access_codes SET sign_ins = sign_ins + 1, last_sign_in_at = $2 WHERE id = $1`, [codeId, at]);
  }
}

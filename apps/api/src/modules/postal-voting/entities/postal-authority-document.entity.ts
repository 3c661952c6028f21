import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { PostalApplicationEntity } from './postal-application.entity';

/** The written authority of a representative (BWO § 27(3)), uploaded with the application. */
@Entity({ name: 'postal_authority_documents' })
export class PostalAuthorityDocumentEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @OneToOne(() => PostalApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: PostalApplicationEntity;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ type: 'text' })
  sha256!: string;
}

import { PostalAccessAttemptEntity } from './entities/postal-access-attempt.entity';
import { PostalApplicationEntity } from './entities/postal-application.entity';
import { PostalAuthorityDocumentEntity } from './entities/postal-authority-document.entity';
import { PostalCertificateEntity } from './entities/postal-certificate.entity';
import { PostalRepeatNoticeEntity } from './entities/postal-repeat-notice.entity';

export const POSTAL_VOTING_ENTITIES = [
  PostalApplicationEntity,
  PostalAuthorityDocumentEntity,
  PostalCertificateEntity,
  PostalAccessAttemptEntity,
  PostalRepeatNoticeEntity,
] as const;

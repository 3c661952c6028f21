import { BankAccountEntity } from './entities/bank-account.entity';
import { PaymentSettingsEntity } from './entities/payment-settings.entity';

export const PAYMENTS_ENTITIES = [PaymentSettingsEntity, BankAccountEntity] as const;

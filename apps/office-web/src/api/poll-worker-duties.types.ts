// Wire types of letters, trainings and refreshment money: the contract's (libs/contracts/src/poll-workers).
export type {
  BankAccount,
  CreateTrainingBody,
  LetterRun,
  PaymentListView,
  PaymentSettings,
  SepaTransferBody,
  SetBankAccountBody,
  SetPaymentSettingsBody,
  StartLetterRunBody,
  Training,
} from '@wahl/contracts';

// Wire types of letters, trainings and refreshment money: the contract's (libs/contracts/src/poll-workers).
export type {
  BankAccount,
  CreateTrainingBody,
  InviteToTrainingBody,
  LetterRun,
  PaymentListView,
  PaymentSettings,
  SepaTransferBody,
  SetBankAccountBody,
  SetPaymentSettingsBody,
  StartLetterRunBody,
  Training,
  TrainingDetail,
  TrainingParticipant,
} from '@wahl/contracts';

import { defineErrors } from '../common/errors';

/** Stable error codes of roll: status, German and English text. */
export const ROLL_ERRORS = defineErrors({
  ROLL_BUSY: {
    status: 409,
    de: 'Für diese Wahl läuft gerade ein anderer Import oder der Aufbau des Wählerverzeichnisses. Bitte warten Sie, bis er beendet ist.',
    en: 'Another register import or roll build is running for this election. Please wait until it has finished.',
  },
  ROLL_NOT_BUILT: {
    status: 409,
    de: 'Für diese Wahl ist noch kein Wählerverzeichnis gebaut.',
    en: 'No electoral roll has been built for this election yet.',
  },
  ROLL_FROZEN: {
    status: 409,
    de: 'Das Wählerverzeichnis ist eingefroren.',
    en: 'The electoral roll is frozen (the cut-off day has passed); changes go through change proposals.',
  },
  ROLL_NUMBERS_LOCKED: {
    status: 409,
    de: 'Die Wählerverzeichnis-Nummern sind gesperrt; das Verzeichnis wird nicht neu aufgebaut.',
    en: 'The voter numbers are locked (polling cards printed); the roll is not rebuilt.',
  },
  ROLL_HAS_POSTAL_VOTES: {
    status: 409,
    de: 'Im Wählerverzeichnis sind bereits Wahlscheine vermerkt; es wird nicht neu aufgebaut.',
    en: 'Postal vote certificates are already marked in the roll; it is not rebuilt.',
  },
  ROLL_ENTRY_REMOVED: {
    status: 409,
    de: 'Der Eintrag ist gestrichen.',
    en: 'The roll entry has been removed.',
  },
  ROLL_CLOSING_TOO_EARLY: {
    status: 409,
    de: 'Das Wählerverzeichnis kann noch nicht abgeschlossen werden.',
    en: 'The roll cannot be closed before its earliest closing day.',
  },
  ROLL_ALREADY_CLOSED: {
    status: 409,
    de: 'Das Wählerverzeichnis ist bereits abgeschlossen.',
    en: 'The electoral roll is already closed.',
  },
  ROLL_CLOSED: {
    status: 409,
    de: 'Das Wählerverzeichnis ist abgeschlossen; nur einzeln begründete Berichtigungen sind noch möglich.',
    en: 'The electoral roll is closed; only individual, documented corrections are possible.',
  },
  ROLL_NOT_CLOSED: {
    status: 409,
    de: 'Das Wählerverzeichnis ist noch nicht abgeschlossen.',
    en: 'The electoral roll has not been closed yet.',
  },
  ROLL_PROPOSAL_NOT_OPEN: {
    status: 409,
    de: 'Der Änderungsvorschlag ist nicht mehr offen.',
    en: 'The change proposal is no longer open (decided already or superseded by a newer import).',
  },
  REGISTER_IMPORT_MISSING: {
    status: 409,
    de: 'Es gibt noch keinen erfolgreichen Import des Melderegisters für diese Wahl.',
    en: 'There is no successful register import for this election yet.',
  },
  REGISTER_PULL_NOT_RESUMABLE: {
    status: 409,
    de: 'Dieser Abruf kann nicht fortgesetzt werden.',
    en: 'This register pull cannot be resumed (it is still running or has finished).',
  },
  REGISTER_PULL_URL_NOT_ALLOWED: {
    status: 422,
    de: 'Diese Adresse ist für den Abruf aus dem Melderegister nicht freigegeben. Die Freigabe erteilt der Betreiber.',
    en: 'This address is not allowed for register pulls; the provider sets the allowed addresses.',
  },
});

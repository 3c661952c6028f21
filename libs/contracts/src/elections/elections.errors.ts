import { defineErrors } from '../common/errors';

/** Stable error codes of elections: status, German and English text. */
export const ELECTIONS_ERRORS = defineErrors({
  ELECTION_DEFINITION_WRONG_MUNICIPALITY: {
    status: 422,
    de: 'Die Wahldefinition gehört zu einer anderen Gemeinde.',
    en: 'The election definition belongs to another municipality.',
  },
  ELECTION_DEFINITION_LOCKED: {
    status: 409,
    de: 'Die Änderung würde das erstellte Wählerverzeichnis, gedruckte Wahlbenachrichtigungen oder erfasste Ergebnisse ungültig machen; es wurde nichts gespeichert.',
    en: 'The change would invalidate the built roll, printed polling cards or entered results; nothing was stored.',
  },
  ELECTION_IMPORT_INVALID: {
    status: 422,
    de: 'Die Datei enthält Fehler; es wurde nichts gespeichert.',
    en: 'The file contains errors; nothing was stored.',
  },
  PREVIOUS_ELECTION_MISMATCH: {
    status: 422,
    de: 'Die Ergebnisse der Vorwahl passen nicht zu dieser Wahl.',
    en: 'The previous election results do not match this election.',
  },
});

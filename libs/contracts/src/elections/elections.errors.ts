import { defineErrors } from '../common/errors';

/** Stable error codes of elections: status, German and English text. */
export const ELECTIONS_ERRORS = defineErrors({
  ELECTION_DEFINITION_WRONG_MUNICIPALITY: {
    status: 422,
    de: 'Die Wahldefinition gehört zu einer anderen Gemeinde.',
    en: 'The election definition belongs to another municipality.',
  },
  PREVIOUS_ELECTION_MISMATCH: {
    status: 422,
    de: 'Die Ergebnisse der Vorwahl passen nicht zu dieser Wahl.',
    en: 'The previous election results do not match this election.',
  },
});

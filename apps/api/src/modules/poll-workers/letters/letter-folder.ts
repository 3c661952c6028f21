import { resolve } from 'node:path';

/** Where the appointment letter PDFs are written (they hold sign-in codes; retention removes them with their runs). */
export const letterFolder = (dataDir: string): string => resolve(dataDir, 'poll-worker-letters');

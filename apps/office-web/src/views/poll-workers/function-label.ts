import { t, type MessageKey } from '../../i18n/i18n';

/** The German name of a board function (Wahlvorsteher/in, Beisitzer/in, ...). */
export const functionLabel = (fn: string): string => t(`pw.fn.${fn}` as MessageKey);

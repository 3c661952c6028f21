// A board member is identified by the access code and the name they give (issue #17, four eyes):
// "Erika  Muster", "erika muster" and "ERIKA MUSTER" are one member; the PIN set at the first
// sign-in keeps someone else (or the same person) from signing in a second time as that member.

/** The name as compared: Unicode NFC, lower case (German rules), runs of white space as one space. */
export const memberNameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('de-DE');

/** The name as shown in the audit log: NFC, single spaces. */
export const memberDisplayName = (name: string): string => name.normalize('NFC').trim().replace(/\s+/gu, ' ');

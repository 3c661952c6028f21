/** A candidate's name parts as stored (the definition's Candidate, or a row with a null title). */
export type CandidateNameParts = { readonly title?: string | null; readonly givenNames: string; readonly familyName: string };

/** "Dr. Erika Mustermann": title, given names and family name as on the ballot (parts that are missing left out). */
export function candidateName(candidate: CandidateNameParts): string {
  return [candidate.title, candidate.givenNames, candidate.familyName]
    .filter((part) => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}

import type { PostalElection } from '../shared/postal-election.service';

/** The office as the documents print it: name, address line, return-address line. */
export function officeValues(election: PostalElection): {
  wahlamt: string;
  wahlamt_anschrift: string;
  ruecksendeangabe: string;
  gemeinde: string;
} {
  const contact = election.contact;
  const office = contact?.office ?? `Gemeinde ${election.municipalityName}`;
  const address = contact
    ? `${contact.address.street} ${contact.address.houseNumber} · ${contact.address.postalCode} ${contact.address.city}`
    : election.municipalityName;
  const reach = [contact?.phone ? `Telefon ${contact.phone}` : '', contact?.email ?? ''].filter(Boolean).join(' · ');
  return {
    wahlamt: office,
    wahlamt_anschrift: [address, reach].filter(Boolean).join('\n'),
    ruecksendeangabe: `${office} · ${address}`,
    gemeinde: election.municipalityName,
  };
}

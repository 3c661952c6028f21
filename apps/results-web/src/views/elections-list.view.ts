import type { PublishedElection } from '../api/results-api';
import { formatGermanDate } from '../format/german-date';

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

export function electionsList(elections: readonly PublishedElection[]): HTMLElement {
  const list = element('ul', 'list');
  list.id = 'published-elections';
  for (const election of elections) {
    const item = element('li', 'card');
    item.append(element('h3', 'card-title', election.name), element('p', 'card-meta', formatGermanDate(election.electionDay)));
    list.append(item);
  }
  return list;
}

export function emptyState(): HTMLElement {
  const box = element('div', 'empty');
  box.id = 'no-results';
  box.setAttribute('role', 'status');
  box.append(
    element('span', 'empty-icon'),
    element('p', 'empty-title', 'Noch keine Ergebnisse veröffentlicht'),
    element('p', 'empty-hint', 'Am Wahlabend erscheinen hier die Ergebnisse, sobald die ersten Wahlbezirke gemeldet haben.'),
  );
  box.firstElementChild?.setAttribute('aria-hidden', 'true');
  return box;
}

export function loadError(): HTMLElement {
  const box = element('div', 'alert');
  box.setAttribute('role', 'alert');
  box.textContent = 'Die Ergebnisse können gerade nicht geladen werden. Bitte versuchen Sie es in einigen Minuten erneut.';
  return box;
}

import './styles.css';
import { fetchPublishedElections } from './api/results-api';
import { electionsList, emptyState, loadError } from './views/elections-list.view';

async function showElections(region: HTMLElement): Promise<void> {
  try {
    const elections = await fetchPublishedElections();
    region.replaceChildren(elections.length ? electionsList(elections) : emptyState());
  } catch {
    region.replaceChildren(loadError());
  } finally {
    region.removeAttribute('aria-busy');
  }
}

const region = document.getElementById('elections');
if (region) void showElections(region);

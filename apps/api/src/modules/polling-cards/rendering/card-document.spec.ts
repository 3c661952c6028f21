import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardDocument, CardLayoutOverflowError, type CardJob } from './card-document';
import { compileLayout } from './card-layout.compiler';
import { loadCardTemplate, type CardTemplate } from './card-template.loader';

const templatesDir = join(__dirname, '../../../../../../templates');
const federal: CardJob = {
  jobNumber: 7,
  election: {
    kind: 'bundestag',
    name: 'Wahl zum 22. Deutschen Bundestag',
    electionDay: '2025-02-23',
    postalApplicationDeadline: '2025-02-21',
  },
  createdAt: new Date(Date.UTC(2024, 3, 1)),
};

describe('template texts that do not fit', () => {
  it('should stop with the text when a template text cannot fit its box even at the smallest size', () => {
    const template = loadCardTemplate({ templatesDir, electionKind: 'bundestag', layout: 'a4' });
    const front = template.layout.sheets[0]!.front.map((element) =>
      element.type === 'text' && element.textId === 'hinweise' ? { ...element, height: 5 } : element,
    );
    const squeezed: CardTemplate = { ...template, layout: { ...template.layout, sheets: [{ ...template.layout.sheets[0]!, front }] } };
    expect(() => new CardDocument(squeezed, compileLayout(squeezed), federal, { title: 't', subject: 's' })).toThrow(
      CardLayoutOverflowError,
    );
  });
});

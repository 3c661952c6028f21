import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, elementsPastRightEdge, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { STAFF_PASSWORD } from '../support/offices';
import {
  createPostalElection,
  hasPdftotext,
  pdftotext,
  rollVoters,
  startPostalTestApp,
  type PostalElection,
  type RollVoter,
} from '../support/postal';
import { axeViolations } from '../support/results-page';
import type { TestApp } from '../support/test-app';

// Issue #12, bulk issuing with progress: from the work queue a clerk issues the selected and then
// all open applications in chunks of 100 under one batch (one PDF of 250 certificates, read back),
// sees the progress and the skipped ones with their reasons, and stops a run after the chunk under
// way, the rest staying open; after a reload the earlier runs are listed newest first with both PDFs
// of the stopped one. At 390 px, axe clean, no sideways scrolling.

noticeIfNoBrowser('office postal issuing run e2e');

type Entered = { id: string; reference: string };

describe.skipIf(!browserAvailable)('office web app: issuing run of the Briefwahlstelle', () => {
  let testApp: TestApp;
  let browser: Browser;
  let election: PostalElection;
  let voters: RollVoter[];
  const clerk = () => election.office.clerk;
  const api = () => `/api/elections/${election.electionId}/postal-voting`;
  const certificateCount = async (): Promise<number> =>
    (await testApp.dataSource.query('SELECT count(*)::int AS n FROM postal_certificates WHERE election_id = $1', [election.electionId]))[0]
      .n as number;

  /** Paper applications for the voters, ten requests at a time. */
  async function enter(some: readonly RollVoter[]): Promise<Entered[]> {
    const entered: Entered[] = [];
    for (let start = 0; start < some.length; start += 10) {
      const replies = await Promise.all(
        some
          .slice(start, start + 10)
          .map((voter) => clerk().post(`${api()}/applications`, { voterId: voter.voterId, delivery: { kind: 'home' } })),
      );
      for (const reply of replies) {
        if (reply.status !== 201) throw new Error(`application: ${reply.status} ${JSON.stringify(reply.body)}`);
        entered.push({ id: reply.body.id as string, reference: reply.body.reference as string });
      }
    }
    return entered;
  }

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startPostalTestApp();
    browser = await launchBrowser();
    election = await createPostalElection(testApp, { residents: 700, seed: 'issue-run' });
    voters = await rollVoters(testApp, election.electionId);
    if (voters.length < 402) throw new Error(`only ${voters.length} voters in the roll`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function queuePage(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', `u${election.office.ags}-clerk`);
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${election.electionId}/briefwahl`);
    await page.locator('#application-list').waitFor();
    return page;
  }

  it('should issue the selected, skip one issued meanwhile, then all 250 open in chunks into one PDF', async () => {
    const [a, b] = await enter(voters.slice(0, 252));
    const page = await queuePage(390);
    await page.getByRole('checkbox', { name: `Antrag ${a!.reference} auswählen` }).check();
    await page.getByRole('checkbox', { name: `Antrag ${b!.reference} auswählen` }).check();
    // Another clerk issues b in the meantime: the run skips it with the reason.
    expect((await clerk().post(`${api()}/issue`, { applicationIds: [b!.id] })).body.issued).toHaveLength(1);
    await page.getByRole('button', { name: 'Alle ausgewählten ausstellen (2)' }).click();
    await page.locator('#queue-outcome >> text=1 Wahlschein(e) erteilt, 1 übersprungen.').waitFor();
    expect(await page.locator('#queue-skipped').innerText()).toBe(
      `Antrag ${b!.reference}: Für diesen Antrag ist der Wahlschein bereits ausgestellt.`,
    );

    const chunks: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/postal-voting/issue'))
        chunks.push((JSON.parse(request.postData()!) as { applicationIds: string[] }).applicationIds.length);
    });
    await page.getByRole('button', { name: 'Alle offenen ausstellen (250)' }).click();
    await page.locator('#queue-outcome >> text=250 Wahlschein(e) erteilt, 0 übersprungen.').waitFor({ timeout: 120_000 });
    expect(chunks).toEqual([100, 100, 50]);
    expect(await page.locator('#queue-progress-text').textContent()).toBe('250 von 250 ausgestellt, 0 übersprungen');
    const bar = page.getByRole('progressbar', { name: 'Fortschritt der Ausstellung' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await certificateCount()).toBe(252);
    await expect.poll(() => page.locator('#queue-count').textContent()).toBe('0 von 0 Anträgen');
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);

    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.locator('#queue-outcome >> text=Wahlscheine (PDF)').click(),
    ]);
    if (hasPdftotext) {
      const text = pdftotext(readFileSync((await pdf.path())!));
      expect(text.split('Versicherung an Eides statt zur Briefwahl').length - 1).toBe(250);
    }
  }, 300_000);

  it('should stop after the chunk under way on "Abbrechen" and leave the rest open for a new run', async () => {
    await enter(voters.slice(252, 402));
    const page = await queuePage(1280);
    // The first chunk is held until "Abbrechen" is pressed, so the stop falls while it is under way.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/postal-voting/issue', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Alle offenen ausstellen (150)' }).click();
    await page.locator('#queue-progress-text').waitFor();
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    release();
    await page.locator('#queue-outcome >> text=Angehalten nach 100 von 150.').waitFor();
    await page.getByRole('button', { name: 'Alle offenen ausstellen (50)' }).waitFor();
    expect(await certificateCount()).toBe(352);

    // After a reload the stopped run's summary is gone; the list of runs still offers its two PDFs.
    await page.reload();
    const runs = page.locator('#postal-runs-list > li');
    await expect.poll(() => runs.count()).toBe(4);
    const titles = await runs.locator('.card-title').allTextContents();
    expect(titles.map((title) => /: (\d+) Wahlschein/.exec(title)?.[1])).toEqual(['100', '250', '1', '1']);
    expect(titles[0]).toMatch(
      new RegExp(`^\\d\\d\\.\\d\\d\\.\\d{2,4}, \\d\\d:\\d\\d: 100 Wahlschein\\(e\\), ausgestellt von u${election.office.ags}-clerk$`),
    );
    const stopped = runs.first();
    const prefix = (await stopped.getAttribute('data-batch'))!.slice(0, 8);
    const [certificates] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      stopped.getByRole('button', { name: 'Wahlscheine (PDF)' }).click(),
    ]);
    expect(certificates.suggestedFilename()).toBe(`wahlscheine-${prefix}.pdf`);
    const [labels] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      stopped.getByRole('button', { name: 'Etiketten (PDF)' }).click(),
    ]);
    expect(labels.suggestedFilename()).toBe(`etiketten-${prefix}.pdf`);
    if (hasPdftotext) {
      const text = pdftotext(readFileSync((await certificates.path())!));
      expect(text.split('Versicherung an Eides statt zur Briefwahl').length - 1).toBe(100);
    }
    expect(await axeViolations(page)).toEqual([]);
  }, 180_000);
});

import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  browserAvailable,
  elementsPastRightEdge,
  ensureWebAppBuilt,
  launchBrowser,
  noticeIfNoBrowser,
} from '../support/browser';
import { STAFF_PASSWORD } from '../support/offices';
import {
  createPostalElection,
  hasPdftotext,
  pdftotext,
  publicClientFrom,
  rollVoters,
  startPostalTestApp,
  type PostalElection,
  type RollVoter,
} from '../support/postal';
import { axeViolations } from '../support/results-page';
import type { TestApp } from '../support/test-app';

// Issue #12, postal voting office: a clerk runs the Briefwahlstelle in the browser against the real
// API and database. At the counter a voter is found in the roll and gets application, certificate
// and label in one go (two PDFs, read back); the "W" and A2 follow at once. In the work queue an
// online application is rejected and a paper one with a representative issued; a certificate is
// declared invalid and replaced; the figures per day add up, by way of application; an A3 application
// stands in the queue and is issued there. At 390 and 1280 px, axe clean.

noticeIfNoBrowser('office postal voting e2e');

const germanDate = (iso: string): string => iso.split('-').reverse().join('.');

describe.skipIf(!browserAvailable)('office web app: Briefwahlstelle', () => {
  let testApp: TestApp;
  let browser: Browser;
  let election: PostalElection;
  let voters: RollVoter[];
  const clerkName = () => `u${election.office.ags}-clerk`;
  const api = () => `/api/elections/${election.electionId}`;

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startPostalTestApp();
    browser = await launchBrowser();
    election = await createPostalElection(testApp, { residents: 120, seed: 'office-postal' });
    voters = await rollVoters(testApp, election.electionId);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function signedIn(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', clerkName());
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    return page;
  }

  const pdfText = async (download: Download): Promise<string> => pdftotext(readFileSync((await download.path())!));
  const withPostalVote = async (districtId: string): Promise<{ A1: number; A2: number; marked: number }> => {
    const counts = await election.office.clerk.get(`${api()}/roll/closing-counts`);
    const summary = await election.office.clerk.get(`${api()}/roll/summary`);
    const district = (counts.body.districts as { districtId: string; A1: number; A2: number }[]).find((d) => d.districtId === districtId)!;
    const marked = (summary.body.districts as { districtId: string; withPostalVote: number }[]).find((d) => d.districtId === districtId)!;
    return { A1: district.A1, A2: district.A2, marked: marked.withPostalVote };
  };

  it('should issue a Wahlschein at the counter with certificate and label, counted at once in the roll', async () => {
    const voter = voters[0]!;
    const before = await withPostalVote(voter.districtId);
    const page = await signedIn(390);
    await page.click(`[data-election="${election.electionId}"] >> text=Briefwahlstelle`);
    await page.waitForURL(`${testApp.baseUrl}/office/wahlen/${election.electionId}/briefwahl`);
    await page.waitForSelector('#postal-open');

    await page.fill('#counter-family', voter.familyName);
    await page.fill('#counter-birth', germanDate(voter.birthDate));
    await page.click('#counter-submit');
    const card = page.locator(`#counter-results [data-voter="${voter.voterId}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain(`Wahlbezirk ${voter.districtNumber}`);
    expect(await axeViolations(page)).toEqual([]);

    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await page.getByRole('button', { name: `Wahlschein ausstellen und drucken für ${voter.familyName}, ${voter.givenNames}` }).click();
    const success = card.locator('.alert-success');
    await success.waitFor();
    const number = /Wahlschein (\S+) für/.exec(await success.innerText())![1]!;
    expect(number).toMatch(new RegExp(`^${voter.districtNumber}`));
    await expect.poll(() => downloads.length).toBe(2);
    expect(downloads.map((d) => d.suggestedFilename())).toEqual([expect.stringMatching(/\.pdf$/), expect.stringMatching(/\.pdf$/)]);
    if (hasPdftotext) {
      expect(await pdfText(downloads[0]!)).toContain(number);
      expect(await pdfText(downloads[1]!)).toContain(voter.familyName);
    }

    // The roll's "W" and A1/A2 follow in the same transaction (R1.15, R1.21).
    const after = await withPostalVote(voter.districtId);
    expect(after).toEqual({ A1: before.A1 - 1, A2: before.A2 + 1, marked: before.marked + 1 });
    const found = await election.office.clerk.post(`${api()}/roll/search`, { familyName: voter.familyName, birthDate: voter.birthDate });
    expect(found.body.results.find((r: { voterId: number }) => r.voterId === voter.voterId).postalVoteCertificate).toBe(number);
    // The search in the browser is in the roll's log with the clerk's name (R8.1).
    const [logged] = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM roll_audit_entries WHERE election_id = $1 AND action = 'voter-lookup' AND actor_username = $2`,
      [election.electionId, clerkName()],
    );
    expect(logged.n).toBeGreaterThanOrEqual(1);

    // A second visit shows the mark instead of the button.
    await page.click('#counter-submit');
    await card.locator(`text=W – Wahlschein ${number}`).waitFor();
    expect(await card.getByRole('button', { name: /ausstellen und drucken/ }).count()).toBe(0);
    await expect.poll(() => page.locator('#postal-valid').textContent()).toBe('1');
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-postal-counter-390.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('should reject and issue from the work queue, replace a certificate and show the figures per day', async () => {
    const online = voters[1]!;
    const paper = voters[2]!;
    const web = publicClientFrom(testApp, '203.0.113.60');
    const applied = await web.post('/api/public/postal-voting/applications', {
      electionId: election.electionId,
      familyName: online.familyName,
      givenNames: online.givenNames,
      birthDate: online.birthDate,
      street: online.street,
      houseNumber: online.houseNumber,
      postalCode: online.postalCode,
      delivery: { kind: 'home' },
    });
    expect(applied.status).toBe(201);
    const entered = await election.office.clerk.post(`${api()}/postal-voting/applications`, {
      voterId: paper.voterId,
      delivery: { kind: 'home' },
      representative: {
        name: 'Erika Mustermann',
        address: { street: 'Hauptstraße', houseNumber: '1', postalCode: '12345', city: 'Wahlingen' },
        authority: { kind: 'declaration', confirmed: true },
      },
    });
    expect(entered.status).toBe(201);

    const page = await signedIn(1280);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${election.electionId}/briefwahl`);
    const queue = page.locator('#postal-queue');
    await queue.locator(`[data-application="${applied.body.reference}"]`).waitFor();
    expect(await page.locator('#queue-count').textContent()).toBe('2 von 2 Anträgen');

    // Filters: with a representative only the paper one; by number only the online one.
    await page.selectOption('#queue-representative', 'true');
    await page.click('#queue-filter button[type=submit]');
    await expect.poll(() => page.locator('#queue-count').textContent()).toBe('1 von 1 Anträgen');
    expect(await queue.locator(`[data-application="${entered.body.reference}"]`).innerText()).toContain('Bevollmächtigt: Erika Mustermann');
    await page.selectOption('#queue-representative', '');
    await page.fill('#queue-reference', applied.body.reference);
    await page.click('#queue-filter button[type=submit]');
    await queue.locator(`[data-application="${applied.body.reference}"]`).waitFor();
    expect(await page.locator('#queue-count').textContent()).toBe('1 von 1 Anträgen');

    // Reject without a reason: the API's German error, nothing stored; then with one.
    await page.getByRole('button', { name: `Antrag ${applied.body.reference} ablehnen` }).click();
    await queue.locator('.reject-form button[type=submit]').click();
    await queue.locator('text=Bitte eine Begründung angeben.').or(queue.locator('.alert-error')).first().waitFor();
    const stored = await election.office.clerk.get(`${api()}/postal-voting/applications?reference=${applied.body.reference}`);
    expect(stored.body.items.map((a: { state: string }) => a.state)).toEqual(['received']);
    await queue.locator('.reject-form input').fill('Person hat persönlich am Schalter gewählt');
    await queue.locator('.reject-form button[type=submit]').click();
    await expect.poll(() => page.locator('#queue-count').textContent()).toBe('0 von 0 Anträgen');

    await page.fill('#queue-reference', '');
    await page.click('#queue-filter button[type=submit]');
    await queue.locator(`[data-application="${entered.body.reference}"]`).waitFor();
    await page.getByRole('checkbox', { name: `Antrag ${entered.body.reference} auswählen` }).check();
    await page.click('#queue-issue');
    await page.locator('#queue-outcome >> text=1 Wahlschein(e) erteilt, 0 übersprungen.').waitFor();
    const [labels] = await Promise.all([page.waitForEvent('download'), page.locator('#queue-outcome >> text=Etiketten (PDF)').click()]);
    // Delivery home: the label is addressed to the voter's registered address, not the representative's.
    if (hasPdftotext) expect(await pdfText(labels)).toContain(`${paper.street} ${paper.houseNumber}`);

    // Declare the counter's certificate invalid (not received) with a replacement under a new number.
    const certificates = page.locator('#postal-certificates');
    const first = (await election.office.clerk.get(`${api()}/postal-voting/certificates`)).body.items[0];
    await page.getByRole('button', { name: `Wahlschein ${first.number} für ungültig erklären` }).click();
    const form = certificates.locator(`[data-certificate="${first.number}"] .invalidate-form`);
    await form.locator('select').selectOption('lost');
    expect(await form.locator('input[type=checkbox]').isDisabled()).toBe(true);
    await form.locator('select').selectOption('not-received');
    await form.locator('input[type=checkbox]').check();
    const [replacementPdf] = await Promise.all([page.waitForEvent('download'), form.locator('button[type=submit]').click()]);
    const replaced = await election.office.clerk.get(`${api()}/postal-voting/certificates?status=valid`);
    const replacement = replaced.body.items.find((c: { replacesNumber: string | null }) => c.replacesNumber === first.number);
    expect(replacement).toBeDefined();
    if (hasPdftotext) expect(await pdfText(replacementPdf)).toContain(replacement.number);
    await certificates.locator(`[data-certificate="${replacement.number}"] >> text=Ersetzt Wahlschein ${first.number}`).waitFor();

    // Figures: today 3 applications (counter, online, paper), 1 rejected, 3 issued (one a replacement), 1 invalid.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
    const row = page.locator(`#postal-figures-table tr[data-day="${today}"]`);
    await expect.poll(() => page.locator('#postal-invalid').textContent()).toBe('1');
    // Issued by way of application: the counter's and its replacement, the one with a representative.
    expect(await row.locator('td').allTextContents()).toEqual(['3', '1', '3Vollmacht 1 · Schalter 2', '1']);
    expect(await page.locator('#postal-open').textContent()).toBe('0');
    expect(await page.locator('#postal-valid').textContent()).toBe('2');
    const figures = await election.office.clerk.get(`${api()}/postal-voting/figures`);
    expect(figures.body).toEqual({
      days: [
        {
          day: today,
          applicationsReceived: 3,
          applicationsRejected: 1,
          certificatesIssued: 3,
          issuedByChannel: { online: 0, paper: 0, representative: 1, counter: 2, a3: 0 },
          certificatesInvalidated: 1,
        },
      ],
      open: 0,
      validCertificates: 2,
      invalidCertificates: 1,
    });
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-postal-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.context().close();
  }, 150_000);

  it('should list an A3 application in the work queue, issue it there and count it per day as A3', async () => {
    const district = (await election.office.clerk.get(`${api()}/roll/summary`)).body.districts[0] as { districtId: string };
    const a3 = await election.office.clerk.post(`${api()}/postal-voting/a3`, {
      familyName: 'Nichtimverzeichnis',
      givenNames: 'Nora',
      birthDate: '1990-05-17',
      street: 'Neubaugasse',
      houseNumber: '3',
      postalCode: '12345',
      city: 'Wahlingen',
      districtId: district.districtId,
      reason: 'right-arose-later',
      reasonNote: 'Einbürgerungsurkunde vom Vortag vorgelegt',
    });
    expect(a3.status, JSON.stringify(a3.body)).toBe(201);

    const page = await signedIn(390);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${election.electionId}/briefwahl`);
    const queueA3 = page.locator('#postal-queue #queue-a3');
    await queueA3.locator(`[data-a3="${a3.body.id}"]`).waitFor();
    expect(await queueA3.locator('h3').textContent()).toBe('A3 – nicht im Wählerverzeichnis (1)');
    expect(await page.locator('#queue-count').textContent()).toBe('1 von 1 Anträgen');
    // Another channel leaves A3 out; the A3 channel shows them alone.
    await page.selectOption('#queue-channel', 'paper');
    await page.click('#queue-filter button[type=submit]');
    await expect.poll(() => page.locator('#queue-count').textContent()).toBe('0 von 0 Anträgen');
    await page.selectOption('#queue-channel', 'a3');
    await page.click('#queue-filter button[type=submit]');
    await queueA3.locator(`[data-a3="${a3.body.id}"]`).waitFor();

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      queueA3.getByRole('button', { name: 'Wahlschein erteilen für Nora Nichtimverzeichnis' }).click(),
    ]);
    const issued = (await election.office.clerk.get(`${api()}/postal-voting/a3`)).body.items.find(
      (entry: { id: string }) => entry.id === a3.body.id,
    );
    expect(issued.certificateNumber).toMatch(/-A3-0001$/);
    if (hasPdftotext) expect(await pdfText(pdf)).toContain(issued.certificateNumber);
    // Open ones only (the default "received" state): the issued A3 left the queue.
    await expect.poll(() => page.locator('#queue-count').textContent()).toBe('0 von 0 Anträgen');

    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
    const row = page.locator(`#postal-figures-table tr[data-day="${today}"]`);
    await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('4Vollmacht 1 · Schalter 2 · A3 1');
    const figures = await election.office.clerk.get(`${api()}/postal-voting/figures`);
    expect(figures.body.days[0]).toMatchObject({
      certificatesIssued: 4,
      issuedByChannel: { online: 0, paper: 0, representative: 1, counter: 2, a3: 1 },
    });
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-postal-a3-queue-390.png'), fullPage: true });
    await page.context().close();
  }, 150_000);
});

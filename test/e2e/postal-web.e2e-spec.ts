import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, focusedId, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { cardToken, createPostalElection, rollVoters, startPostalTestApp, type PostalElection, type RollVoter } from '../support/postal';
import { axeViolations } from '../support/results-page';
import type { TestApp } from '../support/test-app';

noticeIfNoBrowser('postal-web e2e');

// The public application page on a 360 px phone: the QR link, the birth date (a wrong one first),
// the voter's own data, delivery and the confirmation with the reference number (R3.8).
describe.skipIf(!browserAvailable)('postal application page in the browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let election: PostalElection;
  let voters: RollVoter[];

  beforeAll(async () => {
    await ensureWebAppBuilt('postal-web');
    testApp = await startPostalTestApp();
    browser = await launchBrowser();
    election = await createPostalElection(testApp, { residents: 150, seed: 'page' });
    voters = await rollVoters(testApp, election.electionId);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const phone = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'de-DE' })).newPage();
  const typeBirthDate = async (page: Page, iso: string): Promise<void> => {
    const [year, month, day] = iso.split('-');
    await page.fill('#geburtsdatum-tag', day!);
    await page.fill('#geburtsdatum-monat', month!);
    await page.fill('#geburtsdatum-jahr', year!);
  };

  it('should lead from the QR link through birth date and delivery to the reference number', async () => {
    const voter = voters[5]!;
    const token = await cardToken(testApp, election.electionId, voter.voterId);
    const page = await phone();
    await page.goto(`${testApp.baseUrl}/b/${token}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Briefwahl beantragen');
    // The token leaves the address bar at once; nothing of the voter is on the page yet.
    expect(new URL(page.url()).pathname).toBe('/briefwahl/');
    expect(await page.textContent('body')).not.toContain(voter.familyName);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('postal-web-360-geburtsdatum.png'), fullPage: true });

    await typeBirthDate(page, '1950-01-01');
    await page.getByRole('button', { name: 'Weiter' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Das Geburtsdatum passt nicht zu diesem Code.');
    expect(await page.getAttribute('#geburtsdatum-tag', 'aria-invalid')).toBe('true');

    await typeBirthDate(page, voter.birthDate);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ihre Angaben');
    expect(await page.textContent('.facts')).toContain(`${voter.givenNames} ${voter.familyName}`);
    expect(await page.textContent('.facts')).toContain(`${voter.postalCode} ${voter.city}`);
    await page.getByLabel('An eine andere Anschrift (z. B. Urlaubsort)').check();
    const other = page.locator('#andere-anschrift');
    await other.getByLabel('Straße').fill('Strandpromenade');
    await other.getByLabel('Hausnummer').fill('7');
    await other.getByLabel('Postleitzahl').fill('1234');
    await other.getByLabel('Ort', { exact: true }).fill('Norddeich');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('postal-web-360-angaben.png'), fullPage: true });
    await page.getByRole('button', { name: 'Wahlschein beantragen' }).click();
    // The API's field error lands at the field and in the summary, which takes the focus.
    await expect.poll(() => alert.textContent()).toContain('Eine deutsche Postleitzahl hat fünf Ziffern.');
    expect(await focusedId(page)).toBe('fehler');
    await other.getByLabel('Postleitzahl').fill('26506');
    await page.getByRole('button', { name: 'Wahlschein beantragen' }).click();

    await expect.poll(() => page.locator('h1').textContent()).toBe('Ihr Antrag ist eingegangen');
    const reference = await page.textContent('.reference');
    expect(reference).toMatch(/^A-\d{7}-\d$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('postal-web-360.png'), fullPage: true });
    const queue = await election.office.clerk.get(
      `/api/elections/${election.electionId}/postal-voting/applications?reference=${reference}`,
    );
    expect(queue.body.items[0]).toMatchObject({
      delivery: 'other-address',
      deliveryAddress: { street: 'Strandpromenade', postalCode: '26506', city: 'Norddeich' },
      voter: { voterId: voter.voterId },
    });
    // No horizontal scrolling at 360 px.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  });

  it('should show the state of an earlier application instead of a second form', async () => {
    const voter = voters[5]!;
    const token = await cardToken(testApp, election.electionId, voter.voterId);
    const page = await phone();
    await page.goto(`${testApp.baseUrl}/briefwahl/${token}`);
    await typeBirthDate(page, voter.birthDate);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Antrag liegt bereits vor');
    expect(await page.textContent('.notice')).toContain('wird bearbeitet');
  });

  it('should take an application without a code by name, birth date and address', async () => {
    const voter = voters[9]!;
    const page = await phone();
    await page.goto(`${testApp.baseUrl}/briefwahl`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Briefwahl beantragen');
    await page.getByLabel('Familienname').fill(voter.familyName);
    await page.getByLabel('Vorname(n)').fill(voter.givenNames);
    await typeBirthDate(page, voter.birthDate);
    await page.getByLabel('Straße').first().fill(voter.street);
    await page.getByLabel('Hausnummer').first().fill(voter.houseNumber);
    await page.getByLabel('Postleitzahl').first().fill(voter.postalCode);
    await page.getByLabel('Ich hole die Unterlagen im Wahlamt ab').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('postal-web-360-ohne-code.png'), fullPage: true });
    await page.getByRole('button', { name: 'Wahlschein beantragen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ihr Antrag ist eingegangen');
    expect(await page.textContent('.facts')).toContain('Abholung im Wahlamt');
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  browserAvailable,
  elementsPastRightEdge,
  ensureWebAppBuilt,
  focusedId,
  launchBrowser,
  noticeIfNoBrowser,
} from '../support/browser';
import { STAFF_PASSWORD } from '../support/offices';
import { createPostalElection, rollVoters, startPostalTestApp, type PostalElection } from '../support/postal';
import { axeViolations } from '../support/results-page';
import { DEMO_AGS } from '../support/roll';
import type { TestApp } from '../support/test-app';

// Poll workers in the browser (issue #14): a volunteer signs up on the public page on a 390 px
// phone (a refused empty form first); the office fills the 40 urn boards of the demo town with
// 5 seats each from a staff list of residents by the proposal, at 1280 px and at 390 px; on a phone it
// enters a single person (German field errors first), sets the seats of one district by hand, and
// records a refusal with its ground and names substitutes for the refused and an unconfirmed seat.

noticeIfNoBrowser('poll workers e2e');

describe.skipIf(!browserAvailable)('poll workers in the browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let election: PostalElection;

  beforeAll(async () => {
    await ensureWebAppBuilt('postal-web');
    await ensureWebAppBuilt('office-web');
    testApp = await startPostalTestApp();
    browser = await launchBrowser();
    election = await createPostalElection(testApp, { residents: 1500, seed: 'poll-workers-page' });
    const adults = (await rollVoters(testApp, election.electionId)).filter((voter) => voter.birthDate < '1990-01-01').slice(0, 230);
    const csv = [
      'Familienname;Vornamen;Geburtsdatum;Straße;PLZ;Ort;Wahlvorsteher',
      ...adults.map((v, i) =>
        [v.familyName, v.givenNames, v.birthDate, `${v.street} ${v.houseNumber}`, v.postalCode, v.city, i < 50 ? 'ja' : 'nein'].join(';'),
      ),
    ].join('\n');
    const imported = await election.office.clerk.post(`/api/elections/${election.electionId}/poll-workers/import/apply`, { csv });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const newPage = async (width: number): Promise<Page> =>
    (await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-DE' })).newPage();

  const officePage = async (width: number): Promise<Page> => {
    const page = await newPage(width);
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', `u${DEMO_AGS}-clerk`);
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${election.electionId}/wahlhelfer`);
    await page.locator('#pw-people tbody tr').first().waitFor();
    return page;
  };

  it('should take a volunteer’s sign-up on a phone, with purpose and consent', async () => {
    const page = await newPage(390);
    await page.goto(`${testApp.baseUrl}/wahlhelfer?wahl=${election.electionId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Als Wahlhelferin oder Wahlhelfer melden');
    expect(await page.textContent('.consent')).toContain('§ 9 Abs. 4 Bundeswahlgesetz');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => focusedId(page)).toBe('fehler');
    expect(await page.textContent('#fehler')).toContain('Bitte');

    await page.getByLabel('Familienname').fill('Freiwillig');
    await page.getByLabel('Vorname(n)').fill('Frieda');
    await page.fill('#geburtsdatum-tag', '01');
    await page.fill('#geburtsdatum-monat', '06');
    await page.fill('#geburtsdatum-jahr', '1985');
    await page.getByLabel('Straße und Hausnummer').fill('Lindenweg 3');
    await page.getByLabel('Postleitzahl').fill('71990');
    await page.getByLabel('Ort', { exact: true }).fill('Wahlingen');
    await page.getByLabel('E-Mail').fill('frieda@example.org');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.textContent('#fehler')).toContain('Bitte stimmen Sie der Verarbeitung');
    await page.getByLabel('Ich bin einverstanden').check();
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Vielen Dank für Ihre Meldung');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('poll-workers-sign-up-390.png'), fullPage: true });
    const stored = await testApp.dataSource.query(
      `SELECT source, keep_for_next_election FROM poll_workers WHERE family_name = 'Freiwillig'`,
    );
    expect(stored).toEqual([{ source: 'sign-up', keep_for_next_election: false }]);
  }, 90_000);

  type Person = { id: string; familyName: string; givenNames: string; pool: { homeDistrictId: string | null; eligibility: string } };
  const wishers: { person?: Person; colleague?: Person; districtId?: string } = {};

  it('should enter wishes, a declared eligibility and a note on the people screen, checked as typed', async () => {
    const page = await officePage(1280);
    const pool = (await election.office.clerk.get(`/api/elections/${election.electionId}/poll-workers?filter=all`)).body.rows as Person[];
    const names = pool.map((row) => `${row.familyName}, ${row.givenNames}`);
    const unique = pool.filter((row, i) => row.pool.homeDistrictId && names.indexOf(names[i]!) === names.lastIndexOf(names[i]!));
    const overview = (await election.office.clerk.get(`/api/elections/${election.electionId}/poll-workers/assignments`)).body;
    const person = unique[0]!;
    const colleague = unique.find((row) => row.pool.homeDistrictId !== person.pool.homeDistrictId)!;
    const districtId = (overview.boards as { districtId: string }[]).find(
      (board) => board.districtId !== person.pool.homeDistrictId && board.districtId !== colleague.pool.homeDistrictId,
    )!.districtId;
    Object.assign(wishers, { person, colleague, districtId });

    await page.getByRole('button', { name: `${person.familyName}, ${person.givenNames} bearbeiten`, exact: true }).click();
    await expect.poll(() => page.locator('#pw-entry-wishDistrict option').count()).toBeGreaterThan(40);
    expect(await page.inputValue('#pw-entry-familyName')).toBe(person.familyName);
    expect(await page.getAttribute('#pw-entry-familyName', 'readonly')).not.toBeNull();
    // Checked as typed, with the API's words: a wrong phone number is named before anything is sent.
    await page.getByLabel('Telefon (freiwillig)').fill('abc');
    await page.getByLabel('Telefon (freiwillig)').blur();
    expect(await page.textContent('#pw-entry-phone-problem')).toBe('Keine gültige Telefonnummer (Ziffern, Leerzeichen, + ( ) / -).');
    await page.getByLabel('Telefon (freiwillig)').fill('07031 4711');
    expect(await page.textContent('#pw-entry-phone-problem')).toBe('');
    await page.getByLabel('Notiz (freiwillig, höchstens 1000 Zeichen)').fill('x'.repeat(1001));
    await page.getByLabel('Notiz (freiwillig, höchstens 1000 Zeichen)').blur();
    expect(await page.textContent('#pw-entry-note-problem')).toBe('Höchstens 1000 Zeichen.');
    await page.click('#pw-entry-save');
    expect(await focusedId(page)).toBe('pw-entry-note');
    await page.getByLabel('Notiz (freiwillig, höchstens 1000 Zeichen)').fill('Nur mit Rollstuhlzugang');
    await page.getByLabel('Wunsch-Wahlbezirk').selectOption(districtId);
    await page.getByLabel('Wunsch-Funktion').selectOption('assessor');
    await page.click('#pw-entry-save');
    await page.locator(`#pw-people-output >> text=Die Angaben von ${person.givenNames} ${person.familyName} wurden gespeichert.`).waitFor();

    await page.getByRole('button', { name: `${colleague.familyName}, ${colleague.givenNames} bearbeiten`, exact: true }).click();
    // The save reloads the choices while this edit loads its own: the form is in edit mode only once the
    // colleague's choices are drawn, and the reload for the empty form must not draw over them.
    await expect.poll(() => page.inputValue('#pw-entry-familyName')).toBe(colleague.familyName);
    await expect.poll(() => page.textContent('#pw-entry-save')).toBe('Änderungen speichern');
    const together = page.getByLabel('Zusammen mit');
    expect(await together.locator(`option[value="${person.id}"]`).count()).toBe(1);
    expect(await together.locator(`option[value="${colleague.id}"]`).count()).toBe(0);
    await together.selectOption(person.id);
    await page.click('#pw-entry-save');
    await page
      .locator(`#pw-people-output >> text=Die Angaben von ${colleague.givenNames} ${colleague.familyName} wurden gespeichert.`)
      .waitFor();

    // Someone living elsewhere is eligible by declaration (BWahlG § 9(2)), not by the register.
    await page.getByLabel('Familienname').fill('Auswärts');
    await page.getByLabel('Vorname(n)').fill('Anna');
    await page.getByLabel('Geburtsdatum').fill('1970-03-08');
    await page.getByLabel('Straße und Hausnummer').fill('Bahnhofstraße 2');
    await page.getByLabel('Postleitzahl').fill('70173');
    await page.getByLabel('Ort', { exact: true }).fill('Stuttgart');
    await page.getByLabel('Wohnt außerhalb der Gemeinde und hat erklärt, wahlberechtigt zu sein').check();
    await page.click('#pw-entry-save');
    await page.locator('#pw-people-output >> text=Anna Auswärts wurde in den Helferpool aufgenommen.').waitFor();

    const stored = async (search: string) =>
      (await election.office.clerk.get(`/api/elections/${election.electionId}/poll-workers?search=${encodeURIComponent(search)}`)).body
        .rows;
    expect((await stored('Auswärts'))[0].pool).toMatchObject({ eligibility: 'declared' });
    const wisher = (await stored(person.familyName)).find((row: Person) => row.id === person.id);
    expect(wisher).toMatchObject({ note: 'Nur mit Rollstuhlzugang', phone: '07031 4711' });
    expect(wisher.pool).toMatchObject({ wishDistrictId: districtId, wishFunction: 'assessor', wishColleagueId: null });
    const linked = (await stored(colleague.familyName)).find((row: Person) => row.id === colleague.id);
    expect(linked.pool).toMatchObject({ wishColleagueId: person.id });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `${person.familyName}, ${person.givenNames} bearbeiten`, exact: true }).click();
    await expect.poll(() => page.inputValue('#pw-entry-wishDistrict')).toBe(districtId);
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('poll-workers-wishes-390.png'), fullPage: false });
  }, 120_000);

  it('should fill the 40 urn boards of the demo town (5 seats each) with the proposal', async () => {
    const page = await newPage(1280);
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', `u${DEMO_AGS}-clerk`);
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.click(`[data-election="${election.electionId}"] >> text=Wahlhelfer`);
    await page.waitForURL(`${testApp.baseUrl}/office/wahlen/${election.electionId}/wahlhelfer`);
    await page.locator('#pw-people tbody tr').first().waitFor();

    await page.click('#pw-needs-apply');
    await expect.poll(() => page.textContent('#pw-totals')).toContain('0 von 200 Sitzen besetzt');
    await page.click('#pw-propose');
    await expect.poll(() => page.textContent('#pw-totals')).toContain('200 von 200 Sitzen besetzt, 0 bestätigt, 0 Lücken');
    expect(await page.locator('#pw-boards tbody tr').count()).toBe(40);
    expect(await page.locator('#pw-boards tbody tr.row-warning').count()).toBe(0);
    // The wishes entered on the people screen: the wished district as assessor, the colleague beside.
    const boards = (await election.office.clerk.get(`/api/elections/${election.electionId}/poll-workers/assignments`)).body.boards;
    const wished = boards.find((board: { districtId: string }) => board.districtId === wishers.districtId);
    const seated = wished.seats.flatMap((seat: { function: string; assignments: { personId: string }[] }) =>
      seat.assignments.map((entry) => [entry.personId, seat.function]),
    );
    expect(seated).toContainEqual([wishers.person!.id, 'assessor']);
    expect(seated.map(([personId]: string[]) => personId)).toContain(wishers.colleague!.id);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('poll-workers-assignment-1280.png'), fullPage: false });

    // A confirmation from the list of a board.
    await page.locator('#pw-boards tbody tr').first().getByRole('button').first().click();
    await expect.poll(() => page.textContent('#pw-totals')).toContain('200 von 200 Sitzen besetzt, 1 bestätigt');

    // On a phone every board is a card of its own: nothing scrolls sideways, not the page, not the boards.
    await page.setViewportSize({ width: 390, height: 900 });
    const firstBoard = page.locator('#pw-boards tbody tr').first();
    await expect.poll(() => firstBoard.evaluate((row) => row.ownerDocument.defaultView!.getComputedStyle(row).display)).toBe('block');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await page.locator('.boards-wrap').evaluate((wrap) => wrap.scrollWidth <= wrap.clientWidth)).toBe(true);
    expect(await firstBoard.locator('td').first().getAttribute('data-label')).toBe('Besetzung');
    expect(await firstBoard.locator('td').first().textContent()).toMatch(/^Wahlvorsteher\/in: /);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('poll-workers-assignment-390.png'), fullPage: false });
  }, 120_000);

  it('should enter a single person on a phone, with German errors at the fields first', async () => {
    const page = await officePage(390);
    await page.click('#pw-entry summary');
    await page.click('#pw-entry-save');
    await expect.poll(() => page.textContent('#pw-entry-familyName-problem')).toBe('Bitte den Familiennamen angeben.');
    expect(await page.getAttribute('#pw-entry-familyName', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#pw-entry-postalCode-problem')).toBe('Erwartet wird eine fünfstellige Postleitzahl.');
    expect(await focusedId(page)).toBe('pw-entry-familyName');

    await page.getByLabel('Familienname').fill('Neuhaus');
    await page.getByLabel('Vorname(n)').fill('Jonas');
    await page.getByLabel('Geburtsdatum').fill('1979-04-02');
    await page.getByLabel('Straße und Hausnummer').fill('Am Markt 7');
    await page.getByLabel('Postleitzahl').fill('7199');
    await page.getByLabel('Ort', { exact: true }).fill('Wahlingen');
    await page.getByLabel('E-Mail (freiwillig)').fill('j.neuhaus@example.org');
    await page.getByLabel('Verfügbarkeit am Wahltag').selectOption('morning');
    await page.getByLabel('War schon Wahlvorsteher/in').check();
    await page.click('#pw-entry-save');
    await expect.poll(() => page.textContent('#pw-entry-postalCode-problem')).toBe('Erwartet wird eine fünfstellige Postleitzahl.');
    expect(await page.textContent('#pw-entry-familyName-problem')).toBe('');
    const none = await election.office.clerk.get(`/api/elections/${election.electionId}/poll-workers?search=Neuhaus`);
    expect(none.body.total).toBe(0);

    await page.getByLabel('Postleitzahl').fill('71990');
    await page.click('#pw-entry-save');
    await page.locator('#pw-people-output >> text=Jonas Neuhaus wurde in den Helferpool aufgenommen.').waitFor();
    expect(await page.inputValue('#pw-entry-familyName')).toBe('');
    const stored = await election.office.clerk.get(`/api/elections/${election.electionId}/poll-workers?search=Neuhaus`);
    expect(stored.body.rows).toHaveLength(1);
    expect(stored.body.rows[0]).toMatchObject({
      familyName: 'Neuhaus',
      givenNames: 'Jonas',
      birthDate: '1979-04-02',
      postalCode: '71990',
      email: 'j.neuhaus@example.org',
      chairExperience: true,
      source: 'office',
    });
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  it('should set the seats of one district on the table of boards, refusing a negative number', async () => {
    const page = await officePage(390);
    await page.click('#pw-needs-each summary');
    const firstRow = page.locator('#pw-needs-table tbody tr').first();
    const district = await firstRow.getAttribute('data-district');
    const assessors = firstRow.locator('input').nth(4);
    const seatsOf = async (): Promise<Record<string, number>> => {
      const overview = await election.office.clerk.get(`/api/elections/${election.electionId}/poll-workers/assignments`);
      const board = overview.body.boards.find((entry: { number: string }) => entry.number === district);
      return Object.fromEntries(board.seats.map((seat: { function: string; needed: number }) => [seat.function, seat.needed]));
    };
    const before = await seatsOf();

    await assessors.fill('-1');
    await page.click('#pw-needs-save');
    await expect.poll(() => page.textContent('#pw-needs-output')).toContain('Bitte eine ganze Zahl von 0 bis 20 eintragen');
    expect(await seatsOf()).toEqual(before);

    await assessors.fill('4');
    await page.click('#pw-needs-save');
    await expect.poll(seatsOf).toEqual({ ...before, assessor: 4 });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('poll-workers-needs-390.png'), fullPage: false });
  }, 90_000);

  it('should record a refusal with its ground and name a substitute on a phone', async () => {
    const page = await officePage(390);
    const overviewPath = `/api/elections/${election.electionId}/poll-workers/assignments`;
    type Seat = { id: string; personId: string; state: string; refusalGround: string | null; replacesId: string | null };
    const seatsOfBoard = async (number: string): Promise<Seat[]> => {
      const overview = await election.office.clerk.get(overviewPath);
      const board = overview.body.boards.find((entry: { number: string }) => entry.number === number);
      return board.seats.flatMap((seat: { assignments: Seat[] }) => seat.assignments);
    };
    const row = page.locator('#pw-boards tbody tr').nth(1);
    const district = (await row.getAttribute('data-district'))!;
    const [refusing, unconfirmed] = await seatsOfBoard(district);
    const refusingSeat = page.locator(`[data-assignment="${refusing!.id}"]`);

    // The ground is required: nothing is stored without it.
    await refusingSeat.getByText('Absage erfassen').click();
    await refusingSeat.getByRole('button', { name: 'Absage speichern' }).click();
    await expect.poll(() => page.textContent('#pw-boards-output')).toContain('Bitte den Grund der Absage wählen.');
    expect((await seatsOfBoard(district)).some((seat) => seat.id === refusing!.id)).toBe(true);
    await refusingSeat.getByLabel(/^Absagegrund von/).selectOption('illness');
    expect(await axeViolations(page)).toEqual([]);
    await refusingSeat.getByRole('button', { name: 'Absage speichern' }).click();
    // The refused seat leaves the board (a gap); its ground is kept on the record.
    await expect.poll(async () => (await seatsOfBoard(district)).some((seat) => seat.id === refusing!.id)).toBe(false);
    const stored = await testApp.dataSource.query(`SELECT state, refusal_ground FROM poll_worker_assignments WHERE id = $1`, [
      refusing!.id,
    ]);
    expect(stored).toEqual([{ state: 'refused', refusal_ground: 'illness' }]);

    // The refused seat stays on its board as a gap with the ground; its substitute is linked to it.
    const refusedSeat = page.locator(`li.seat-refused[data-assignment="${refusing!.id}"]`);
    await expect.poll(() => refusedSeat.textContent()).toContain('unbesetzt, abgesagt von');
    expect(await refusedSeat.textContent()).toContain('Krankheit oder Behinderung (§ 9 Nr. 6 BWO)');
    expect(await page.locator(`#pw-boards tr[data-district="${district}"]`).getAttribute('class')).toContain('row-warning');
    await refusedSeat.getByText('Ersatz bestimmen').click();
    const pick = refusedSeat.getByLabel(/^Ersatz für/);
    await expect.poll(() => pick.locator('option').count()).toBeGreaterThan(1);
    await pick.selectOption({ index: 1 });
    expect(await axeViolations(page)).toEqual([]);
    await refusedSeat.getByRole('button', { name: 'Ersatz speichern' }).click();
    await expect.poll(async () => (await seatsOfBoard(district)).some((entry) => entry.replacesId === refusing!.id)).toBe(true);
    await expect.poll(() => page.locator(`li.seat-refused[data-assignment="${refusing!.id}"]`).count()).toBe(0);
    const history = await testApp.dataSource.query(`SELECT state, refusal_ground FROM poll_worker_assignments WHERE id = $1`, [
      refusing!.id,
    ]);
    expect(history).toEqual([{ state: 'refused', refusal_ground: 'illness' }]);

    // A substitute from the pool for an unconfirmed seat: the old seat becomes "ersetzt".
    const seat = page.locator(`[data-assignment="${unconfirmed!.id}"]`);
    await seat.getByText('Ersatz bestimmen').click();
    const select = seat.getByLabel(/^Ersatz für/);
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    await select.selectOption({ index: 1 });
    await seat.getByRole('button', { name: 'Ersatz speichern' }).click();
    await expect.poll(async () => (await seatsOfBoard(district)).some((entry) => entry.replacesId === unconfirmed!.id)).toBe(true);
    const substitute = (await seatsOfBoard(district)).find((entry) => entry.replacesId === unconfirmed!.id)!;
    expect(substitute).toMatchObject({ state: 'proposed' });
    expect(substitute.personId).not.toBe(unconfirmed!.personId);
    expect((await seatsOfBoard(district)).some((entry) => entry.id === unconfirmed!.id)).toBe(false);
    const replaced = await testApp.dataSource.query(`SELECT state FROM poll_worker_assignments WHERE id = $1`, [unconfirmed!.id]);
    expect(replaced).toEqual([{ state: 'replaced' }]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('poll-workers-substitute-390.png'), fullPage: false });
  }, 120_000);

  it('should move members between boards by drag at 1280 px and by "Verschieben nach …" at 390 px, showing a refusal', async () => {
    const page = await officePage(1280);
    type Board = { districtId: string; number: string; seats: { function: string; assignments: { id: string; function: string }[] }[] };
    const boards = async (): Promise<Board[]> =>
      (await election.office.clerk.get(`/api/elections/${election.electionId}/poll-workers/assignments`)).body.boards;
    const seatOf = async (assignmentId: string): Promise<[string, string] | null> => {
      for (const board of await boards())
        for (const seat of board.seats)
          if (seat.assignments.some((entry) => entry.id === assignmentId)) return [board.number, seat.function];
      return null;
    };
    const [from, to] = (await boards()).slice(5, 7) as [Board, Board];
    const moving = from.seats.find((seat) => seat.function === 'assessor')!.assignments[0]!;

    // Drag: dropped on the board (not on a seat), the member keeps the function.
    const dataTransfer = await page.evaluateHandle('new DataTransfer()');
    await page.dispatchEvent(`li[data-assignment="${moving.id}"]`, 'dragstart', { dataTransfer });
    await page.dispatchEvent(`#pw-boards tr[data-district="${to.number}"] th`, 'dragover', { dataTransfer });
    expect(await page.getAttribute(`#pw-boards tr[data-district="${to.number}"]`, 'class')).toContain('drop-target');
    await page.dispatchEvent(`#pw-boards tr[data-district="${to.number}"] th`, 'drop', { dataTransfer });
    await expect.poll(() => seatOf(moving.id)).toEqual([to.number, 'assessor']);
    expect(await axeViolations(page)).toEqual([]);

    // On a phone: the select per seat, back to the first board as Schriftführer/in.
    await page.setViewportSize({ width: 390, height: 900 });
    const seat = page.locator(`li[data-assignment="${moving.id}"]`);
    await seat.getByText('Verschieben nach …').click();
    const target = seat.getByLabel(/^Ziel für/);
    await expect.poll(() => target.locator('option').count()).toBeGreaterThan(100);
    await target.selectOption(`${from.districtId}|secretary`);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await seat.getByRole('button', { name: 'Verschieben', exact: true }).click();
    await expect.poll(() => seatOf(moving.id)).toEqual([from.number, 'secretary']);

    // Refused by the API (the seat was refused meanwhile): its reason is shown, nothing moves.
    const other = from.seats.find((entry) => entry.function === 'chair')!.assignments[0]!;
    const otherSeat = page.locator(`li[data-assignment="${other.id}"]`);
    await otherSeat.getByText('Verschieben nach …').click();
    await expect
      .poll(() =>
        otherSeat
          .getByLabel(/^Ziel für/)
          .locator('option')
          .count(),
      )
      .toBeGreaterThan(100);
    await otherSeat.getByLabel(/^Ziel für/).selectOption(`${to.districtId}|chair`);
    const refused = await election.office.clerk.post(`/api/elections/${election.electionId}/poll-workers/assignments/${other.id}/state`, {
      state: 'refused',
      refusalGround: 'illness',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    await otherSeat.getByRole('button', { name: 'Verschieben', exact: true }).click();
    await expect.poll(() => page.locator('#pw-boards-output [role=alert]').count()).toBe(1);
    expect(await page.textContent('#pw-boards-output')).not.toBe('');
    const stored = await testApp.dataSource.query(`SELECT state, district_id FROM poll_worker_assignments WHERE id = $1`, [other.id]);
    expect(stored).toEqual([{ state: 'refused', district_id: from.districtId }]);
    await page.screenshot({ path: artifactPath('poll-workers-move-390.png'), fullPage: false });
  }, 120_000);

  it('should flag a candidate of the election in the pool as not eligible, with the ground (BWahlG § 9(3))', async () => {
    const lists = await testApp.dataSource.query(`SELECT id FROM lists WHERE election_id = $1 LIMIT 1`, [election.electionId]);
    expect(lists).toHaveLength(1);
    await testApp.dataSource.query(
      `INSERT INTO candidates (election_id, list_id, ordinal, position, family_name, given_names, birth_year)
       VALUES ($1, $2, 999, 999, 'Kandidat', 'Karla', 1965)`,
      [election.electionId, lists[0].id],
    );
    const entered = await election.office.clerk.post(`/api/elections/${election.electionId}/poll-workers`, {
      person: {
        familyName: 'Kandidat',
        givenNames: 'Karla Maria',
        birthDate: '1965-07-01',
        street: 'Bahnhofstraße 4',
        postalCode: '70173',
        city: 'Stuttgart',
      },
      declaredEligible: true,
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect(entered.body.pool).toMatchObject({ eligibility: 'ineligible', ineligibilityReason: 'candidate' });

    for (const width of [1280, 390]) {
      const page = await officePage(width);
      await page.fill('#pw-search', 'Kandidat');
      const row = page.locator('#pw-people tbody tr', { hasText: 'Kandidat, Karla Maria' });
      await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('nicht wählbar (Wahlbewerber/in, § 9 Abs. 3 BWahlG)');
      expect(await elementsPastRightEdge(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    }
  }, 90_000);
});

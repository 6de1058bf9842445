/**
 * Triage in browser mode (issue 5): the built renderer, the real desk core and a real central
 * server, driven in Chromium by a Helsinki-info clerk at the keyboard.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startCentralProcess, startWebHostProcess, tempDir, type RunningProcess } from '../support/processes.js';
import { eventually, StaffClient } from '../support/staff-client.js';
import { mimeMessage } from '../support/mime-message.js';

test.describe.configure({ mode: 'serial' });

async function signIn(page: Page, url: string) {
  page.on('pageerror', (err) => console.log('page error:', err.message));
  await page.goto(url);
  // The desk core keeps its session: a second page of the same desk starts signed in.
  const username = page.getByLabel('Käyttäjätunnus');
  await expect(username.or(page.getByRole('option').first())).toBeVisible({ timeout: 30_000 });
  if (!(await username.isVisible())) return;
  await username.fill('neuvonta');
  await page.getByLabel('Salasana').fill('demo');
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await expect(page.getByRole('option').first()).toBeVisible({ timeout: 60_000 });
}

/** A DeskApi call from the page (same origin as the web host), e.g. to read the local copy. */
async function deskCall<T>(page: Page, method: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ([m, a]) => {
      const res = await fetch(`/desk/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
      return res.json();
    },
    [method, args] as const,
  ) as Promise<T>;
}

/** Draws a road with a pothole on a canvas in the page and gives it as base64 PNG (a browser expression: the tests' types have no DOM). */
const DRAW_POTHOLE_PNG = `(() => {
  const c = document.createElement('canvas');
  c.width = 480;
  c.height = 320;
  const g = c.getContext('2d');
  g.fillStyle = '#8a8d91';
  g.fillRect(0, 0, 480, 320);
  g.fillStyle = '#f2f2f2';
  for (let x = 20; x < 480; x += 90) g.fillRect(x, 150, 50, 12);
  g.fillStyle = '#3b3126';
  g.beginPath();
  g.ellipse(250, 230, 90, 40, 0, 0, Math.PI * 2);
  g.fill();
  return c.toDataURL('image/png').split(',')[1];
})()`;

async function centralItems(centralUrl: string) {
  const admin = new StaffClient(centralUrl);
  await admin.login('admin');
  return (await admin.pullAll()).items;
}

test.describe('triage by keyboard', () => {
  let central: RunningProcess;
  let webHost: RunningProcess;
  const centralDir = tempDir('central');
  test.beforeAll(async () => {
    central = await startCentralProcess({ seed: 'demo', dataDir: centralDir });
    webHost = await startWebHostProcess({ centralUrl: central.url });
  });
  test.afterAll(async () => {
    await webHost?.stop();
    await central?.stop();
  });

  test('the clerk classifies, restricts, forwards and assigns a new item by keyboard alone, and the central record shows it', async ({ page }) => {
    test.setTimeout(150_000);
    await signIn(page, webHost.url);
    await page.getByTestId('view-new').click();
    await expect(page.getByRole('option').first()).toHaveAttribute('data-item-id', /.+/, { timeout: 30_000 });

    // From here on only keys.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    const itemId = (await page.locator('[role=option][aria-selected=true]').getAttribute('data-item-id'))!;
    await expect(page.getByTestId('section-triage')).toBeVisible();

    await page.keyboard.press('t');
    await expect(page.getByTestId('dialog-kind')).toBeVisible();
    await page.keyboard.press('2'); // 2. Moite (criticism)
    await expect(page.getByTestId('dialog-kind')).toBeHidden();

    await page.keyboard.press('s');
    await expect(page.getByTestId('dialog-service')).toBeVisible();
    await page.keyboard.type('katu');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('dialog-service')).toBeHidden();

    await page.keyboard.press('l');
    await expect(page.getByTestId('dialog-restrict')).toBeVisible();
    await page.keyboard.type('Sisältää terveystietoja');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('restricted-band')).toContainText('Sisältää terveystietoja');

    await page.keyboard.press('f');
    await expect(page.getByTestId('dialog-forward')).toBeVisible();
    await page.keyboard.type('Kaupunkiympäristö');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Katuosaston hoidettavaksi.');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('dialog-forward')).toBeHidden();

    await page.keyboard.press('a');
    await expect(page.getByTestId('dialog-assign')).toBeVisible();
    await page.keyboard.type('Kalle');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('dialog-assign')).toBeHidden();

    await expect(page.getByTestId('item-view')).toContainText('Kalle Katumestari');
    const local = await deskCall<{ serviceCode: string | null }>(page, 'getItem', { id: itemId });
    expect(local.serviceCode).not.toBeNull();

    const record = await eventually('the triage to reach the central', async () => {
      const item = (await centralItems(central.url)).find((i) => i.id === itemId);
      return item && item.assigneeId === 'kymp.vastaaja' ? item : undefined;
    }, 60_000);
    expect(record).toMatchObject({
      kind: 'criticism',
      serviceCode: local.serviceCode,
      departmentId: 'kymp',
      assigneeId: 'kymp.vastaaja',
      status: 'forwarded',
      restricted: { reason: 'Sisältää terveystietoja', by: 'neuvonta' },
    });
    const forwarded = record.history.find((h) => h.type === 'forwarded');
    expect(forwarded?.details).toMatchObject({ to: 'kymp', note: 'Katuosaston hoidettavaksi.' });
    await page.screenshot({ path: 'test-results/screenshots/triage-panel.png' });
  });

  test('suggestions show their reasons and evidence, and a number key accepts one', async ({ page }) => {
    await signIn(page, webHost.url);
    const text = 'Teen muistutuksen terveysaseman toiminnasta: minulla on diabetes eikä lääkäri ehtinyt tutkia minua.';
    const itemId = `walkin-e2e-${Date.now()}`;
    await deskCall(page, 'mutate', {
      name: 'createWalkIn',
      args: { itemId, serviceRequestId: 'e2esuggest' + String(Date.now()).slice(-10), kind: 'criticism', language: 'fi', description: text, publicationPermission: false, permissionAsked: true },
    });
    await page.keyboard.press('/');
    await page.keyboard.type('muistutus terveysasema');
    await page.keyboard.press('Enter');
    await expect(page.locator(`[data-testid=search-hit][data-item-id="${itemId}"]`)).toBeVisible({ timeout: 30_000 });
    await page.locator(`[data-testid=search-hit][data-item-id="${itemId}"]`).click();
    const suggestions = page.getByTestId('suggestions');
    await expect(suggestions.getByTestId('suggestion-redirect_to_registry')).toContainText('muistutuksen');
    await expect(suggestions.getByTestId('suggestion-restrict')).toContainText('diabetes');
    await suggestions.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/triage-suggestions.png' });
    // Nothing has been applied by itself.
    await expect(page.getByTestId('restricted-band')).toHaveCount(0);
    await page.keyboard.press('2');
    await expect(page.getByTestId('restricted-band')).toContainText('Terveys- tai sosiaalipalvelujen asiakastietoja');
    await expect(suggestions.getByTestId('suggestion-restrict')).toHaveCount(0);
    // The registry suggestion shows the reply in the item's language before anything happens.
    await page.keyboard.press('1');
    await expect(page.getByTestId('redirect-reply')).toContainText('kirjaamo');
    await page.waitForTimeout(400); // the dialog's fade-in, for the picture only
    await page.screenshot({ path: 'test-results/screenshots/triage-redirect.png' });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('dialog-redirect')).toBeHidden();
  });

  test('a bulk action on a selection makes one change per selected item', async ({ page }) => {
    await signIn(page, webHost.url);
    await page.getByTestId('view-in_triage').click();
    await expect(page.getByRole('option').nth(1)).toHaveAttribute('data-item-id', /.+/, { timeout: 30_000 });
    await page.keyboard.press('Escape');
    const ids = [await page.getByRole('option').nth(0).getAttribute('data-item-id'), await page.getByRole('option').nth(1).getAttribute('data-item-id')];
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(page.getByTestId('bulk-bar')).toContainText('2 valittu');
    await page.screenshot({ path: 'test-results/screenshots/bulk-selection.png' });
    await page.keyboard.press('t');
    await expect(page.getByTestId('dialog-kind')).toContainText('2 valittu');
    await page.keyboard.press('4'); // 4. Kehitysehdotus (suggestion)
    await expect(page.getByTestId('notice')).toContainText('2 päivitetty, 0 epäonnistui');
    await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
    for (const id of ids) expect((await deskCall<{ kind: string }>(page, 'getItem', { id })).kind).toBe('suggestion');
  });

  test('a photo a citizen sent shows as a thumbnail in the item and opens larger', async ({ page }) => {
    await signIn(page, webHost.url);
    // A photo drawn by the browser (road, pothole), sent through the public Open311 API as a citizen would.
    const png = Buffer.from(await page.evaluate<string>(DRAW_POTHOLE_PNG), 'base64');
    const form = new FormData();
    for (const [k, v] of Object.entries({ api_key: 'demo-api-key', service_code: '171', description: 'Syvä kuoppa pyöräkaistalla Hämeentiellä, kuva liitteenä.', lat: '60.1870', long: '24.9600' })) form.append(k, v);
    form.append('media[]', new Blob([png], { type: 'image/png' }), 'kuoppa.png');
    expect((await fetch(`${central.url}/open311/v1/requests.json`, { method: 'POST', body: form })).status).toBe(200);

    await page.keyboard.press('/');
    await page.keyboard.type('pyöräkaistalla kuoppa');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-hit').first()).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('search-hit').first().click();
    const original = page.getByTestId('section-original');
    const thumb = original.getByRole('button', { name: 'Avaa kuva kuoppa.png suurempana' });
    await expect(thumb).toBeVisible({ timeout: 30_000 });
    // The thumbnail is the photo itself, decoded by the browser.
    expect(await thumb.locator('img').evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBe(480);
    await original.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/item-photo-thumb.png' });
    await thumb.click();
    const viewer = page.getByRole('dialog', { name: 'kuoppa.png' });
    await expect(viewer.locator('img')).toBeVisible();
    await page.waitForTimeout(400); // the dialog's fade-in, for the picture only
    await page.screenshot({ path: 'test-results/screenshots/item-photo-open.png' });
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
  });

  test('a letter mailed in as a PDF is downloaded from the item under its own name', async ({ page }) => {
    await signIn(page, webHost.url);
    const eml = join(tempDir('mail'), 'kirje.eml');
    const pdf = '%PDF-1.4 Kirje kaupungille puistonpenkeistä';
    writeFileSync(
      eml,
      mimeMessage({
        from: 'kirjoittaja@example.com',
        subject: 'Kirje puistonpenkeistä',
        messageId: 'e2e-kirje@example.com',
        text: 'Puistonpenkeistä kirjoittamani kirje on liitteenä.',
        files: [{ name: 'kirje.pdf', type: 'application/pdf', data: pdf }],
      }),
    );
    execFileSync(process.execPath, ['--import', 'tsx', 'central/mail/import-cli.ts', eml, '--data', centralDir], { stdio: 'pipe' });
    // The importer wrote to the central's database directly: no live poke, so ask for a pull.
    await deskCall(page, 'syncNow', {});

    await page.keyboard.press('/');
    await page.keyboard.type('puistonpenkeistä kirje');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-hit').first()).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('search-hit').first().click();
    const button = page.getByRole('button', { name: 'Lataa liite kirje.pdf koneellesi' });
    await expect(button).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('kirje.pdf');
    expect(readFileSync(await download.path(), 'utf8')).toBe(pdf);
    await page.getByTestId('section-original').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/item-file-download.png' });
  });

  test('search finds inflected words with highlights; the dashboard draws its charts', async ({ page }) => {
    await signIn(page, webHost.url);
    await page.keyboard.press('/');
    await page.keyboard.type('katuvaloja');
    await page.keyboard.press('Enter');
    const hits = page.getByTestId('search-hit');
    await expect(hits.first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('mark.ir-hit').first()).toBeVisible();
    expect((await page.locator('mark.ir-hit').first().innerText()).toLowerCase()).toMatch(/^katuval/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('section-original')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/search-results.png' });
    await page.getByTestId('search-help-button').click();
    await expect(page.getByTestId('search-help')).toContainText('osasto:');
    await page.screenshot({ path: 'test-results/screenshots/search-help.png' });
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByTestId('view-dashboard').click();
    await expect(page.getByTestId('chart-open-by-department')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('chart-answered-within-week')).toBeVisible();
    await expect(page.getByTestId('chart-incoming-by-channel')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/dashboard.png' });
  });
});

test('a walk-in recorded while the central is down reaches it exactly once after it is back', async ({ page }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const dataDir = tempDir('central-walkin');
  let central = await startCentralProcess({ port, dataDir, seed: 'demo' });
  const webHost = await startWebHostProcess({ centralUrl: central.url });
  try {
    await signIn(page, webHost.url);
    await central.stop();
    await expect(page.getByTestId('sync-indicator')).toContainText('Ei verkkoyhteyttä', { timeout: 60_000 });

    const text = `Asiakas kertoi tiskillä, että Kalliossa on katuvalo pimeänä (${Date.now()}).`;
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    const form = page.getByTestId('walk-in-form');
    await expect(form).toBeVisible();
    // Keyboard only: the kind select opens with ArrowDown, End goes to its last option (Vikailmoitus).
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // language
    await page.keyboard.press('Tab'); // title
    await page.keyboard.type('Katuvalo pimeänä');
    await page.keyboard.press('Tab');
    await page.keyboard.type(text);
    await page.keyboard.press('Control+Enter');
    // Nothing is saved without the publication answer.
    await expect(form).toContainText('Kirjaa asiakkaan vastaus julkaisuluvasta.');
    await expect(page.locator('#walkin-permission')).toBeFocused();
    await page.keyboard.press('ArrowRight'); // "Ei saa julkaista"
    await page.locator('#walkin-email').fill('asiakas@example.fi');
    await page.waitForTimeout(300); // label animation, for the picture only
    await page.screenshot({ path: 'test-results/screenshots/walk-in-form.png' });
    await page.keyboard.press('Control+Enter');
    await expect(form).toBeHidden();
    await expect(page.getByTestId('notice')).toContainText('Palaute tallennettu');
    await expect(page.getByTestId('original-description')).toHaveText(text);

    central = await startCentralProcess({ port, dataDir, seed: 'demo' });
    await page.getByTestId('sync-indicator').click();
    await page.getByTestId('sync-now').click().catch(() => {});
    const count = async () => (await centralItems(central.url)).filter((i) => i.original.description === text).length;
    await eventually('the walk-in to reach the central', async () => (await count()) >= 1, 90_000);
    await eventually('the desk outbox to drain', async () => (await deskCall<{ pendingCount: number }>(page, 'syncStatus', {})).pendingCount === 0, 60_000);
    expect(await count()).toBe(1);
    const item = (await centralItems(central.url)).find((i) => i.original.description === text)!;
    expect(item).toMatchObject({ channel: 'verbal', kind: 'fault_report', publicationPermission: false, recordedBy: { staffId: 'neuvonta', permissionAsked: true } });
  } finally {
    await webHost.stop();
    await central.stop();
  }
});

/**
 * The moderation editor end to end: a moderator removes a phone number from a citizen's text with one
 * click, publishes, and the public Open311 API serves the placeholder, never the number.
 */
import { expect, test, type Page } from '@playwright/test';
import { repoRoot, startCentralProcess, startWebHostProcess, type RunningProcess } from '../support/processes.js';
import { eventually, StaffClient } from '../support/staff-client.js';

let central: RunningProcess;
let webHost: RunningProcess;
const screenshots = process.env.MODERATION_SCREENSHOTS ?? `${repoRoot}/test-results/moderation`;

const rand = () => Math.random().toString(36).slice(2, 8);
const srid = () => Array.from({ length: 20 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');

const PHONE = '040 765 4321';
const withPhone = { title: `Rikkinäinen penkki ${rand()}`, serviceRequestId: srid(), itemId: `walkin-${rand()}${rand()}` };
const noPermission = { title: `Roskis täynnä ${rand()}`, serviceRequestId: srid(), itemId: `walkin-${rand()}${rand()}` };
const guarded = { title: `Katuvalo pimeänä ${rand()}`, serviceRequestId: srid(), itemId: `walkin-${rand()}${rand()}` };
const contested = { title: `Kuoppa pyörätiellä ${rand()}`, serviceRequestId: srid(), itemId: `walkin-${rand()}${rand()}` };
const withPhoto = { title: `Kaatunut puu ${rand()}` };
/** A 1x1 PNG: enough for the dialog to show a photo. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b2a3c50000000049454e44ae426082', 'hex');
let admin: StaffClient;

test.beforeAll(async () => {
  central = await startCentralProcess({ seed: 'demo' });
  // Recorded at the Helsinki-info desk by someone else, before the moderator's desk starts.
  admin = new StaffClient(central.url);
  await admin.login('admin');
  const walkIn = (w: typeof withPhone, description: string, publicationPermission: boolean) =>
    admin.push('createWalkIn', { ...w, kind: 'fault_report', language: 'fi', description, publicationPermission, permissionAsked: true });
  await walkIn(withPhone, `Kallion puiston penkki on rikki ja yksi lauta puuttu kokonaan. Soittakaa minulle numeroon ${PHONE}, jos tarvitsette lisätietoja.`, true);
  await walkIn(noPermission, 'Puiston roska-astiat ovat täynnä ja roskia lentelee ympäriinsä.', false);
  await walkIn(guarded, 'Katuvalo on pimeänä Sturenkadulla. Voitte soittaa numeroon 050 111 2233.', true);
  await walkIn(contested, 'Pyörätiellä on syvä kuoppa sillan kohdalla, ja pyöräilijät joutuvat väistämään ajoradalle.', true);
  // A citizen's report with a photo, through the public API.
  const form = new FormData();
  for (const [k, v] of Object.entries({ api_key: 'demo-api-key', service_code: '234', title: withPhoto.title, description: 'Puu on kaatunut ulkoilupolun päälle.', can_be_published: 'true', lat: '60.2470', long: '24.9700' })) form.append(k, v);
  form.append('media[]', new Blob([PNG], { type: 'image/png' }), 'puu.png');
  expect((await fetch(`${central.url}/open311/v1/requests.json`, { method: 'POST', body: form })).status).toBe(200);
  webHost = await startWebHostProcess({ centralUrl: central.url });
});

test.afterAll(async () => {
  await webHost?.stop();
  await central?.stop();
});

async function signIn(page: Page) {
  await page.goto(webHost.url);
  const user = page.getByLabel('Käyttäjätunnus');
  // the desk core keeps its session: a later test starts signed in
  await expect(user.or(page.getByRole('option')).first()).toBeVisible({ timeout: 60_000 });
  if (await user.isVisible()) {
    await user.fill('moderaattori');
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  }
  await expect(page.getByRole('option').first()).toBeVisible({ timeout: 60_000 });
}

async function open(page: Page, title: string) {
  const row = page.getByRole('option').filter({ hasText: title });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await expect(page.getByTestId('section-publication')).toBeVisible();
}

test('a moderator redacts a phone number with one click and the public API shows the placeholder', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1600, height: 1300 });
  await signIn(page);
  await open(page, withPhone.title);
  const section = page.getByTestId('section-publication');

  const phone = section.locator('[data-testid="finding"][data-kind="phone"]');
  await expect(phone).toBeVisible({ timeout: 20_000 });
  await expect(phone).toContainText('estää julkaisun');
  // the checklist calls the number a problem under P19c before it is removed
  await expect(section.getByTestId('check-personal_sensitive_matters')).toHaveAttribute('data-state', 'problem');
  // the misspelled "puuttu" is underlined with Voikko's suggestions
  await expect(section.getByTestId('spelling-count')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('section-publication').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}/publication-fi-before.png` });
  await section.screenshot({ path: `${screenshots}/publication-fi-section.png` });

  await phone.getByTestId('finding-redact').click();
  const text = page.getByTestId('publication-text');
  await expect(text).toHaveValue(/\[puhelinnumero poistettu\]/);
  await expect(text).not.toHaveValue(new RegExp(PHONE));
  await expect(section.getByTestId('check-personal_sensitive_matters')).toHaveAttribute('data-state', 'ok');

  // fix the typo through its suggestion menu
  const before = await text.inputValue();
  const at = before.indexOf('puuttu');
  await text.focus();
  await text.evaluate((el, pos) => (el as unknown as { setSelectionRange(a: number, b: number): void }).setSelectionRange(pos, pos), at + 2);
  await text.press('Shift+F10');
  await page.getByTestId('spell-suggestion').filter({ hasText: /^puuttuu$/ }).click();
  await expect(text).toHaveValue(/lauta puuttuu kokonaan/);
  await expect(text).toHaveValue(/\[puhelinnumero poistettu\]/);

  await page.getByTestId('publication-tab-diff').click();
  await expect(page.getByTestId('diff-text').locator('del')).toContainText([PHONE]);
  await page.screenshot({ path: `${screenshots}/publication-fi-diff.png` });
  await page.getByTestId('publication-tab-edit').click();

  await page.getByTestId('publication-save').click();
  await expect(page.getByTestId('publication-status')).toHaveText('Tallennettu (versio 1)');
  await page.getByTestId('publication-tab-edits').click();
  await expect(page.getByTestId('publication-edits')).toContainText('Mirja Moderaattori');
  await page.getByTestId('publication-tab-edit').click();

  await page.getByTestId('publish-open').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('publish-public')).toContainText('[puhelinnumero poistettu]');
  await expect(dialog.getByTestId('publish-public')).not.toContainText(PHONE);
  await expect(dialog.getByTestId('publish-original')).toContainText(PHONE);
  await page.waitForTimeout(400); // the dialog's fade-in
  await page.screenshot({ path: `${screenshots}/publication-fi-confirm.png` });
  await dialog.getByTestId('publish-confirm').click();
  await expect(page.getByTestId('publication-state')).toHaveAttribute('data-state', 'published');

  const published = await eventually('published on the public API', async () => {
    const res = await fetch(`${central.url}/open311/v1/requests/${withPhone.serviceRequestId}.json?extensions=true`);
    if (!res.ok) return undefined;
    const [request] = (await res.json()) as Array<{ description: string; extended_attributes?: { title?: string } }>;
    return request?.description?.includes('[puhelinnumero poistettu]') ? request : undefined;
  }, 30_000);
  expect(published.description).not.toContain(PHONE);
  expect(published.description).not.toContain('765');
  expect(published.description).toContain('lauta puuttuu kokonaan');
});

test('before publishing, the moderator sees the photos that would be public with the text', async ({ page }) => {
  await signIn(page);
  await open(page, withPhoto.title);
  await page.getByTestId('publish-open').click();
  const photos = page.getByRole('dialog').getByTestId('publish-photos');
  await expect(photos).toContainText('Myös nämä kuvat tulevat julki');
  await expect(photos.getByRole('img', { name: 'puu.png' })).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(400); // the dialog's fade-in
  await page.screenshot({ path: `${screenshots}/publication-photos-confirm.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('without permission the publish button is disabled and the reason is shown', async ({ page }) => {
  await signIn(page);
  await open(page, noPermission.title);
  await expect(page.getByTestId('publication-automatic')).toContainText('Ei julkaisulupaa');
  await expect(page.getByTestId('publish-open')).toBeDisabled();
  await expect(page.getByTestId('check-no_permission')).toHaveAttribute('data-state', 'problem');
});

test('publishing with a phone number left needs a written reason, in Swedish too', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1300 });
  await signIn(page);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await open(page, guarded.title);
  const section = page.getByTestId('section-publication');
  await expect(section.locator('[data-testid="finding"][data-kind="phone"]')).toBeVisible({ timeout: 20_000 });
  await expect(section.getByRole('heading', { name: 'Publicering', exact: true })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/publication-sv.png` });
  await section.screenshot({ path: `${screenshots}/publication-sv-section.png` });

  await page.getByTestId('publish-open').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('publish-remaining')).toContainText('050 111 2233');
  const confirm = dialog.getByTestId('publish-confirm');
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('override-reason').fill('kort');
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('override-reason').fill('Numret är stadens egen kundtjänst, inte avsändarens.');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${screenshots}/publication-sv-override.png` });
  await confirm.click();
  await expect(page.getByTestId('publication-state')).toHaveAttribute('data-state', 'published');
  await expect(page.getByTestId('publication-state')).toContainText('Numret är stadens egen kundtjänst');
  await page.getByRole('button', { name: 'Suomi' }).click();
});

test('a save that crosses another moderator\'s edit offers keep mine or take theirs', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await open(page, contested.title);
  const text = page.getByTestId('publication-text');
  await expect(text).toHaveValue(/syvä kuoppa/);
  await text.fill('Pyörätiellä on syvä kuoppa sillan kohdalla.');
  await expect(page.getByTestId('publication-dirty')).toBeVisible();

  // meanwhile someone else saves version 1 of the same publishable text
  await admin.push('editPublication', { itemId: contested.itemId, title: contested.title, text: 'Toisen moderaattorin versio tekstistä.', baseVersion: 0 });
  await expect(page.getByTestId('publication-tab-edits')).toContainText('(1)', { timeout: 30_000 });
  // the moderator's unsaved text is not overwritten by the pull
  await expect(text).toHaveValue('Pyörätiellä on syvä kuoppa sillan kohdalla.');

  await page.getByTestId('publication-save').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('conflict-theirs')).toContainText('Toisen moderaattorin versio tekstistä.');
  await expect(dialog.getByTestId('conflict-mine')).toContainText('Pyörätiellä on syvä kuoppa sillan kohdalla.');
  await dialog.getByRole('button', { name: 'Pidä omani' }).click();
  await expect(page.getByTestId('publication-status')).toHaveText('Tallennettu (versio 2)');

  const central2 = await eventually('version 2 on the central server', async () => {
    const { items } = await admin.pullAll();
    const it = items.find((i) => i.id === contested.itemId);
    return it?.publication.version === 2 ? it : undefined;
  });
  expect(central2.publication.text).toBe('Pyörätiellä on syvä kuoppa sillan kohdalla.');
  expect(central2.publication.edits?.map((e) => e.byName)).toEqual(['Aapo Ylläpitäjä', 'Mirja Moderaattori']);
  expect(central2.original.description).toMatch(/joutuvat väistämään/);
});

test.describe('on a desk without Voikko', () => {
  let bare: RunningProcess;
  test.beforeAll(async () => {
    const saved = process.env.FEEDBACK_DESK_VOIKKO_LIBRARY;
    process.env.FEEDBACK_DESK_VOIKKO_LIBRARY = '/nonexistent/libvoikko.so.1';
    try {
      bare = await startWebHostProcess({ centralUrl: central.url });
    } finally {
      if (saved === undefined) delete process.env.FEEDBACK_DESK_VOIKKO_LIBRARY;
      else process.env.FEEDBACK_DESK_VOIKKO_LIBRARY = saved;
    }
  });
  test.afterAll(async () => {
    await bare?.stop();
  });

  test('the editor says Finnish spelling is unavailable and why', async ({ page }) => {
    test.setTimeout(120_000);
    // a laptop-sized window: the editor stacks original and publishable version in the narrow item pane
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.goto(bare.url);
    await page.getByLabel('Käyttäjätunnus').fill('moderaattori');
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await open(page, noPermission.title);
    const alert = page.getByTestId('spelling-unavailable');
    await expect(alert).toContainText('Suomen oikoluku ei ole käytettävissä:', { timeout: 20_000 });
    await expect(alert).toContainText('libvoikko');
    await page.getByTestId('section-publication').screenshot({ path: `${screenshots}/publication-fi-no-voikko.png` });
  });
});

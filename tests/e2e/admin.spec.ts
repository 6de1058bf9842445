/**
 * The administrators' screen in browser mode: the built renderer, the real desk core and a real
 * central server. An administrator keeps the text modules (answer templates) and a department's
 * approval setting, and the central's reference (what every desk pulls) shows each change.
 */
import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PullResponse } from '../../shared/api/index.js';
import type { Reference } from '../../shared/domain/reference.js';
import { repoRoot, startCentralProcess, startWebHostProcess, type RunningProcess } from '../support/processes.js';
import { eventually } from '../support/staff-client.js';

test.describe.configure({ mode: 'serial' });

const screenshots = join(repoRoot, 'test-results', 'screenshots');

/** The reference data a desk receives with its next pull, as another (administrator's) desk would. */
async function centralReference(centralUrl: string): Promise<Reference> {
  const clientId = `e2e-${randomBytes(6).toString('hex')}`;
  const login = await fetch(`${centralUrl}/staff/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo', clientId }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${centralUrl}/staff/v1/pull?cookie=0&limit=1&clientId=${clientId}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return PullResponse.parse(await res.json()).reference!;
}

async function signInAsAdmin(page: Page, url: string) {
  page.on('pageerror', (err) => console.log('page error:', err.message));
  await page.goto(url);
  const username = page.getByLabel('Käyttäjätunnus');
  await expect(username.or(page.getByTestId('view-admin'))).toBeVisible({ timeout: 30_000 });
  if (!(await username.isVisible())) return;
  await username.fill('admin');
  await page.getByLabel('Salasana').fill('demo');
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await expect(page.getByTestId('view-admin')).toBeVisible({ timeout: 60_000 });
}

test.describe('administration', () => {
  let central: RunningProcess;
  let webHost: RunningProcess;
  test.beforeAll(async () => {
    central = await startCentralProcess({ seed: 'demo' });
    webHost = await startWebHostProcess({ centralUrl: central.url });
    mkdirSync(screenshots, { recursive: true });
  });
  test.afterAll(async () => {
    await webHost?.stop();
    await central?.stop();
  });

  test('an administrator creates, corrects, edits and deletes a text module', async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signInAsAdmin(page, webHost.url);
    await page.getByTestId('view-admin').click();
    const panel = page.getByTestId('admin-panel');
    await expect(panel.getByRole('heading', { name: 'Ylläpito' })).toBeVisible();
    const list = page.getByTestId('template-list');
    // the demo's text modules, city-wide ones with their label
    await expect(list.getByRole('row', { name: /Kiitos palautteesta/ })).toContainText('koko kaupunki');
    await expect(list.getByRole('row', { name: /Vika korjataan/ })).toContainText('Kaupunkiympäristön toimiala');

    // Filters: Kaupunkiympäristö in Swedish leaves one.
    await page.getByRole('combobox', { name: 'Toimiala' }).first().click();
    await page.getByRole('option', { name: 'Kaupunkiympäristön toimiala' }).click();
    await page.getByRole('combobox', { name: 'Kieli' }).first().click();
    await page.getByRole('option', { name: 'ruotsi' }).click();
    await expect(page.getByTestId('template-row')).toHaveCount(1);
    await expect(page.getByTestId('template-row')).toContainText('Felet repareras');
    await page.getByRole('combobox', { name: 'Kieli' }).first().click();
    await page.getByRole('option', { name: 'suomi' }).click();

    // A new Finnish Kaupunkiympäristö template (the filters preset its department and language).
    await page.getByTestId('template-new').click();
    const form = page.getByTestId('template-form');
    await expect(form.getByRole('heading', { name: 'Uusi vastauspohja' })).toBeVisible();
    await expect(form.getByRole('combobox', { name: 'Toimiala' })).toHaveText('Kaupunkiympäristön toimiala');
    await expect(form.getByRole('combobox', { name: 'Kieli' })).toHaveText('suomi');

    // Empty fields are named before anything is sent.
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await expect(form).toContainText('Anna vastauspohjalle otsikko.');
    await expect(form).toContainText('Kirjoita vastauspohjan teksti.');
    await expect(page.getByTestId('template-title')).toBeFocused();

    await page.getByTestId('template-title').fill('Katuvalo korjataan');
    const text = page.getByTestId('template-text');
    await text.fill('Hei ,\n\nkiitos ilmoituksestanne ({{item.id}}). Katuvalo korjataan kahden viikon kuluessa.');
    // The placeholder goes where the caret is, right after "Hei ".
    await text.focus();
    await text.evaluate((el) => (el as unknown as { setSelectionRange(a: number, b: number): void }).setSelectionRange(4, 4));
    await form.getByRole('button', { name: /Lisää paikkamerkki \{\{sender\.name\}\}/ }).click();
    await expect(text).toHaveValue('Hei {{sender.name}},\n\nkiitos ilmoituksestanne ({{item.id}}). Katuvalo korjataan kahden viikon kuluessa.');
    await expect(text).toBeFocused();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nYstävällisin terveisin\n');
    await form.getByRole('button', { name: /\{\{responder\.name\}\}/ }).click();
    await expect(page.getByTestId('template-preview-text')).toContainText('Hei Maija Meikäläinen,');
    await expect(page.getByTestId('template-preview-text')).toContainText('(a1b2c3d4e5f6g7h8i9j0)');
    await expect(page.getByTestId('template-preview-text')).toContainText('Ystävällisin terveisin\nMatti Virtanen');
    await expect(page.getByTestId('template-unsaved')).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'admin.png') });

    // Saved with Ctrl+Enter from the text.
    await text.press('Control+Enter');
    await expect(page.getByTestId('notice')).toContainText('Vastauspohja "Katuvalo korjataan" tallennettu.');
    const row = list.getByRole('row', { name: /Katuvalo korjataan/ });
    await expect(row).toContainText('Kaupunkiympäristön toimiala');
    await expect(row).toContainText('suomi');
    await expect(row).toContainText('Aapo Ylläpitäjä');
    await expect(form.getByRole('heading', { name: 'Muokkaa vastauspohjaa' })).toBeVisible();
    await expect(page.getByTestId('template-unsaved')).toBeHidden();
    const created = await eventually('the template at the central', async () => (await centralReference(central.url)).templates.find((t) => t.title === 'Katuvalo korjataan'));
    expect(created).toMatchObject({ departmentId: 'kymp', language: 'fi', updatedBy: 'admin' });
    expect(created.text).toBe('Hei {{sender.name}},\n\nkiitos ilmoituksestanne ({{item.id}}). Katuvalo korjataan kahden viikon kuluessa.\n\nYstävällisin terveisin\n{{responder.name}}');
    // the desk's own copy has it too (the desk core pulled again), so the answer editor offers it
    await eventually('the desk cache to hold it', async () =>
      page.evaluate(async (id) => {
        const res = await fetch('/desk/api/getReference', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        return ((await res.json()) as { templates: { id: string }[] }).templates.some((t) => t.id === id);
      }, created.id),
    );

    // A typo in a placeholder is named at once, and saving is refused before anything is sent.
    await text.fill(`${created.text}\n{{responder.departmnet}}`);
    await expect(form).toContainText('Tuntematon paikkamerkki: {{responder.departmnet}}.');
    await expect(page.getByTestId('template-preview-text').locator('mark')).toHaveText('{{responder.departmnet}}');
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await expect(page.getByTestId('template-error')).toContainText('Korjaa lomakkeen virheet ennen tallentamista.');
    await expect(text).toBeFocused();
    await page.screenshot({ path: join(screenshots, 'admin-typo.png') });
    expect((await centralReference(central.url)).templates.find((t) => t.id === created.id)?.text).toBe(created.text);

    // Corrected and renamed: an edit of the same template.
    await text.fill(`${created.text}\n{{responder.department}}`);
    await expect(form).not.toContainText('Tuntematon paikkamerkki');
    await page.getByTestId('template-title').fill('Katuvalo korjataan pian');
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await expect(page.getByTestId('notice')).toContainText('Vastauspohja "Katuvalo korjataan pian" tallennettu.');
    await expect(list.getByRole('row', { name: /Katuvalo korjataan pian/ })).toBeVisible();
    await expect(list.getByRole('button', { name: 'Katuvalo korjataan', exact: true })).toHaveCount(0);
    await eventually('the edit at the central', async () => {
      const t = (await centralReference(central.url)).templates.find((x) => x.id === created.id);
      return t?.title === 'Katuvalo korjataan pian' && t.text.endsWith('{{responder.department}}') ? t : undefined;
    });

    // Opening another template with unsaved changes asks first.
    await text.fill('Keskeneräinen muutos');
    await list.getByRole('button', { name: 'Talvikunnossapito' }).click();
    const discard = page.getByTestId('template-discard-dialog');
    await expect(discard).toContainText('Lomakkeella on tallentamattomia muutoksia.');
    await discard.getByRole('button', { name: 'Jatka muokkausta' }).click();
    await expect(text).toHaveValue('Keskeneräinen muutos');
    await form.getByRole('button', { name: 'Peruuta muutokset' }).click();
    await expect(text).toHaveValue(/^Hei \{\{sender\.name\}\}/);

    // Deleted after a confirmation.
    await form.getByRole('button', { name: 'Poista', exact: true }).click();
    const dialog = page.getByTestId('template-delete-dialog');
    await expect(dialog).toContainText('Vastauspohja "Katuvalo korjataan pian" poistetaan kaikilta vastaajilta.');
    await dialog.getByRole('button', { name: 'Poista vastauspohja' }).click();
    await expect(page.getByTestId('notice')).toContainText('Vastauspohja "Katuvalo korjataan pian" poistettu.');
    await expect(list.getByRole('row', { name: /Katuvalo korjataan/ })).toHaveCount(0);
    await expect(form.getByRole('heading', { name: 'Uusi vastauspohja' })).toBeVisible();
    await eventually('the deletion at the central', async () => !(await centralReference(central.url)).templates.some((t) => t.id === created.id));
  });

  test('a failed save keeps the form, and a department\'s approval setting reaches the central', async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signInAsAdmin(page, webHost.url);
    await page.getByTestId('view-admin').click();

    await page.getByTestId('admin-tab-departments').click();
    const kasko = page.getByTestId('department-kasko');
    const toggle = kasko.getByRole('switch', { name: /Vastaukset hyväksytetään ennen lähettämistä/ });
    await expect(toggle).toHaveAccessibleName('Vastaukset hyväksytetään ennen lähettämistä Kasvatuksen ja koulutuksen toimiala');
    await expect(toggle).not.toBeChecked();
    await expect(page.getByTestId('department-kymp').getByRole('switch')).toBeChecked();
    // By keyboard: from the tab into the list, past Helsinki-neuvonta to Kasvatus ja koulutus.
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('department-neuvonta').getByRole('switch')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('notice')).toContainText('Kasvatuksen ja koulutuksen toimiala: vastaukset hyväksytetään nyt ennen lähettämistä.');
    await expect(toggle).toBeChecked();
    // the keyboard focus stays on the switch through the save
    await expect(toggle).toBeFocused();
    await eventually('the setting at the central', async () => (await centralReference(central.url)).departments.find((d) => d.id === 'kasko')?.requiresApproval === true);
    await page.screenshot({ path: join(screenshots, 'admin-departments.png') });

    // After a reload the screen reads it back from the desk's copy.
    await page.reload();
    await expect(page.getByTestId('view-admin')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('view-admin').click();
    await page.getByTestId('admin-tab-departments').click();
    await expect(page.getByTestId('department-kasko').getByRole('switch')).toBeChecked();

    // The central goes away: a save fails with a translated reason and the form keeps its text.
    await page.getByTestId('admin-tab-templates').click();
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-title').fill('Ei vielä tallessa');
    await page.getByTestId('template-text').fill('Hei {{sender.name}}, tämä odottaa yhteyttä.');
    await central.stop();
    await page.getByTestId('template-form').getByRole('button', { name: 'Tallenna' }).click();
    await expect(page.getByTestId('template-error')).toContainText('Vastauspohjaa ei tallennettu: Keskuspalvelimeen ei saada yhteyttä.', { timeout: 30_000 });
    await expect(page.getByTestId('template-error')).toContainText('Lomakkeen tekstit ovat tallessa.');
    await expect(page.getByTestId('template-title')).toHaveValue('Ei vielä tallessa');
    await expect(page.getByTestId('template-text')).toHaveValue('Hei {{sender.name}}, tämä odottaa yhteyttä.');
    await expect(page.getByTestId('admin-offline')).toBeVisible({ timeout: 60_000 });
    // the setting switch refuses too, and goes back to what the central has
    await page.getByTestId('admin-tab-departments').click();
    await page.getByTestId('department-kasko').getByRole('switch').click();
    await expect(page.getByTestId('department-kasko-error')).toContainText('asetusta ei muutettu. Keskuspalvelimeen ei saada yhteyttä.');
    await expect(page.getByTestId('department-kasko').getByRole('switch')).toBeChecked();
    // and the unsaved template is still there after visiting the inbox
    await page.getByTestId('view-all').click();
    await page.getByTestId('view-admin').click();
    await page.getByTestId('admin-tab-templates').click();
    await expect(page.getByTestId('template-title')).toHaveValue('Ei vielä tallessa');
  });
});

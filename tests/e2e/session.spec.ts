/**
 * A shared counter desk (P29): a clerk's session expires while a change of theirs is still unsent,
 * and a colleague comes to sign in. The colleague is told, and the change is discarded only if
 * they say so.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { freePort, startCentralProcess, startWebHostProcess, tempDir } from '../support/processes.js';

test('a colleague signing in is warned of the previous user\'s unsent change and may discard it knowingly', async ({ page }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const dataDir = tempDir('central-session');
  let central = await startCentralProcess({ port, dataDir, seed: 'demo' });
  const webHost = await startWebHostProcess({ centralUrl: central.url });
  try {
    await page.goto(webHost.url);
    await page.getByLabel('Käyttäjätunnus').fill('neuvonta');
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await expect(page.getByRole('option').first()).toBeVisible({ timeout: 60_000 });

    // The central goes away; the clerk's comment waits in the outbox.
    await central.stop();
    await expect(page.getByTestId('sync-indicator')).toContainText('Ei verkkoyhteyttä', { timeout: 60_000 });
    const itemId = (await page.getByRole('option').first().getAttribute('data-item-id'))!;
    const queued = await page.evaluate(
      async (id) => (await fetch('/desk/api/mutate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'addComment', args: { itemId: id, text: 'Soitan asiakkaalle huomenna.' } }) })).status,
      itemId,
    );
    expect(queued).toBe(200);

    // Meanwhile the clerk's session ends on the server (expired, or revoked by an administrator).
    const db = new Database(join(dataDir, 'central.sqlite'));
    db.prepare('DELETE FROM sessions').run();
    db.close();
    central = await startCentralProcess({ port, dataDir, seed: 'demo' });
    await expect(page.getByLabel('Käyttäjätunnus')).toBeVisible({ timeout: 60_000 });

    await page.getByLabel('Käyttäjätunnus').fill('kymp.vastaaja');
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    const warning = page.getByTestId('sign-in-others-changes');
    await expect(warning).toContainText('Edellinen käyttäjä on tehnyt tällä koneella muutoksia');
    // the author could still sign in from here to send it
    await expect(page.getByRole('button', { name: 'Kirjaudu sisään' })).toBeEnabled();
    await page.screenshot({ path: 'test-results/screenshots/sign-in-others-changes.png' });
    await warning.getByRole('button', { name: 'Kirjaudu silti ja hävitä muutokset' }).click();
    await expect(page.getByRole('option').first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('sync-indicator')).not.toContainText('odottaa');
  } finally {
    await webHost.stop();
    await central.stop();
  }
});

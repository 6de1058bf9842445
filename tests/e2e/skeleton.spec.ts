/**
 * One way through in browser mode: the built renderer served by the desk web host, the real desk
 * core and a real central server, driven in Chromium as a Helsinki-info clerk would.
 */
import { expect, test } from '@playwright/test';
import { startCentralProcess, startWebHostProcess, type RunningProcess } from '../support/processes.js';
import { StaffClient } from '../support/staff-client.js';

let central: RunningProcess;
let webHost: RunningProcess;

test.beforeAll(async () => {
  central = await startCentralProcess({ seed: 'demo' });
  webHost = await startWebHostProcess({ centralUrl: central.url });
});

test.afterAll(async () => {
  await webHost?.stop();
  await central?.stop();
});

// Runs first: the desk core keeps its session, so later tests start signed in.
test('wrong password shows a clear Finnish error and keeps the sign-in form', async ({ page }) => {
  await page.goto(webHost.url);
  await page.getByLabel('Käyttäjätunnus').fill('neuvonta');
  await page.getByLabel('Salasana').fill('väärä');
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await expect(page.getByRole('alert')).toContainText(/tunnus|salasana/i);
  await expect(page.getByLabel('Käyttäjätunnus')).toBeVisible();
});

test('a clerk signs in, sees the inbox and opens an item whose text is the central record', async ({ page }) => {
  await page.goto(webHost.url);
  await page.getByLabel('Käyttäjätunnus').fill('neuvonta');
  await page.getByLabel('Salasana').fill('demo');
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();

  const rows = page.getByRole('option');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });

  await rows.first().click();
  const shown = page.getByTestId('original-description');
  await expect(shown).toBeVisible();

  const clerk = new StaffClient(central.url);
  await clerk.login('neuvonta');
  const { items } = await clerk.pullAll();
  const shownText = (await shown.innerText()).trim();
  const record = items.find((i) => i.original.description.trim() === shownText);
  expect(record, 'the opened item text matches a central record').toBeTruthy();
  await expect(page.getByText(record!.serviceRequestId)).toBeVisible();
});

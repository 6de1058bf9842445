/**
 * Answering with colleagues (issue 10) in browser mode: real desks (web hosts) of responders in
 * different departments, a real central and a real SMTP server on loopback, driven in Chromium.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { isPublicationPending } from '../../shared/workflow/publication.js';
import type { FeedbackItem } from '../../shared/domain/index.js';
import { FaultProxy } from '../support/fault-proxy.js';
import { freePort, startCentralProcess, startWebHostProcess, tempDir, type RunningProcess } from '../support/processes.js';
import { eventually, StaffClient } from '../support/staff-client.js';
import { startSmtp, type TestSmtp } from '../open311/support/smtp.js';

test.describe.configure({ mode: 'serial' });

async function centralItems(centralUrl: string, as = 'admin'): Promise<FeedbackItem[]> {
  const client = new StaffClient(centralUrl);
  await client.login(as);
  return (await client.pullAll()).items;
}

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function deskPage(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fi-FI', timezoneId: 'Europe/Helsinki' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.log(`page error (${username}):`, err.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`console (${username}):`, m.text());
  });
  await page.goto(url);
  await page.getByLabel('Käyttäjätunnus').fill(username);
  await page.getByLabel('Salasana').fill('demo');
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await expect(page.getByRole('option').first()).toBeVisible({ timeout: 60_000 });
  return page;
}

/** Open an item the way a person would: search its public id and open the hit. */
async function openBySearch(page: Page, serviceRequestId: string) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.type(serviceRequestId);
  await page.keyboard.press('Enter');
  const hit = page.getByRole('option').filter({ hasText: serviceRequestId }).or(page.getByRole('option').first());
  await expect(hit.first()).toBeVisible({ timeout: 30_000 });
  await hit.first().click();
  await expect(page.getByTestId('item-service-request-id')).toHaveText(serviceRequestId, { timeout: 30_000 });
}

async function openFromView(page: Page, view: string, itemId: string) {
  await page.getByTestId(`view-${view}`).click();
  const row = page.locator(`[data-item-id="${itemId}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
}

/** An open kymp item assigned to Kalle that nobody else is at work on; `mailable`: with an address and publication permission. */
function pickKympItem(items: FeedbackItem[], mailable: boolean): FeedbackItem {
  const found = items.find(
    (i) =>
      i.assigneeId === 'kymp.vastaaja' &&
      !i.restricted &&
      !i.answer.sent &&
      !i.answer.approval &&
      (i.status === 'in_progress' || i.status === 'forwarded') &&
      (i.commentRequests ?? []).length === 0 &&
      (i.shares ?? []).length === 0 &&
      (!mailable || (i.contact.email && i.publicationPermission && i.channel !== 'email' && !i.answer.draft)),
  );
  if (!found) throw new Error('the demo seed has no suitable kymp item');
  return found;
}

test.describe('answering with colleagues', () => {
  let smtp: TestSmtp;
  let central: RunningProcess;
  let port: number;
  const dataDir = tempDir('central-answering');
  const hosts: RunningProcess[] = [];
  let mailEnv: NodeJS.ProcessEnv;

  test.beforeAll(async () => {
    smtp = await startSmtp();
    port = await freePort();
    mailEnv = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'Helsingin kaupunki <palaute-noreply@example.invalid>', MAIL_RETRY_BASE_MS: '150', MAIL_POLL_MS: '100' };
    central = await startCentralProcess({ port, dataDir, seed: 'demo', env: mailEnv });
  });
  test.afterAll(async () => {
    for (const h of hosts) await h.stop();
    await central?.stop();
    await smtp?.close();
  });

  test('a comment request answered offline, a template, four eyes, one mail to the citizen, and the publication queue', async ({ browser }) => {
    test.setTimeout(300_000);
    const item = pickKympItem(await centralItems(central.url), true);
    const [hostA, hostB, hostC] = await Promise.all([
      startWebHostProcess({ centralUrl: central.url }),
      startWebHostProcess({ centralUrl: central.url }),
      startWebHostProcess({ centralUrl: central.url }),
    ]);
    hosts.push(hostA, hostB, hostC);
    const a = await deskPage(browser, hostA.url, 'kymp.vastaaja');
    const b = await deskPage(browser, hostB.url, 'kasko.vastaaja');

    // A asks B, in another department, for a comment due in two days.
    await openBySearch(a, item.serviceRequestId);
    await a.getByTestId('collab-ask').click();
    const ask = a.getByTestId('dialog-ask');
    await ask.getByLabel('Keneltä (henkilöt tai toimialat)').fill('Kaisa');
    await a.getByRole('option', { name: /Kaisa Koulutoimi/ }).click();
    await ask.getByLabel('Kysymys').fill('Onko koulun edustalla tulossa katutöitä tällä viikolla?');
    const due = await ask.getByTestId('ask-due').inputValue();
    const twoDays = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date(Date.now() + 2 * 24 * 3600_000));
    expect(due).toBe(twoDays);
    await a.screenshot({ path: 'test-results/screenshots/ask-comment.png' });
    await ask.getByTestId('triage-submit').click();
    await expect(a.getByTestId('comment-request')).toContainText('Kaisa Koulutoimi');
    await expect(a.getByTestId('work-chips')).toContainText('Lausuntoa pyydetty');
    // A goes on with other work.
    await a.getByRole('button', { name: 'Takaisin listaan (Esc)' }).click();
    await a.getByTestId('view-mine').click();

    // B sees it in "comments requested from me", with the question first.
    await expect(b.getByTestId('view-requested_from_me')).toContainText(/[1-9]/, { timeout: 30_000 });
    await openFromView(b, 'requested_from_me', item.id);
    await expect(b.getByTestId('guest-band')).toContainText('Onko koulun edustalla tulossa katutöitä');
    await expect(b.getByTestId('notifications-button')).toHaveAttribute('aria-label', /, [1-9]\d* lukematonta/);

    // B loses the central, writes the comment (C), and gets the central back.
    await central.stop();
    await expect(b.getByTestId('sync-indicator')).toContainText('Ei verkkoyhteyttä', { timeout: 60_000 });
    await b.getByTestId('item-title').click();
    await b.keyboard.press('c');
    await expect(b.locator('#comment-composer')).toBeFocused();
    const commentText = 'Katutöitä ei ole tulossa, koulun piha-alue korjataan vasta keväällä.';
    await b.keyboard.type(commentText);
    await b.keyboard.press('Control+Enter');
    await expect(b.getByTestId('notice')).toContainText('Kommentti lisätty');
    await expect(b.getByTestId('sync-indicator')).toContainText('1 muutos odottaa');
    await b.screenshot({ path: 'test-results/screenshots/comment-offline.png' });
    central = await startCentralProcess({ port, dataDir, seed: 'demo', env: mailEnv });
    await eventually('the comment to reach the central', async () => {
      const now = (await centralItems(central.url)).find((i) => i.id === item.id);
      return now?.comments.some((c) => c.text === commentText) ?? false;
    }, 90_000);
    // Their comment answered the request, so the item has left B's desk, which says so.
    await expect(b.getByTestId('departed-notice')).toContainText('Lausuntopyyntö', { timeout: 60_000 });

    // A hears of it, sees "new comments" on the item, opens it from the notification, keeps B
    // informed, and writes the answer from a text module with ::.
    await expect(a.getByTestId('notifications-button')).toHaveAttribute('aria-label', /, [1-9]\d* lukematonta/, { timeout: 60_000 });
    await a.keyboard.press('/');
    await a.keyboard.type(item.serviceRequestId);
    await a.keyboard.press('Enter');
    await expect(a.getByRole('option').filter({ hasText: item.serviceRequestId }).or(a.getByRole('option').first()).getByTestId('work-chip')).toHaveText('Uusia kommentteja', { timeout: 30_000 });
    await a.getByTestId('notifications-button').click();
    const note = a.getByTestId('notification').filter({ hasText: 'Kaisa Koulutoimi vastasi lausuntopyyntöösi' });
    await expect(note).toHaveAttribute('data-read', 'false');
    await a.screenshot({ path: 'test-results/screenshots/notifications.png' });
    await note.click();
    await expect(a.getByTestId('item-service-request-id')).toHaveText(item.serviceRequestId);
    await expect(a.getByTestId('work-chips')).toContainText('Uusia kommentteja');
    await expect(a.locator('[data-testid="section-comments"]')).toContainText(commentText);
    await expect(a.getByTestId('notifications-button')).toHaveAttribute('aria-label', /, 0 lukematonta/, { timeout: 10_000 });
    await a.getByTestId('collab-share').click();
    await a.getByTestId('dialog-share').getByLabel('Kenelle').fill('Kaisa');
    await a.getByRole('option', { name: /Kaisa Koulutoimi/ }).click();
    await a.getByTestId('dialog-share').getByTestId('triage-submit').click();
    await expect(a.getByTestId('shares')).toContainText('Kaisa Koulutoimi');

    await a.getByTestId('item-title').click();
    await a.keyboard.press('r');
    const editor = a.getByTestId('answer-editor');
    await expect(editor).toBeFocused();
    const template = { fi: ['kiitos', 'Kiitos palautteesta'], sv: ['tack', 'Tack för responsen'], en: ['thank', 'Thank you for your feedback'] }[item.language];
    await a.keyboard.type(`::${template[0]}`);
    await expect(a.getByTestId('picker').getByRole('option').first()).toContainText(template[1]);
    await a.screenshot({ path: 'test-results/screenshots/template-picker.png' });
    await a.keyboard.press('Enter');
    await expect(editor).toHaveValue(new RegExp(`\\(${item.serviceRequestId}\\)`));
    await expect(editor).not.toHaveValue(/\{\{/);
    await a.keyboard.type('Koulun edustalla ei ole tulossa katutöitä; piha-alue korjataan keväällä.');
    await expect(a.getByTestId('draft-status')).toContainText('Tallennettu', { timeout: 15_000 });
    const answerText = await editor.inputValue();

    // Kaupunkiympäristö requires four eyes: A submits, the approver approves.
    await a.getByTestId('send-answer').click();
    await expect(a.getByTestId('send-refusal')).toContainText('hyväksytettävä ennen lähettämistä');
    await a.getByTestId('dialog-send').getByRole('button', { name: 'Peruuta' }).click();
    await a.getByTestId('submit-for-approval').click();
    await a.getByTestId('dialog-approval').getByRole('combobox', { name: 'Hyväksyjä' }).fill('Eeva');
    await a.getByRole('option', { name: /Eeva Esihenkilö/ }).click();
    await a.getByTestId('dialog-approval').getByTestId('triage-submit').click();
    await expect(a.getByTestId('approval-band')).toContainText('Odottaa hyväksyntää: Eeva Esihenkilö');

    const c = await deskPage(browser, hostC.url, 'kymp.esihenkilo');
    await expect(c.getByTestId('view-to_approve')).toContainText(/[1-9]/, { timeout: 30_000 });
    await openFromView(c, 'to_approve', item.id);
    await expect(c.getByTestId('answer-editor')).toHaveValue(answerText);
    await c.getByTestId('approve').click();
    await expect(c.getByTestId('approval-band')).toContainText('Hyväksynyt Eeva Esihenkilö');

    // A sends: the confirmation shows the recipient and the exact text.
    await expect(a.getByTestId('approval-band')).toContainText('Hyväksynyt', { timeout: 30_000 });
    await a.getByTestId('send-answer').click();
    const send = a.getByTestId('dialog-send');
    await expect(send.getByTestId('send-recipient')).toHaveText(item.contact.email!);
    await expect(send.getByTestId('send-text')).toHaveText(answerText);
    await a.screenshot({ path: 'test-results/screenshots/send-answer.png' });
    await send.getByRole('button', { name: 'Lähetä sähköpostilla' }).click();
    await expect(a.getByTestId('answer-sent')).toHaveText(answerText, { timeout: 15_000 });

    // Exactly one mail to the citizen, in the item's language, with the answer and no comment.
    const mail = await smtp.waitFor((m) => m.text?.includes('Koulun edustalla ei ole tulossa katutöitä') ?? false, 60_000);
    const subjects = { fi: 'Vastaus palautteeseesi', sv: 'Svar på din respons', en: 'Answer to your feedback' } as const;
    expect(mail.subject).toContain(subjects[item.language]);
    expect(JSON.stringify(mail.to)).toContain(item.contact.email!);
    await new Promise((r) => setTimeout(r, 1500));
    const toCitizen = smtp.messages.filter((m) => JSON.stringify(m.to).includes(item.contact.email!));
    expect(toCitizen).toHaveLength(1);
    for (const m of smtp.messages) expect(m.text ?? '').not.toContain(commentText);

    // Answered on the desks, on the citizen's status page, and waiting in the moderators' queue.
    await expect(a.getByTestId('item-view').getByText('Vastattu').first()).toBeVisible();
    await expect(c.getByTestId('answer-sent')).toHaveText(answerText, { timeout: 30_000 });
    await openFromView(b, 'shared_with_me', item.id);
    await expect(b.getByTestId('answer-sent')).toHaveText(answerText, { timeout: 30_000 });
    const link = /https?:\/\/\S+\/status\/[A-Za-z0-9_-]{32}/.exec(mail.text ?? '')![0];
    const statusPage = await (await fetch(link.replace(/^https?:\/\/[^/]+/, central.url))).text();
    expect(statusPage).toContain('Koulun edustalla ei ole tulossa katutöitä');
    expect(statusPage).not.toContain(commentText);
    const forModerators = (await centralItems(central.url, 'moderaattori')).find((i) => i.id === item.id)!;
    expect(forModerators.status).toBe('answered');
    expect(isPublicationPending(forModerators)).toBe(true);
  });

  test('two responders edit one draft, one of them offline: the second merges and no word is lost; presence shows', async ({ browser }) => {
    test.setTimeout(240_000);
    const item = pickKympItem(await centralItems(central.url), false);
    const proxy = new FaultProxy(central.url);
    await proxy.start();
    const [hostA, hostC] = await Promise.all([startWebHostProcess({ centralUrl: central.url }), startWebHostProcess({ centralUrl: proxy.url })]);
    hosts.push(hostA, hostC);
    try {
      const a = await deskPage(browser, hostA.url, 'kymp.vastaaja');
      const c = await deskPage(browser, hostC.url, 'kymp.esihenkilo');
      await openBySearch(a, item.serviceRequestId);
      await openBySearch(c, item.serviceRequestId);
      // Presence: each sees the other on the item.
      await expect(a.getByTestId('presence-avatar')).toHaveAttribute('aria-label', /Eeva Esihenkilö/, { timeout: 15_000 });
      await expect(c.getByTestId('presence-avatar')).toHaveAttribute('aria-label', /Kalle Katumestari/, { timeout: 15_000 });
      await a.getByTestId('answer-editor').click();
      await expect(c.getByTestId('presence-avatar')).toHaveAttribute('data-editing', 'true', { timeout: 5_000 });
      await a.screenshot({ path: 'test-results/screenshots/presence.png' });

      // C loses the network and writes; A writes online.
      proxy.goOffline();
      await expect(c.getByTestId('presence-unknown')).toBeVisible({ timeout: 30_000 });
      const theirs = 'Kuoppa paikataan ensi viikolla, kiitos ilmoituksesta.';
      const mine = 'Olemme tilanneet korjauksen urakoitsijalta.';
      await c.getByTestId('answer-editor').fill(mine);
      await expect(c.getByTestId('draft-status')).toContainText('Tallennettu', { timeout: 15_000 });
      await a.getByTestId('answer-editor').fill(theirs);
      await expect(a.getByTestId('draft-status')).toContainText('Tallennettu', { timeout: 15_000 });
      await eventually('A\'s draft on the central', async () => (await centralItems(central.url)).find((i) => i.id === item.id)?.answer.draft?.text === theirs, 30_000);

      // C is back: its save crossed A's, and C sees both texts and merges.
      proxy.setMode('pass');
      const merge = c.getByTestId('merge-panel');
      await expect(merge).toBeVisible({ timeout: 60_000 });
      await expect(merge.getByTestId('merge-mine')).toHaveText(mine);
      await expect(merge.getByTestId('merge-theirs')).toHaveText(theirs);
      await c.screenshot({ path: 'test-results/screenshots/draft-merge.png' });
      const merged = await merge.getByTestId('merge-result').inputValue();
      for (const word of `${theirs} ${mine}`.match(/[\p{L}\p{N}]+/gu)!) expect(merged).toContain(word);
      await merge.getByTestId('merge-save').click();
      await expect(merge).toBeHidden();
      await eventually('the merged draft on the central', async () => (await centralItems(central.url)).find((i) => i.id === item.id)?.answer.draft?.text === merged, 30_000);
      await expect(a.getByTestId('answer-editor')).toHaveValue(merged, { timeout: 30_000 });
      await expect(c.getByTestId('sync-indicator')).not.toContainText('hylätty');
    } finally {
      await proxy.stop();
    }
  });

  test('an item restricted as sensitive refuses sending by email with the reason; recording "answered by phone" answers it', async ({ browser }) => {
    test.setTimeout(180_000);
    const items = await centralItems(central.url);
    const item = items.find((i) => i.restricted && i.assigneeId === 'kasko.vastaaja' && i.contact.email && !i.answer.sent)!;
    const host = await startWebHostProcess({ centralUrl: central.url });
    hosts.push(host);
    const page = await deskPage(browser, host.url, 'kasko.vastaaja');
    await openFromView(page, 'restricted', item.id);
    await expect(page.getByTestId('restricted-band')).toBeVisible();
    await page.getByTestId('answer-editor').fill('Soitin teille ja kävimme tilanteen läpi. Koulunkäynninohjaaja aloittaa maanantaina.');
    await expect(page.getByTestId('draft-status')).toContainText('Tallennettu', { timeout: 15_000 });
    await page.getByTestId('send-answer').click();
    const dialog = page.getByTestId('dialog-send');
    await expect(dialog.getByTestId('email-refusal')).toContainText('ei vastata sähköpostilla');
    await expect(dialog.getByTestId('channel-email').locator('input')).toBeDisabled();
    await expect(dialog.getByTestId('channel-phone').locator('input')).toBeChecked();
    // Nothing is recorded without saying how it was answered.
    await dialog.getByRole('button', { name: 'Kirjaa vastatuksi' }).click();
    await expect(dialog).toContainText('Kirjoita, miten ja milloin vastattiin.');
    await dialog.getByLabel('Miten ja milloin vastattiin').fill('Soitettu huoltajalle 3.12. klo 10.');
    await page.screenshot({ path: 'test-results/screenshots/send-sensitive.png' });
    await dialog.getByRole('button', { name: 'Kirjaa vastatuksi' }).click();
    await expect(page.getByTestId('answer-sent')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('section-answer')).toContainText('Soitettu huoltajalle');
    await eventually('the answer on the central', async () => (await centralItems(central.url)).find((i) => i.id === item.id)?.status === 'answered', 30_000);
    const stored = (await centralItems(central.url)).find((i) => i.id === item.id)!;
    expect(stored.answer.sent).toMatchObject({ channel: 'phone', note: 'Soitettu huoltajalle 3.12. klo 10.' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes(item.contact.email!))).toEqual([]);
  });
});

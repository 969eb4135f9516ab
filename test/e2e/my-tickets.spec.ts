/**
 * "Where is my ticket?": after sending, History → My tickets shows the ticket with the status the
 * helpdesk reports (a local TOPdesk-shaped server) and since when, "Check status" asks again and
 * says what it found, and a status change asks the shell for one desktop notification.
 */
import { expect, test } from '@playwright/test';
import { createMemorySecretStore } from '../../core/secrets/secret-store.ts';
import { sendJson, startHelpdesk } from '../integration/tickets/helpdesk-server.ts';
import { startTestHost, type TestHost } from '../support/host-fixture.ts';
import { fixedSnapshot, uiCatalogDir } from './ui-support.ts';

let topdesk: Awaited<ReturnType<typeof startHelpdesk>>;
let host: TestHost;
let completed = false;
/** What the shell would show as a desktop notification (main/notify.ts turns each into one). */
const notified: Array<{ number: string | null; state: string; raw: string }> = [];

test.beforeAll(async () => {
  topdesk = await startHelpdesk((req, res) => {
    if (req.method === 'GET' && req.path === '/tas/api/incidents') return void res.writeHead(204).end();
    if (req.method === 'POST' && req.path === '/tas/api/incidents') return sendJson(res, 201, { id: 'inc-1', number: 'I 2611 077' });
    if (req.method === 'POST' && req.path.startsWith('/tas/api/incidents/number/')) return sendJson(res, 200, { id: 'att-1' });
    if (req.method === 'GET' && req.path === '/tas/api/incidents/id/inc-1') {
      return sendJson(res, 200, { processingStatus: { name: completed ? 'Completed' : 'Registered' }, closed: false, completed });
    }
    sendJson(res, 404, { message: 'not found' });
  });
  host = await startTestHost({
    catalogDir: uiCatalogDir,
    snapshot: fixedSnapshot,
    secrets: createMemorySecretStore({ topdesk: 'svc:app-password' }),
    ticketConfig: { connector: { type: 'topdesk', baseUrl: topdesk.url, credentialSecret: 'topdesk', callerEmail: 'employee@example.com' } },
    notifyTicket: async ({ number, state, raw }) => void notified.push({ number, state, raw }),
  });
});
test.afterAll(async () => {
  await host.stop();
  await topdesk.close();
});

test('My tickets shows the helpdesk status and checks it again on request', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Contact IT' }).click();
  await page.getByLabel('What is wrong? (a few words)').fill('The docking station does not charge my laptop.');
  await page.getByLabel('Subject').fill('Docking station not charging');
  await page.getByRole('button', { name: 'Send to IT' }).click();
  await expect(page.getByText('Sent. Your ticket number is I 2611 077.')).toBeVisible();

  await page.getByRole('navigation').getByRole('button', { name: 'History' }).click();
  await page.getByRole('tab', { name: 'My tickets' }).click();
  const ticket = page.getByRole('region', { name: 'My tickets' }).getByRole('listitem').filter({ hasText: 'Docking station not charging' });
  await expect(ticket).toContainText('Received by IT');
  await expect(ticket).toContainText('Ticket I 2611 077');
  await expect(ticket).toContainText('Status: Received, not picked up yet');
  // When the status last changed, as a date and time.
  await expect(ticket.locator('.ticket-status')).toContainText(/since \S+/);
  expect(notified).toEqual([]);

  completed = true;
  await page.getByRole('button', { name: 'Check status' }).click();
  await expect(ticket).toContainText('Status: Solved');
  // Visible feedback on the button, and a note on every screen that the status changed.
  await expect(page.getByRole('status').filter({ hasText: /^Checked at .+: 1 ticket changed\.$/ })).toBeVisible();
  await expect(page.getByText('Your ticket I 2611 077 is now: Solved')).toBeVisible();
  // The desktop notification is asked for once, with the helpdesk's own status.
  expect(notified).toEqual([{ number: 'I 2611 077', state: expect.any(String), raw: 'Completed' }]);
  expect(topdesk.requests.filter((r) => r.method === 'GET' && r.path === '/tas/api/incidents/id/inc-1').length).toBeGreaterThanOrEqual(2);
});

/**
 * Issue 5's acceptance, end to end: in the browser host, a troubleshooter that does not fix the
 * problem leads to a previewed ticket, which arrives at a local TOPdesk-shaped server with the
 * request shape TOPdesk documents (Basic auth, briefDescription ≤ 80, request, externalNumber,
 * transcript attachment) — and the helpdesk credential never reaches the page.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { createMemorySecretStore } from '../../core/secrets/secret-store.ts';
import { startHelpdesk, sendJson, type Recorded } from '../integration/tickets/helpdesk-server.ts';
import { repoRoot, startTestHost, type TestHost } from '../support/host-fixture.ts';
import { fixedSnapshot } from './ui-support.ts';

const credential = 'firstline-svc:Xq9-app-password-77';
let topdesk: Awaited<ReturnType<typeof startHelpdesk>>;
let host: TestHost;

test.beforeAll(async () => {
  topdesk = await startHelpdesk((req, res) => {
    if (req.method === 'GET' && req.path === '/tas/api/incidents') return void res.writeHead(204).end();
    if (req.method === 'POST' && req.path === '/tas/api/incidents') return sendJson(res, 201, { id: 'a1b2c3', number: 'I 2611 042' });
    if (req.method === 'POST' && req.path.startsWith('/tas/api/incidents/number/')) return sendJson(res, 200, { id: 'att-1' });
    if (req.method === 'GET' && req.path === '/tas/api/incidents/id/a1b2c3') return sendJson(res, 200, { processingStatus: { name: 'Registered' }, closed: false, completed: false });
    sendJson(res, 404, { message: 'not found' });
  });
  host = await startTestHost({
    catalogDir: path.join(repoRoot, 'test', 'fixtures', 'ui-catalog'),
    snapshot: fixedSnapshot,
    secrets: createMemorySecretStore({ topdesk: credential }),
    ticketConfig: {
      connector: { type: 'topdesk', baseUrl: topdesk.url, credentialSecret: 'topdesk', callerEmail: 'employee@example.com', categories: { printing: 'Printers' } },
    },
    policy: { support: { email: 'servicedesk@example.com' } },
  });
});
test.afterAll(async () => {
  await host.stop();
  await topdesk.close();
});

test('a failed fix becomes a previewed ticket that arrives at TOPdesk in its documented shape', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Describe the problem in a few words').fill('printer');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Yes, change it' }).click();
  await page.getByRole('button', { name: 'Send it to IT' }).click();

  // The preview shows what will be sent before anything is sent.
  await expect(page.getByRole('heading', { name: 'Send it to IT', level: 2 })).toBeVisible();
  await expect(page.locator('.ticket-details')).toContainText('The print queue is stuck.');
  expect(topdesk.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  await page.getByLabel('In your own words (optional)').fill('Urgent: contract for a client at 14:00.');
  await page.getByRole('button', { name: 'Send to IT' }).click();
  await expect(page.getByText('Sent. Your ticket number is I 2611 042.')).toBeVisible();

  const create = topdesk.requests.find((r) => r.method === 'POST' && r.path === '/tas/api/incidents') as Recorded;
  expect(create.headers.authorization).toBe(`Basic ${Buffer.from(credential).toString('base64')}`);
  const body = create.json as Record<string, unknown>;
  expect(String(body.briefDescription).length).toBeLessThanOrEqual(80);
  expect(body.briefDescription).toBeTruthy();
  expect(String(body.request)).toContain('Urgent: contract for a client at 14:00.');
  expect(String(body.request)).toContain('The print queue is stuck.');
  expect(String(body.request)).toContain('pc-test-01');
  expect(String(body.externalNumber).length).toBeGreaterThan(0);
  expect(String(body.externalNumber).length).toBeLessThanOrEqual(60);
  expect(body.callerLookup).toEqual({ email: 'employee@example.com' });
  expect(topdesk.requests.some((r) => r.method === 'POST' && r.path === '/tas/api/incidents/number/I%202611%20042/attachments')).toBe(true);

  // Exactly one incident, and the credential never reached the page or the ticket.
  expect(topdesk.requests.filter((r) => r.method === 'POST' && r.path === '/tas/api/incidents')).toHaveLength(1);
  expect(await page.content()).not.toContain('Xq9-app-password-77');
  expect(JSON.stringify(body)).not.toContain('Xq9-app-password-77');
});

/**
 * Issue 5, "nothing is lost": a helpdesk (a JSON webhook on 127.0.0.1) refuses the ticket with
 * 400. The employee sees the refusal, the ticket text read-only, and copies and saves it — the
 * host records what went to the clipboard and to the save dialog. Copying and saving never send
 * the ticket again; My tickets offers the same way out for the refused ticket.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startUiHost, type Helpdesk } from './ui-support.ts';

let host: TestHost;
let helpdesk: Helpdesk & { keys: string[] };

/** Answers every ticket with 400, as a helpdesk does for a field it does not accept. */
async function startRefusingHelpdesk(): Promise<Helpdesk & { keys: string[] }> {
  const received: Array<Record<string, unknown>> = [];
  const keys: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      keys.push(String(req.headers['idempotency-key']));
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Field "category" is not valid' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/tickets`, received, keys, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test.beforeAll(async () => {
  helpdesk = await startRefusingHelpdesk();
  host = await startUiHost({ helpdesk });
});
test.afterAll(async () => {
  await host.stop();
  await helpdesk.close();
});

test('a refused ticket can be copied and saved, and is not sent again', async ({ page }) => {
  const words = 'The label printer on floor 3 prints every label twice.';
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Contact IT' }).click();
  await page.getByLabel('What is wrong? (a few words)').fill(words);
  await page.getByLabel('Subject').fill('Label printer prints twice');
  await page.getByRole('button', { name: 'Send to IT' }).click();

  await expect(page.getByRole('alert')).toHaveText('The helpdesk did not accept this message. Please call or email IT.');
  expect(helpdesk.received).toHaveLength(1);
  const reference = String(helpdesk.received[0]?.clientId);
  expect(helpdesk.keys).toEqual([reference]);

  const text = page.getByLabel('Your message to IT');
  await expect(text).toHaveAttribute('readonly', '');
  await expect(text).toHaveValue(new RegExp(words.replace(/\./g, '\\.')));
  await expect(text).toHaveValue(new RegExp(reference));

  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  await page.getByRole('button', { name: 'Save as file…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as a file.' })).toBeVisible();

  expect(host.copied).toHaveLength(1);
  expect(host.copied[0]).toContain(words);
  expect(host.copied[0]).toContain(reference);
  expect(host.saved).toEqual([{ name: `firstline-ticket-${reference}.txt`, text: host.copied[0] }]);

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // My tickets: the refused ticket with its reason and the same way out.
  await page.getByRole('navigation').getByRole('button', { name: 'History' }).click();
  await page.getByRole('tab', { name: 'My tickets' }).click();
  const item = page.getByRole('region', { name: 'My tickets' }).getByRole('listitem').filter({ hasText: 'Label printer prints twice' });
  await expect(item).toContainText('The helpdesk did not accept this message.');
  await expect(item.getByLabel('Your message to IT')).toHaveValue(new RegExp(reference));
  await item.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(item.getByRole('status')).toHaveText(/^Copied\./);
  expect(host.copied).toHaveLength(2);
  expect(host.copied[1]).toBe(host.copied[0]);

  // Neither copying, saving nor opening My tickets sent a second ticket.
  expect(helpdesk.received).toHaveLength(1);
});

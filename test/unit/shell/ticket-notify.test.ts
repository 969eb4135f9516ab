/**
 * Issue 14: a desktop notification when a ticket's helpdesk status changes, in the employee's
 * language, that opens My tickets when clicked; nothing when the desktop has no notifications.
 * (The app asks for it once per change: test/e2e/my-tickets.spec.ts.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const shown: Array<{ options: { title: string; body: string }; click?: () => void }> = [];
let supported = true;
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => supported;
    private readonly entry: { options: { title: string; body: string }; click?: () => void };
    constructor(options: { title: string; body: string }) {
      this.entry = { options };
    }
    on(event: string, handler: () => void) {
      if (event === 'click') this.entry.click = handler;
    }
    show() {
      shown.push(this.entry);
    }
  },
}));

const { createTicketNotifier } = await import('../../../main/notify.ts');
const { shellLabels } = await import('../../../core/shell/labels.ts');

const change = { clientId: 'c1', title: 'Docking station not charging', number: 'I 2611 077', state: 'solved', raw: 'Completed' };

describe('ticket status notification', () => {
  beforeEach(() => {
    shown.length = 0;
    supported = true;
  });

  it('names the ticket and the helpdesk status in each language, and opens My tickets on click', async () => {
    const expected = {
      en: 'Your IT ticket was updated',
      nl: 'Je IT-ticket is bijgewerkt',
      fr: 'Votre ticket informatique a été mis à jour',
      de: 'Ihr IT-Ticket wurde aktualisiert',
    } as const;
    for (const lang of ['en', 'nl', 'fr', 'de'] as const) {
      const onClick = vi.fn();
      await createTicketNotifier(shellLabels(lang), onClick)(change);
      const last = shown.at(-1);
      expect(last?.options.title).toBe(expected[lang]);
      expect(last?.options.body).toContain('I 2611 077');
      expect(last?.options.body).toContain('Completed');
      expect(last?.options.body).not.toMatch(/\{(ticket|status)\}/);
      last?.click?.();
      expect(onClick).toHaveBeenCalledOnce();
    }
    expect(shown).toHaveLength(4);
  });

  it('uses the subject when the helpdesk gave no number, and shows nothing without notification support', async () => {
    await createTicketNotifier(shellLabels('en'), () => undefined)({ ...change, number: null });
    expect(shown[0]?.options.body).toContain('Docking station not charging');
    supported = false;
    await createTicketNotifier(shellLabels('en'), () => undefined)(change);
    expect(shown).toHaveLength(1);
  });
});

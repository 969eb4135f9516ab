/**
 * main/files.ts against the shared Electron mock: the clipboard gets exactly the text, and saving
 * goes through the OS save dialog (default in Documents) — cancelled means nothing is written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type * as ElectronMock from '../../mocks/electron.ts';
import { copyTextToClipboard, saveTextWithDialog } from '../../../main/files.ts';

const mock = electron as unknown as typeof ElectronMock;
let dir = '';
beforeEach(() => {
  vi.clearAllMocks();
  dir = mkdtempSync(path.join(tmpdir(), 'fl-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('main/files', () => {
  it('copies the text to the clipboard', async () => {
    expect(await copyTextToClipboard('Printer jams\n\nReference: abc')).toBe(true);
    expect(mock.clipboard.writeText).toHaveBeenCalledWith('Printer jams\n\nReference: abc');
  });

  it('saves where the employee picked in the save dialog, starting in Documents', async () => {
    const target = path.join(dir, 'my-ticket.txt');
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await saveTextWithDialog('firstline-ticket-1234.txt', 'my words')).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('my words');
    const options = mock.dialog.showSaveDialog.mock.calls[0]?.[0] as { defaultPath: string };
    expect(options.defaultPath).toBe(path.join('/tmp/firstline-mock/documents', 'firstline-ticket-1234.txt'));
  });

  it('keeps a suggested name inside Documents and writes nothing when cancelled', async () => {
    expect(await saveTextWithDialog('../../etc/evil.txt', 'text')).toBe(false);
    const options = mock.dialog.showSaveDialog.mock.calls[0]?.[0] as { defaultPath: string };
    expect(options.defaultPath).toBe(path.join('/tmp/firstline-mock/documents', 'evil.txt'));
  });

  it('reports false when the chosen file cannot be written', async () => {
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'missing-folder', 'x.txt') });
    expect(await saveTextWithDialog('x.txt', 'text')).toBe(false);
  });
});

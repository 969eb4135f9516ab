/**
 * The Electron side of "nothing the employee wrote is lost": copying a refused ticket's text to
 * the clipboard and saving it where the employee picks in the OS save dialog. The renderer never
 * names a path; the text comes from core (app/tickets.ts).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, clipboard, dialog } from 'electron';

export async function copyTextToClipboard(text: string): Promise<boolean> {
  await clipboard.writeText(text);
  // The clipboard API reports nothing; reading back tells whether the OS took it.
  return (await clipboard.readText()) === text;
}

/**
 * Asks where to save, starting in `folder` with only a plain file name (a path in it would steer the
 * default location), and writes the data; false when cancelled or unwritable.
 */
async function saveWithDialog(suggestedName: string, fallbackName: string, folder: 'documents' | 'pictures', filter: Electron.FileFilter, data: string | Uint8Array): Promise<boolean> {
  const name = path.basename(suggestedName) || fallbackName;
  const choice = await dialog.showSaveDialog({
    defaultPath: path.join(app.getPath(folder), name),
    filters: [filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return false;
  try {
    await writeFile(choice.filePath, data);
    return true;
  } catch {
    return false;
  }
}

/** Saves a screenshot the mail program cannot carry: the save dialog picks the path, the bytes come from core. */
export function saveImageWithDialog(suggestedName: string, bytes: Uint8Array): Promise<boolean> {
  const ext = path.extname(path.basename(suggestedName)).slice(1) || 'png';
  return saveWithDialog(suggestedName, 'screenshot.png', 'pictures', { name: 'Image', extensions: [ext] }, bytes);
}

/** Saves a refused ticket's text (UTF-8) where the employee picks, starting in Documents. */
export function saveTextWithDialog(suggestedName: string, text: string): Promise<boolean> {
  return saveWithDialog(suggestedName, 'firstline-ticket.txt', 'documents', { name: 'Text', extensions: ['txt'] }, text);
}

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

/** Saves a screenshot the mail program cannot carry: the save dialog picks the path, the bytes come from core. */
export async function saveImageWithDialog(suggestedName: string, bytes: Uint8Array): Promise<boolean> {
  const name = path.basename(suggestedName) || 'screenshot.png';
  const ext = path.extname(name).slice(1) || 'png';
  const choice = await dialog.showSaveDialog({
    defaultPath: path.join(app.getPath('pictures'), name),
    filters: [{ name: 'Image', extensions: [ext] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return false;
  try {
    await writeFile(choice.filePath, bytes);
    return true;
  } catch {
    return false;
  }
}

/** Asks where to save (starting in Documents) and writes the file; false when cancelled or unwritable. */
export async function saveTextWithDialog(suggestedName: string, text: string): Promise<boolean> {
  // Only a plain file name from core; a path in it would steer the default location.
  const name = path.basename(suggestedName) || 'firstline-ticket.txt';
  const choice = await dialog.showSaveDialog({
    defaultPath: path.join(app.getPath('documents'), name),
    filters: [{ name: 'Text', extensions: ['txt'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return false;
  try {
    await writeFile(choice.filePath, text, 'utf8');
    return true;
  } catch {
    return false;
  }
}

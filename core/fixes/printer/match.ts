/**
 * Finding the printer an employee means. People know printers by the name their desktop shows:
 * the CUPS description ("Printer 2e verdieping" for queue `Printer_2e_verdieping`) or the Windows
 * printer name with its spaces. Exact queue name first, then exact display name, then both with
 * case, accents' composition, spaces, "_" and "-" made equal. Ambiguity is no match.
 */
import type { Printer } from './model.ts';

export function normalizePrinterName(value: string): string {
  return value
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

export function findPrinter(printers: readonly Printer[], wanted: string): Printer | undefined {
  const exact = printers.find((p) => p.name === wanted);
  if (exact) return exact;
  const byDescription = printers.filter((p) => p.description === wanted);
  if (byDescription.length === 1) return byDescription[0];
  const key = normalizePrinterName(wanted);
  if (key === '') return undefined;
  const loose = printers.filter((p) => normalizePrinterName(p.name) === key || (p.description !== undefined && normalizePrinterName(p.description) === key));
  return loose.length === 1 ? loose[0] : undefined;
}

/** What the employee sees for a printer: its display name, else its name. */
export function displayName(p: Pick<Printer, 'name' | 'description'>): string {
  return p.description ?? p.name;
}

/** The printers to pick from, as choices (value = queue name, label = display name). */
export function printerChoices(printers: readonly Printer[]): Array<{ value: string; label: string }> {
  return printers.map((p) => ({ value: p.name, label: displayName(p) }));
}

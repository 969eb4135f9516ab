/**
 * The diagnostics vocabulary: what the loader, the linter, author tests and the CLI report about
 * a file — each finding with file, line, column and a message an IT author understands.
 */
export type Severity = 'error' | 'warning';
export type Diagnostic = { file: string; line: number; column: number; message: string; severity: Severity };

/** `file:line:column: severity: message`, the shape editors and CI annotate. */
export const formatDiagnostic = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;

/**
 * The diagnostics vocabulary: what the loader, the linter, author tests and the CLI report about
 * a file — each finding with file, line, column and a message an IT author understands.
 */
export type Severity = 'error' | 'warning';
/** Arguments of a coded message: names, numbers, and suggested names (core/engine/lint-messages.ts words them per language). */
export type DiagnosticArgs = Record<string, string | number | readonly string[] | undefined>;
/** `code`/`args`: the finding's sentence in every language (locales/<lang>/lint.json), required so that no finding is English-only under `lint --lang`; `message` is the English one. */
export type Diagnostic = { file: string; line: number; column: number; message: string; severity: Severity; code: string; args?: DiagnosticArgs };

/** `file:line:column: severity: message`, the shape editors and CI annotate. */
export const formatDiagnostic = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;

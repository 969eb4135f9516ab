/** `{{ answers.x }}` without `$` would reach the script as literal text: lint warns, pointing at the value. */
import { describe, expect, it } from 'vitest';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { findBareTemplates } from '../../../core/engine/template-lint.ts';

const yaml = `id: bare
version: "1.0.0"
title: { en: Flag, nl: Vlag, fr: Drapeau, de: Flagge }
summary: { en: Sets a flag, nl: Zet een vlag, fr: Pose un drapeau, de: Setzt eine Flagge }
platforms: [linux, darwin]
category: test
steps:
  - id: label
    type: ask
    title: { en: Label, nl: Label, fr: Étiquette, de: Etikett }
    prompt: { en: Label?, nl: Label?, fr: Étiquette ?, de: Etikett? }
    answer: text
  - id: flag
    type: check
    title: { en: Flag set?, nl: Vlag gezet?, fr: Drapeau posé ?, de: Flagge gesetzt? }
    action: command.exists
    with: { command: "{{ answers.label }}" }
`;

describe('bare {{ }} templates', () => {
  it('are a lint warning at the value, with the fix', () => {
    const result = loadTroubleshooterText(yaml, 'bare.yaml', fullActionRegistry());
    const warnings = result.diagnostics.filter((d) => d.message.includes('literal text'));
    expect(warnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 17,
        column: 22,
        message: 'step "flag", with.command: "{{ answers.label }}" is passed as literal text, not replaced; write "${{ answers.label }}".',
      }),
    ]);
  });

  it('leave real ${{ }} templates and other braces alone', () => {
    expect(findBareTemplates({ a: '${{ answers.x }}', b: '{{ not a ref }}', c: ['x {{steps.a.outcome}} y'] })).toEqual([
      expect.objectContaining({ path: ['c', 0], message: expect.stringContaining('write "${{ steps.a.outcome }}"') }),
    ]);
  });
});

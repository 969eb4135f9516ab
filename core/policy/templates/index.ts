/**
 * Every admin template, generated from the policy schema: path (relative to build/policy/) → content.
 * scripts/gen-admin-templates.ts writes them; test/unit/policy/templates.test.ts fails on drift.
 */
import { z } from 'zod';
import { langs } from '../../kernel/lang.ts';
import { policyFields, policySchema, type PolicyKey } from '../schema.ts';
import { admlCultures, generateAdml, generateAdmx } from './admx.ts';
import { examplePolicy } from './example.ts';
import { generateMobileconfig } from './mobileconfig.ts';

export const templatesDir = 'build/policy';

export function englishExplain(key: PolicyKey): string {
  const description = policyFields[key].description;
  if (!description) throw new Error(`policy key ${key} has no description`);
  return description;
}

export function generateAdminTemplates(): Record<string, string> {
  const files: Record<string, string> = {
    'windows/firstline.admx': generateAdmx(),
  };
  for (const lang of langs) files[`windows/${admlCultures[lang]}/firstline.adml`] = generateAdml(lang, englishExplain);
  files['macos/com.firstline.app.mobileconfig'] = generateMobileconfig(examplePolicy);
  files['linux/policy.json'] = JSON.stringify({ $schema: '../policy.schema.json', ...examplePolicy }, null, 2) + '\n';
  // JSON Schema for editor completion of policy.json; input shape, so defaulted keys are optional.
  files['policy.schema.json'] = JSON.stringify(z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
  return files;
}

import { describe, expect, it } from 'vitest';
import { policyEnvironment, policyFileEnv } from '../../../core/policy/load.ts';

describe('policy environment of the shell', () => {
  it('ignores the policy override file in an installed app, where any employee could set it', () => {
    const env = { PATH: '/usr/bin', [policyFileEnv]: '/home/employee/my-policy.json' };
    expect(policyEnvironment(env, true)).toEqual({ PATH: '/usr/bin' });
  });

  it('keeps it for development and tests', () => {
    const env = { PATH: '/usr/bin', [policyFileEnv]: '/tmp/policy.json' };
    expect(policyEnvironment(env, false)).toEqual(env);
  });
});

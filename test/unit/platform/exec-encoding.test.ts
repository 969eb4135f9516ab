import { describe, expect, it } from 'vitest';
import { createNodeExec, parseOemCodePage } from '../../../core/platform/node-exec.ts';
import { outputEncodingFor } from '../../../core/fixes/shared/exec.ts';

// "Büro" as a Windows console tool writes it on code page 850 (ü = 0x81).
const printCp850 = 'process.stdout.write(Buffer.from([0x42, 0x81, 0x72, 0x6f]))';

describe('output of Windows console tools', () => {
  it('reads the OEM code page from the registry answer', () => {
    const output = '\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage\r\n    OEMCP    REG_SZ    850\r\n\r\n';
    expect(parseOemCodePage(output)).toBe(850);
    expect(parseOemCodePage('ERROR: The system was unable to find the specified registry key or value.')).toBeUndefined();
  });

  it('decodes console output with the OEM code page on Windows, so accented network names survive', async () => {
    const exec = createNodeExec({ platform: 'win32', consoleCodePage: async () => 850 });
    const console = await exec.exec(process.execPath, ['-e', printCp850], { timeout: 10_000, outputEncoding: 'console' });
    expect(console.stdout).toBe('Büro');
    const utf8 = await exec.exec(process.execPath, ['-e', printCp850], { timeout: 10_000 });
    expect(utf8.stdout).toBe('B\uFFFDro');
  });

  it('keeps UTF-8 everywhere else and when the code page is unknown', async () => {
    const linux = createNodeExec({ platform: 'linux' });
    expect((await linux.exec(process.execPath, ['-e', "process.stdout.write('Büro')"], { timeout: 10_000, outputEncoding: 'console' })).stdout).toBe('Büro');
    const unknown = createNodeExec({ platform: 'win32', consoleCodePage: async () => undefined });
    expect((await unknown.exec(process.execPath, ['-e', "process.stdout.write('Büro')"], { timeout: 10_000, outputEncoding: 'console' })).stdout).toBe('Büro');
  });

  it('marks the console tools the fixes call, not PowerShell (whose scripts switch to UTF-8)', () => {
    expect(['netsh', 'ipconfig', 'net', 'NET.EXE', 'C:\\Windows\\System32\\tasklist.exe'].map(outputEncodingFor)).toEqual(['console', 'console', 'console', 'console', 'console']);
    expect(['powershell', 'nmcli', 'lpstat'].map(outputEncodingFor)).toEqual(['utf8', 'utf8', 'utf8']);
  });
});

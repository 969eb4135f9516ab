/**
 * The CUPS parsers line by line (core/fixes/printer/parse-cups.ts): job ids of any length, the
 * "now printing" state, indented detail lines, Status/Alerts keys, the ipptool CSV and when a job
 * counts as stuck. Written against the survivors of `npm run test:mutation -- cups-parser` (#17).
 */
import { describe, expect, it } from 'vitest';
import {
  combineCups,
  decodeName,
  jobNumber,
  parseIppJobStates,
  parseLpstatAccepting,
  parseLpstatDefault,
  parseLpstatJobs,
  parseLpstatPrinters,
  stuckPendingMs,
  stuckProcessingMs,
} from '../../../core/fixes/printer/parse-cups.ts';

describe('lpstat -p', () => {
  it('reads idle, now printing (job ids of any length, with or without the final dot) and disabled queues', () => {
    const text = [
      'printer Office is idle.  enabled since Mon Nov 30 21:49:14 2026',
      'printer Lab-2 now printing Lab-2-1234.  enabled since Mon Nov 30 21:49:14 2026',
      'printer Hall now printing Hall-7 enabled since Mon Nov 30 21:49:14 2026',
      'printer Etage now printing Etage-%C3%A9-12',
      'printer Down disabled since Mon Nov 30 21:49:14 2026 -',
      ' printer NotAHead is idle.',
    ].join('\n');
    expect(parseLpstatPrinters(text)).toEqual([
      { name: 'Office', enabled: true, reasons: [], stateReasons: [] },
      { name: 'Lab-2', enabled: true, reasons: [], stateReasons: [], printing: 'Lab-2-1234' },
      { name: 'Hall', enabled: true, reasons: [], stateReasons: [], printing: 'Hall-7' },
      { name: 'Etage', enabled: true, reasons: [], stateReasons: [], printing: 'Etage-é-12' },
      // Indented, so not a new printer: a state message of the one above.
      { name: 'Down', enabled: false, reasons: ['printer NotAHead is idle.'], stateReasons: [] },
    ]);
  });

  it('keeps state messages from tab- or space-indented lines, and not attribute keys, parentheses or deeper indents', () => {
    const text = [
      'printer P disabled since Mon Nov 30 21:49:14 2026 -',
      '\tPaused   ',
      '        Unable to connect  ',
      '         nine spaces are not a message',
      '\t(a note in parentheses)',
      '\tDescription:  Second floor  ',
      '\tAlerts: media-empty-error,  offline-report none',
      '\tLocation: hall',
      '\tafter a key, lines belong to the keys',
      'printer Q is idle.',
      '\tDescription:',
      '\tAlerts:none',
      'printer R is idle.',
      '\tDescription:Third',
      '\tAlerts:toner-low-warning',
      'not indented and not a printer',
    ].join('\n');
    expect(parseLpstatPrinters(text)).toEqual([
      { name: 'P', enabled: false, reasons: ['Paused', 'Unable to connect'], description: 'Second floor', stateReasons: ['media-empty-error', 'offline-report'] },
      { name: 'Q', enabled: true, reasons: [], stateReasons: [] },
      { name: 'R', enabled: true, reasons: [], description: 'Third', stateReasons: ['toner-low-warning'] },
    ]);
  });

  it('ignores indented lines before the first printer and keys that only start like a key', () => {
    expect(parseLpstatPrinters('\tPaused\nprinter A is idle.\n\tDescriptions are not keys\n')).toEqual([{ name: 'A', enabled: true, reasons: ['Descriptions are not keys'], stateReasons: [] }]);
    expect(parseLpstatPrinters('printer A is idle.\n\tX Description: y\n\tX Alerts: z')).toEqual([{ name: 'A', enabled: true, reasons: ['X Description: y', 'X Alerts: z'], stateReasons: [] }]);
  });
});

describe('lpstat -a and -d', () => {
  it('reads which queues accept jobs, only at the start of a line', () => {
    expect([...parseLpstatAccepting('A accepting requests since x\nB not accepting requests since y -\n C accepting requests\n')]).toEqual([
      ['A', true],
      ['B', false],
    ]);
  });

  it('reads the default destination only from its own line', () => {
    expect(parseLpstatDefault('system default destination: Office\n')).toBe('Office');
    expect(parseLpstatDefault('no system default destination')).toBeUndefined();
    expect(parseLpstatDefault('x\nsystem default destination: B x')).toBe('B');
    expect(parseLpstatDefault('my system default destination: C')).toBeUndefined();
  });
});

describe('lpstat -o', () => {
  it('reads job lines with multi-digit ids, the user and the date, and their Status/Alerts details', () => {
    const text = [
      'Office-1234             alice           1024   Mon Nov 30 21:49:14 2026',
      '\tStatus: Unable to open serial port  ',
      '\tAlerts: job-printing, job-hold-until-specified none',
      '\tqueued for Office',
      'Lab-%C3%A9-2-9  bob  10  Tue Dec  1 09:05:01 2026',
      '        Status:',
      '        Alerts:',
      'Hall-3  carol  5  not a date',
      '\tStatus:Paused',
      '\tAlerts:job-held-by-user',
      'Bad-x  dave  5  Mon Nov 30 21:49:14 2026',
      'Bad-4  eve  five  Mon Nov 30 21:49:14 2026',
    ].join('\n');
    const jobs = parseLpstatJobs(text);
    expect(jobs.map(({ since: _since, ...j }) => j)).toEqual([
      { id: 'Office-1234', printer: 'Office', user: 'alice', error: false, alerts: ['job-printing', 'job-hold-until-specified'], message: 'Unable to open serial port' },
      { id: 'Lab-é-2-9', printer: 'Lab-é-2', user: 'bob', error: false, alerts: [] },
      { id: 'Hall-3', printer: 'Hall', user: 'carol', error: false, alerts: ['job-held-by-user'], message: 'Paused' },
    ]);
    expect(jobs[0]?.since).toBe(new Date('Mon Nov 30 2026 21:49:14').toISOString());
    expect(jobs[1]?.since).toBe(new Date('Tue Dec 1 2026 09:05:01').toISOString());
    expect(jobs[2]).not.toHaveProperty('since');
  });

  it('ignores details before the first job and lines that are not indented', () => {
    expect(parseLpstatJobs('\tStatus: x\nA-1  u  1  d\nStatus: y\n')).toEqual([{ id: 'A-1', printer: 'A', user: 'u', error: false, alerts: [] }]);
  });

  it('numbers jobs after the last dash, or takes a bare number', () => {
    expect(jobNumber('Imprimante-étage-2-13')).toBe('13');
    expect(jobNumber('Q-1234')).toBe('1234');
    expect(jobNumber('77')).toBe('77');
    expect(jobNumber('Q-12a')).toBeUndefined();
    expect(jobNumber('7a')).toBeUndefined();
    expect(jobNumber('a7')).toBeUndefined();
    expect(jobNumber('')).toBeUndefined();
  });

  it('decodes percent-encoded names and leaves a literal % alone', () => {
    expect(decodeName('Imprimante-%C3%A9tage')).toBe('Imprimante-étage');
    expect(decodeName('100%-sure')).toBe('100%-sure');
  });
});

describe('ipptool job states', () => {
  it('maps names and numbers, in any column order, skipping blank lines and bad rows', () => {
    const csv = ['job-state,job-name,job-id', 'processing,a,10', '', '4,b,11', 'PENDING-HELD, c , 12 ', 'cancelled,d,13', 'bogus,e,14', 'completed,f,x15', 'aborted,g,', '9,h,16'].join('\n');
    expect([...parseIppJobStates(csv)]).toEqual([
      ['10', 'processing'],
      ['11', 'held'],
      ['12', 'held'],
      ['13', 'canceled'],
      ['16', 'completed'],
    ]);
    expect([...parseIppJobStates('job-id,job-state\n1,3\n2,5\n3,6\n4,7\n5,8\n6,pending\n7,processing-stopped\n8,canceled')]).toEqual([
      ['1', 'pending'],
      ['2', 'processing'],
      ['3', 'stopped'],
      ['4', 'canceled'],
      ['5', 'aborted'],
      ['6', 'pending'],
      ['7', 'stopped'],
      ['8', 'canceled'],
    ]);
  });

  it('returns nothing without both job-id and job-state columns', () => {
    expect(parseIppJobStates('job-id,job-name\n1,a').size).toBe(0);
    expect(parseIppJobStates('job-state,job-name\npending,a').size).toBe(0);
    expect(parseIppJobStates('').size).toBe(0);
    expect([...parseIppJobStates('job-id,job-state\r\n5,9\r\n')]).toEqual([['5', 'completed']]);
  });
});

describe('combined CUPS state', () => {
  const now = new Date('2026-11-30T22:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const cDate = (d: Date) => {
    const day = d.toLocaleString('en-US', { weekday: 'short' });
    const mon = d.toLocaleString('en-US', { month: 'short' });
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${day} ${mon} ${String(d.getDate()).padStart(2, ' ')} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${d.getFullYear()}`;
  };
  const base = { printers: 'printer P is idle.  enabled since x\n\tDescription: P', accepting: 'P accepting requests since x', default: 'system default destination: P' };
  const jobsOf = (jobs: string, states?: string, printers = base.printers) => combineCups({ ...base, printers, jobs, ...(states === undefined ? {} : { states }) }, now)[0]!.jobs;

  it('leaves the description out when it only repeats the name, and defaults accepting to true', () => {
    const [p] = combineCups({ ...base, accepting: '', jobs: '' }, now);
    expect(p).toEqual({ name: 'P', enabled: true, accepting: true, isDefault: true, reasons: [], stateReasons: [], jobs: [] });
    const [q] = combineCups({ ...base, printers: 'printer P is idle.\n\tDescription: Floor 2', default: '', jobs: '' }, now);
    expect(q).toMatchObject({ description: 'Floor 2', isDefault: false });
  });

  it('a pending job is stuck after 5 minutes, a printing one after 15', () => {
    const pending = (ms: number) => jobsOf(`P-1  u  1  ${cDate(ago(ms))}`)[0]!.error;
    expect(pending(stuckPendingMs - 60_000)).toBe(false);
    expect(pending(stuckPendingMs + 60_000)).toBe(true);
    const printing = (ms: number, states?: string, alerts = '') => jobsOf(`P-12  u  1  ${cDate(ago(ms))}${alerts}`, states)[0]!.error;
    expect(printing(stuckPendingMs + 60_000, 'job-id,job-state\n12,processing')).toBe(false);
    expect(printing(stuckProcessingMs + 60_000, 'job-id,job-state\n12,processing')).toBe(true);
    expect(printing(stuckPendingMs + 60_000, undefined, '\n\tAlerts: job-printing')).toBe(false);
    expect(printing(stuckProcessingMs + 60_000, undefined, '\n\tAlerts: job-printing')).toBe(true);
  });

  it('stopped and aborted jobs are errors; held ones only when not held on purpose', () => {
    const state = (s: string, alerts = '') => jobsOf(`P-10  u  1  x${alerts}`, `job-id,job-state\n10,${s}`)[0]!;
    expect(state('processing-stopped').error).toBe(true);
    expect(state('aborted').error).toBe(true);
    expect(state('completed').error).toBe(false);
    expect(state('pending-held').error).toBe(true);
    expect(state('pending-held', '\n\tAlerts: job-hold-until-specified').error).toBe(false);
    expect(state('pending-held', '\n\tAlerts: job-held-by-user').error).toBe(false);
    expect(state('pending-held', '\n\tAlerts: job-held-by-user-x').error).toBe(true);
    expect(state('pending-held', '\n\tAlerts: x-job-hold-until-specified').error).toBe(true);
    expect(state('pending-held', '\n\tAlerts: job-held-by-user, document-format-error').error).toBe(false);
    expect(state('processing')).toMatchObject({ id: 'P-10', state: 'processing', error: false });
    expect(state('processing')).not.toHaveProperty('alerts');
    expect(state('processing')).not.toHaveProperty('printer');
  });

  it('a job on a queue whose device fails, or whose own status names a fault, is an error', () => {
    const failing = 'printer P is idle.  enabled since x\n\tAlerts: offline-report';
    expect(jobsOf('P-1  u  1  x', undefined, failing)[0]!.error).toBe(true);
    expect(jobsOf('P-1  u  1  x\n\tStatus: The printer is not responding.')[0]!.error).toBe(true);
    expect(jobsOf('P-1  u  1  x\n\tStatus: Spooling job')[0]!.error).toBe(false);
  });

  it('a paused (disabled) queue says so without counting its "Paused" line as a fault text', () => {
    const [p] = combineCups({ ...base, printers: 'printer P disabled since x -\n\tPaused', jobs: '' }, now);
    expect(p).toMatchObject({ enabled: false, fault: 'paused', reasons: ['Paused'] });
    const [q] = combineCups({ ...base, printers: 'printer P is idle.\n\tPaused', jobs: '' }, now);
    expect(q).toMatchObject({ enabled: true, reasons: ['Paused'] });
    expect(q).not.toHaveProperty('fault');
  });
});

describe('edges a mutation run left open', () => {
  const now = new Date('2026-11-30T22:00:00Z');
  const cDate = (d: Date) => {
    const day = d.toLocaleString('en-US', { weekday: 'short' });
    const mon = d.toLocaleString('en-US', { month: 'short' });
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${day} ${mon} ${String(d.getDate()).padStart(2, ' ')} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${d.getFullYear()}`;
  };
  const base = { printers: 'printer P is idle.', accepting: '', default: '' };
  const job = (jobs: string, states?: string, printers = base.printers) => combineCups({ ...base, printers, jobs, ...(states === undefined ? {} : { states }) }, now)[0]!.jobs[0]!;

  it('only lines that start indented are state messages; a parenthesis only counts at the start', () => {
    expect(parseLpstatPrinters('printer A is idle.\nnot indented, then  spaced\nx\ttabbed\n\tUnable to connect (retrying)\n\tAlerts:\n')).toEqual([
      { name: 'A', enabled: true, reasons: ['Unable to connect (retrying)'], stateReasons: [] },
    ]);
  });

  it('only indented lines are job details, and an indented job-like line is not a new job', () => {
    expect(parseLpstatJobs('A-1  u  1  d\nnot indented Status: y Alerts: z\n\tB-2  v  2  e\n')).toEqual([{ id: 'A-1', printer: 'A', user: 'u', error: false, alerts: [] }]);
  });

  it('reads space-indented details, trims the status and takes Status/Alerts only as the first word', () => {
    expect(parseLpstatJobs('A-1  u  1  d\n        Status:  Paused\n    X Alerts: job-printing\n  X Status: y\n')).toEqual([
      { id: 'A-1', printer: 'A', user: 'u', error: false, alerts: [], message: 'Paused' },
    ]);
  });

  it('reads the ipptool header even after blank lines', () => {
    expect([...parseIppJobStates('\n  \njob-id,job-state\n1,3\n')]).toEqual([['1', 'pending']]);
  });

  it('reads a date with an unpadded day and drops a date-shaped text that is no date', () => {
    expect(parseLpstatJobs('A-1  u  1  Tue Dec 1 09:05:01 2026')[0]?.since).toBe(new Date('Tue Dec 1 2026 09:05:01').toISOString());
    expect(parseLpstatJobs('A-1  u  1  Foo Bar 30 21:49:14 2026')[0]).not.toHaveProperty('since');
  });

  it('maps the state names aborted and completed, trims the state cell and refuses short rows and ids with a tail', () => {
    expect([...parseIppJobStates('job-name,job-state,job-id\na,aborted,1\nb, completed ,2\nc\nd,pending,3x\n')]).toEqual([
      ['1', 'aborted'],
      ['2', 'completed'],
    ]);
  });

  it('a job is stuck only after more than 5 (pending) or 15 (printing) minutes, not at exactly that age', () => {
    const at = (ms: number, states?: string) => job(`P-1  u  1  ${cDate(new Date(now.getTime() - ms))}`, states).error;
    expect(at(stuckPendingMs)).toBe(false);
    expect(at(stuckPendingMs + 1000)).toBe(true);
    expect(at(stuckProcessingMs, 'job-id,job-state\n1,processing')).toBe(false);
    expect(at(stuckProcessingMs + 1000, 'job-id,job-state\n1,processing')).toBe(true);
  });

  it('a completed job keeps its state and is no error; hold reasons must match whole', () => {
    expect(job('P-1  u  1  x', 'job-id,job-state\n1,completed')).toMatchObject({ state: 'completed', error: false });
    const held = (alerts: string) => job(`P-1  u  1  x\n\tAlerts: ${alerts}`, 'job-id,job-state\n1,pending-held').error;
    expect(held('x-job-held-by-user')).toBe(true);
    expect(held('job-hold-until-specified-x')).toBe(true);
  });

  it('a fresh job on a queue whose device reports an error is an error at once', () => {
    expect(job('P-1  u  1  x', undefined, 'printer P is idle.\n\tAlerts: media-jam-error').error).toBe(true);
    expect(job('P-1  u  1  x', undefined, 'printer P is idle.\n\tAlerts: toner-low-warning').error).toBe(false);
  });
});

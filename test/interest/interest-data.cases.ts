/** knowledge/interest/ is validated at load: a bad cue file stops the boot naming the file and the entry. */
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadInterestData } from '../../src/interest/interest-data';

describe('loadInterestData', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ds-interest-'));
    cpSync(join(PACKAGE_ROOT, 'knowledge', 'interest'), join(dir, 'interest'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the shipped files', () => {
    const d = loadInterestData(join(PACKAGE_ROOT, 'knowledge'));
    expect(d.cues.before.received).toContain('到手');
    expect(d.caps.private_lending.lpr_multiple).toBe(4);
  });

  it('names the file and the entry of a bad cue list', () => {
    const file = join(dir, 'interest', 'cues.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^window: 8$/m, 'window: many'));
    expect(() => loadInterestData(dir)).toThrow(/interest\/cues\.yaml: window/);
  });

  it('says when a file is missing', () => {
    rmSync(join(dir, 'interest', 'caps.yaml'));
    expect(() => loadInterestData(dir)).toThrow(/caps\.yaml: missing/);
  });
});

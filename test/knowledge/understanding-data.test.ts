/** knowledge/understanding/ loads, and a bad cue or model stops the load naming its file and entry. */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadUnderstandingData, parseUnderstandingModel } from '../../src/knowledge/understanding-data';
import { PACKAGE_ROOT } from '../../src/paths';

const REAL = join(PACKAGE_ROOT, 'knowledge', 'understanding');

describe('knowledge/understanding', () => {
  it('loads the real data with its model', () => {
    const d = loadUnderstandingData(REAL);
    expect(d.speaker.user_cues.length).toBeGreaterThan(3);
    expect(d.model?.heads.act.labels).toContain('follow_up');
  });

  describe('validation errors', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ds-understanding-'));
      cpSync(REAL, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const loadError = () => {
      try {
        loadUnderstandingData(dir);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('expected the load to fail');
    };
    const edit = (file: string, from: string | RegExp, to: string) => {
      const f = join(dir, file);
      const before = readFileSync(f, 'utf8');
      const after = before.replace(from, to);
      expect(after).not.toBe(before);
      writeFileSync(f, after);
    };

    it('names an unknown term group with its file and entry', () => {
      edit('speaker.yaml', /user_cues:\n/, 'user_cues:\n  - "@NOPE ~2 说"\n');
      expect(loadError()).toMatch(/speaker\.yaml: user_cues\[0\]: unknown term group @NOPE/);
    });

    it('names a misplaced "?" and a malformed gap', () => {
      edit('crisis.yaml', /safe:\n/, 'safe:\n  - "好?了 ~x 吧"\n');
      const msg = loadError();
      expect(msg).toMatch(/crisis\.yaml: safe\[0\]: a gap is written ~N/);
    });

    it('names a combination of crisis signs that uses a sign nobody defined', () => {
      edit('crisis.yaml', /together:\n/, 'together:\n  - { level: risk, all: [GIVE_AWAY, NO_SUCH_SIGN] }\n');
      expect(loadError()).toMatch(/crisis\.yaml: together\[0\] names the sign NO_SUCH_SIGN/);
    });

    it('names a threshold out of range', () => {
      edit('speaker.yaml', /collector_threshold: [0-9.]+/, 'collector_threshold: 1.5');
      expect(loadError()).toMatch(/speaker\.yaml: decision\.collector_threshold/);
    });

    it('says which required file is missing', () => {
      unlinkSync(join(dir, 'facts.yaml'));
      expect(loadError()).toMatch(/facts\.yaml: missing \(required\)/);
    });

    it('rejects a model whose weights do not match its labels', () => {
      const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      const first = Object.keys(model.heads.act.weights)[0]!;
      model.heads.act.weights[first] = [1, 2];
      writeFileSync(join(dir, 'model.json'), JSON.stringify(model));
      expect(loadError()).toMatch(/model\.json: heads\.act\.weights.*2 weights for 10 labels/);
      expect(() => parseUnderstandingModel({ version: 2 })).toThrow(/model\.json/);
    });

    it('still works without a model file (rules only)', () => {
      unlinkSync(join(dir, 'model.json'));
      expect(loadUnderstandingData(dir).model).toBeUndefined();
    });
  });
});

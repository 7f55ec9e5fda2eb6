/**
 * Layout reading in a worker thread (the compiled worker from `npm run build`, which `npm test` runs first):
 * the same reading as in this thread, collages sent back to the caller's engine, its errors passed on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { createLayoutRunner, layoutWorkerFile } from '../../src/ocr/layout-runner';
import type { RecognizedLine } from '../../src/ocr/engine';

jest.setTimeout(60_000);

const shot = readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'screenshots', 'gen', 'dev-01-wechat-light-clean-1080x2340.jpg'));
const built = layoutWorkerFile(join(PACKAGE_ROOT, 'dist', 'src', 'ocr'));

describe('layout runner', () => {
  it('finds the compiled worker (run npm run build first)', () => {
    expect(built).toBeDefined();
  });

  it('reads in a worker thread exactly as in this thread, and sends each collage to the caller', async () => {
    const threaded = createLayoutRunner(built);
    const inline = createLayoutRunner(undefined);
    expect([threaded.threaded, inline.threaded]).toEqual([true, false]);
    const collages: number[] = [];
    const lines = async (png: Buffer): Promise<RecognizedLine[]> => {
      collages.push(png.length);
      return [];
    };
    try {
      const a = await threaded.read(shot, lines);
      const b = await inline.read(shot, async () => []);
      expect(collages.length).toBeGreaterThan(0);
      expect(a!.layout.bubbles.map((x) => x.side)).toEqual(['collector', 'user', 'collector', 'user']);
      expect(a!.layout).toEqual(b!.layout);
    } finally {
      await threaded.close();
    }
  });

  it("passes the engine's error to the caller", async () => {
    const threaded = createLayoutRunner(built);
    try {
      await expect(threaded.read(shot, async () => Promise.reject(new Error('engine timed out')))).rejects.toThrow('engine timed out');
      // The worker is still usable afterwards.
      await expect(threaded.read(shot, async () => [])).resolves.toMatchObject({ passes: 2 });
    } finally {
      await threaded.close();
    }
  });
});

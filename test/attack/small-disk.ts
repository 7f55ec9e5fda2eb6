/**
 * A small disk for the full-disk attacks: a real tmpfs of `bytes` when this process may mount one (root), else a
 * temporary folder behind a file-system seam (FsPort) that refuses writes past `bytes` with ENOSPC, writing the
 * part that fits first, as a real disk does. Either way `fill()` uses up what is left and `free()` gives it back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFs, type FileHandleLike, type FsPort } from '../../src/state/durable-fs';

export interface SmallDisk {
  dir: string;
  /** The seam to hand the store: the real file system on a tmpfs, the budgeted one otherwise. */
  fs: FsPort;
  kind: 'tmpfs' | 'seam';
  /** Writes a filler file until the disk is full. */
  fill(): void;
  /** Removes the filler. */
  free(): void;
  cleanup(): void;
}

export function smallDisk(bytes: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'debtshield-disk-'));
  const filler = join(dir, 'filler');
  let mounted = false;
  if (process.platform === 'linux' && process.getuid?.() === 0 && process.env.ATTACK_NO_MOUNT !== '1') {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mounted = false;
    }
  }
  const fs = mounted ? nodeFs : budgetedFs(dir, bytes);
  return {
    dir,
    fs,
    kind: mounted ? 'tmpfs' : 'seam',
    fill() {
      const chunk = Buffer.alloc(4096);
      let size = 0;
      for (;;) {
        if (!mounted && usage(dir) + chunk.length > bytes) break;
        try {
          writeFileSync(filler, chunk, { flag: 'a' });
          size += chunk.length;
        } catch {
          break;
        }
      }
      // One byte more must fail now, however the disk rounds.
      for (const n of [512, 64, 1]) {
        for (;;) {
          if (!mounted && usage(dir) + n > bytes) break;
          try {
            writeFileSync(filler, Buffer.alloc(n), { flag: 'a' });
            size += n;
          } catch {
            break;
          }
        }
      }
      if (size === 0 && usage(dir) === 0) throw new Error('could not fill the disk');
    },
    free() {
      try {
        unlinkSync(filler);
      } catch {
        // already gone
      }
    },
    cleanup() {
      if (mounted) execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Bytes used by files under `dir`. */
function usage(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? usage(p) : st.size;
  }
  return total;
}

/** The real file system, except that a write past `bytes` under `root` writes what fits and fails with ENOSPC. */
function budgetedFs(root: string, bytes: number): FsPort {
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  return {
    ...nodeFs,
    async open(path, flags, mode) {
      const handle = await nodeFs.open(path, flags, mode);
      const limited: FileHandleLike = {
        async writeFile(data) {
          const room = bytes - usage(root);
          const buf = Buffer.from(data);
          if (buf.length <= room) return handle.writeFile(data);
          if (room > 0) await handle.writeFile(buf.subarray(0, room).toString('latin1'));
          throw enospc();
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
      return limited;
    },
  };
}

/**
 * The packaged app flips Electron's fuses (docs/security.md): electron-builder.yml names the
 * afterPack hook, and the hook, run on a binary carrying Electron's fuse wire, turns RunAsNode,
 * NODE_OPTIONS and the --inspect arguments off and asar integrity and asar-only loading on.
 * (Electron's own binary cannot be downloaded here; the wire format is @electron/fuses'.)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const require = createRequire(__filename);
let fuses: typeof import('@electron/fuses') | null = null;
try {
  fuses = require('@electron/fuses');
} catch {
  fuses = null;
}

describe('Electron fuses of the packaged app', () => {
  it('electron-builder.yml runs the afterPack hook and packs the app into an asar archive', () => {
    // top-level keys of the YAML file (no YAML parser among our dependencies)
    const text = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    const top = (key: string) => new RegExp(`^${key}:\\s*(\\S+)\\s*$`, 'm').exec(text)?.[1];
    expect(top('afterPack')).toBe('scripts/after-pack.cjs');
    expect(top('asar')).not.toBe('false');
    expect(fs.existsSync(path.join(ROOT, 'scripts', 'after-pack.cjs'))).toBe(true);
  });

  it.skipIf(!fuses)('the hook flips exactly the promised fuses in the binary (skipped: @electron/fuses is not installed)', async () => {
    const hook = require(path.join(ROOT, 'scripts', 'after-pack.cjs'));
    expect(hook.FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
    // A stand-in Electron for Linux: some bytes, the sentinel, wire version 1, 8 fuses all on.
    const dir = tempDir();
    const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const wire = Buffer.concat([
      Buffer.alloc(1000, 7),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from('11111111'),
      Buffer.alloc(500, 9),
    ]);
    fs.writeFileSync(path.join(dir, 'turnus'), wire);
    await hook({
      electronPlatformName: 'linux',
      appOutDir: dir,
      packager: { appInfo: { productFilename: 'Turnus' }, executableName: 'turnus' },
    });
    const current = await fuses!.getCurrentFuseWire(path.join(dir, 'turnus'));
    const { FuseV1Options } = fuses!;
    const on = (o: number) => current[o as keyof typeof current] === 49;
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true); // untouched
    // nothing else in the file changed
    const after = fs.readFileSync(path.join(dir, 'turnus'));
    expect(after.length).toBe(wire.length);
    expect(after.subarray(0, 1000 + SENTINEL.length + 2).equals(wire.subarray(0, 1000 + SENTINEL.length + 2))).toBe(true);
    // the other platforms' paths
    expect(
      hook.electronBinary({ electronPlatformName: 'win32', appOutDir: 'ut', packager: { appInfo: { productFilename: 'Turnus' } } }),
    ).toBe(path.join('ut', 'Turnus.exe'));
    expect(
      hook.electronBinary({ electronPlatformName: 'darwin', appOutDir: 'ut', packager: { appInfo: { productFilename: 'Turnus' } } }),
    ).toBe(path.join('ut', 'Turnus.app'));
  });
});

/**
 * Smaller safety promises (docs/security.md, docs/data-safety.md): free-form JSON arguments
 * have depth and size limits with a message naming the field; names lose control characters
 * and a name of only NUL is refused; `turnus export` replaces its output by rename, so an
 * interrupted or failed export never leaves a half-written file under the real name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/turnus';
import { nodeIo } from '../../../cli/io';
import { FIXTURES } from '../../paths';
import { openTestBackend, tempDir } from './helpers';

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('free-form JSON and names', () => {
  it('costs nested 5 000 deep or larger than 64 kB is refused with a message naming the field, not a stack overflow', async () => {
    const tb = await openTestBackend(undefined, { backups: false });
    const unit = await tb.api.createUnit('Solsiden');
    const deep = await tb.dispatch('updateUnitSettings', [unit.id, { costs: { x: nested(5000) } }]);
    expect(deep).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('nøstet for dypt') } });
    // The field is named by its label; the path stays in `field` for the form.
    expect(!deep.ok && deep.error.message).toContain('«Kostnadsmodell»');
    expect(!deep.ok && deep.error.field).toContain('costs');
    const big = await tb.dispatch('updateUnitSettings', [unit.id, { costs: { x: 'y'.repeat(70_000) } }]);
    expect(big).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('for stor') } });
    const fine = await tb.dispatch('updateUnitSettings', [unit.id, { costs: { timelonn: { sykepleier: 420 } } }]);
    expect(fine.ok).toBe(true);
  });

  it('a name of only NUL is refused; control characters are removed from names', async () => {
    const tb = await openTestBackend(undefined, { backups: false });
    expect(await tb.dispatch('createUnit', ['\u0000'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('kan ikke være tom') },
    });
    expect(await tb.dispatch('createUnit', ['\u0000\u0000 \u0007'])).toMatchObject({ ok: false });
    const r = await tb.dispatch('createUnit', ['Sol\u0000siden\u001b']);
    expect(r).toMatchObject({ ok: true, result: { name: 'Solsiden' } });
  });
});

describe('turnus export writes by rename', () => {
  it('replaces an existing output whole and leaves no temporary file; a failed write keeps the old file', async () => {
    const dir = tempDir();
    const fixture = path.join(FIXTURES, 'rules-november.turnus.json');
    const io = { ...nodeIo(), cwd: dir, stdout: () => {}, stderr: () => {} };
    fs.writeFileSync(path.join(dir, 'plan.csv'), 'gammel');
    expect(await main(['export', fixture, '--format', 'csv', '--out', 'plan.csv'], io)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'plan.csv'), 'utf8')).not.toBe('gammel');
    expect(fs.readdirSync(dir)).toEqual(['plan.csv']);
    const failing = {
      ...io,
      writeFile: async (f: string) => {
        fs.writeFileSync(f, 'halv');
        throw new Error('disken er full');
      },
    };
    const before = fs.readFileSync(path.join(dir, 'plan.csv'));
    expect(await main(['export', fixture, '--format', 'csv', '--out', 'plan.csv'], failing)).not.toBe(0);
    expect(fs.readFileSync(path.join(dir, 'plan.csv')).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['plan.csv']);
  });
});

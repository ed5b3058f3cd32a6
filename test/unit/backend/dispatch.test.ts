import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../shared/api';
import { argSchemas, createHandlers, SECTIONS } from '../../../electron/backend/registry';
import { dispatch } from '../../../electron/backend/dispatch';
import { openTestBackend } from './helpers';

describe('handler registry', () => {
  it('every method in API_METHODS has a handler and an argument schema, and nothing else is exposed', async () => {
    const { api } = await openTestBackend();
    const schemas = argSchemas();
    const missingHandler = API_METHODS.filter((m) => typeof (api as unknown as Record<string, unknown>)[m] !== 'function');
    const missingSchema = API_METHODS.filter((m) => !Object.hasOwn(schemas, m));
    expect(missingHandler, 'methods without a handler').toEqual([]);
    expect(missingSchema, 'methods without an argument schema').toEqual([]);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(schemas).sort()).toEqual([...API_METHODS].sort());
  });

  it('each schema names exactly its parameters', () => {
    for (const [method, sig] of Object.entries(argSchemas())) {
      expect(
        sig.names.every((n) => typeof n === 'string' && n.length > 0),
        method,
      ).toBe(true);
    }
  });

  it('a method defined by two sections is a startup error', () => {
    expect(() => argSchemas([...SECTIONS, SECTIONS[0]])).toThrow(/two sections/);
  });
});

describe('dispatch', () => {
  it('calls the handler and returns JSON semantics', async () => {
    const { api } = await openTestBackend();
    const res = await dispatch(api, 'createUnit', ['Solsiden']);
    expect(res).toMatchObject({ ok: true, result: { id: 1, name: 'Solsiden' } });
    const del = await dispatch(api, 'deleteUnit', [1]);
    expect(del).toEqual({ ok: true, result: null }); // undefined → null, as over HTTP
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'nope', '', 42, null])(
    'rejects the method name %s as UNKNOWN_METHOD',
    async (name) => {
      const { api } = await openTestBackend();
      const res = await dispatch(api, name, []);
      expect(res).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', field: 'method', message: expect.stringContaining('Ukjent funksjon') },
      });
    },
  );

  it('a method present on the object but not in API_METHODS is not callable', async () => {
    const { api } = await openTestBackend();
    const extended = Object.assign(Object.create(null), api, { dropEverything: () => 'boom' });
    expect(await dispatch(extended, 'dropEverything', [])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('bad arguments get one envelope with a Norwegian message naming the field', async () => {
    const { api } = await openTestBackend();
    await dispatch(api, 'createUnit', ['U']);
    expect(await dispatch(api, 'createUnit', 'U')).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'args', message: 'Argumentene til createUnit må være en liste.' },
    });
    expect(await dispatch(api, 'getUnit', [])).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'unitId', message: 'Kallet getUnit mangler argument: unitId.' },
    });
    expect(await dispatch(api, 'getUnit', [1, 2])).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'args' } });
    expect(await dispatch(api, 'getUnit', ['1'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'unitId', message: expect.stringMatching(/^«Avdeling»: /) },
    });
    expect(await dispatch(api, 'addEmployee', [1, { name: 'Kari', competence: 'sykepleier', position: 1.5 }])).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'employee.position', message: '«Stillingsprosent»: kan ikke være over 100 % (1,0).' },
    });
    expect(await dispatch(api, 'setCells', [1, [{ employeeId: '1', date: '2026-13-01', code: 'D' }]])).toMatchObject({
      ok: false,
      error: { field: 'changes[0].date' },
    });
    expect(await dispatch(api, 'createPlan', [1, 'P', '2026-01-05', 4])).toMatchObject({
      ok: false,
      error: { field: 'months', message: expect.stringContaining('3, 6 eller 12') },
    });
  });

  it('errors thrown by handlers become the same envelope', async () => {
    const { api } = await openTestBackend();
    expect(await dispatch(api, 'getUnit', [99])).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'unitId', message: 'Fant ikke enheten med id 99.' },
    });
  });

  it('optional trailing arguments accept null (JSON has no undefined)', async () => {
    const { api } = await openTestBackend();
    await dispatch(api, 'createUnit', ['U']);
    const res = await dispatch(api, 'saveShiftType', [1, { code: 'K', start: '08:00', end: '16:00' }, null]);
    expect(res).toMatchObject({ ok: true });
  });

  it('never throws, even when a handler does something unexpected', async () => {
    const { opened } = await openTestBackend();
    const api = createHandlers(opened.db, { dataFile: 'x', mode: 'browser', version: 't', backups: null });
    (api as unknown as Record<string, unknown>).listUnits = async () => {
      throw new TypeError('oops');
    };
    const errSpy = console.error;
    console.error = () => {};
    try {
      expect(await dispatch(api, 'listUnits', [])).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      console.error = errSpy;
    }
  });
});

/**
 * The plan store's logic without a DOM: edits, undo/redo, selection and the save queue. The
 * transport stands in for the API client (the boundary of the renderer), recording the batches
 * it is asked to save; the rule sink records what the grid's rule hits would show.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createPlanStore } from '../../../renderer/src/stores/plan/createPlanStore';
import type { PlanTransport, RuleSink } from '../../../renderer/src/stores/plan/types';
import { keyOf } from '../../../renderer/src/lib/cellKey';
import type { CellChange, PlanDetail } from '../../../shared/api';
import { ApiError } from '../../../shared/api/rpc';
import { makePlan } from '../core/helpers';

const START = '2027-01-04'; // a Monday
const END = '2027-01-17';

function detail(): PlanDetail {
  const file = makePlan({
    period: { start: START, end: END },
    employees: [
      { id: '1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1 },
      { id: '2', name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.8 },
      { id: '3', name: 'Per Berg', competence: 'helsefagarbeider', position: 0.5 },
    ],
    assignments: [
      { employee: '1', date: '2027-01-04', code: 'D' },
      { employee: '2', date: '2027-01-05', code: 'FE' },
    ],
  });
  return { id: 7, unitId: 1, name: 'Vår 2027', start: START, end: END, status: 'utkast', updatedAt: '2026-12-01T00:00:00Z', file };
}

class FakeTransport implements PlanTransport {
  batches: CellChange[][] = [];
  fail: string | null = null;
  async getPlan(planId: number) {
    return { ...detail(), id: planId };
  }
  async setCells(_planId: number, changes: CellChange[]) {
    if (this.fail) throw new ApiError({ code: 'STORAGE', message: this.fail });
    this.batches.push(changes);
    return { written: changes.length, updatedAt: '2026-12-07T00:00:00Z' };
  }
  async updateUnitSettings(): Promise<never> {
    throw new Error('not used');
  }
  async updateEmployee(): Promise<never> {
    throw new Error('not used');
  }
}

function recordingRules() {
  const calls = { setAll: 0, employees: [] as string[][], clear: 0 };
  const sink: RuleSink = {
    clear: () => {
      calls.clear++;
    },
    setAll: () => {
      calls.setAll++;
    },
    setEmployees: (updates) => {
      calls.employees.push(Object.keys(updates));
    },
  };
  return { sink, calls };
}

async function openStore(saveDelayMs = 1_000_000) {
  const transport = new FakeTransport();
  const rules = recordingRules();
  const store = createPlanStore({ transport, rules: rules.sink, saveDelayMs });
  await store.getState().load(7);
  return { store, transport, rules: rules.calls, s: () => store.getState() };
}

const code = (st: ReturnType<typeof createPlanStore>, emp: string, date: string) => st.getState().cells.get(keyOf(emp, date));

afterEach(() => {
  vi.useRealTimers();
});

describe('plan store: loading and editing', () => {
  it('loads the plan: one row per employee, one column per day, the stored cells and the figures', async () => {
    const { store, s, rules } = await openStore();
    expect(s().employees.map((e) => e.name)).toEqual(['Kari Nordmann', 'Ola Hansen', 'Per Berg']);
    expect(s().days).toHaveLength(14);
    expect(code(store, '1', '2027-01-04')).toBe('D');
    expect(s().stats['1'].plannedHours).toBe(7.5);
    expect(rules.setAll).toBe(1);
    expect(s().saveState).toBe('lagret');
    expect(s().hasUnsaved()).toBe(false);
  });

  it('an edit shows at once, updates the figures and the rule hits of that employee, and waits to be saved', async () => {
    const { store, s, rules, transport } = await openStore();
    s().apply([{ key: keyOf('3', '2027-01-06'), code: 'A' }]);
    expect(code(store, '3', '2027-01-06')).toBe('A');
    expect(s().stats['3'].plannedHours).toBe(7.5);
    expect(rules.employees).toEqual([['3']]);
    expect(s().saveState).toBe('endret');
    expect(s().hasUnsaved()).toBe(true);
    expect(transport.batches).toEqual([]);
  });

  it('writing the code a cell already has is no edit (nothing to undo, nothing to save)', async () => {
    const { s } = await openStore();
    s().apply([{ key: keyOf('1', '2027-01-04'), code: 'D' }]);
    expect(s().undoStack).toEqual([]);
    expect(s().hasUnsaved()).toBe(false);
  });
});

describe('plan store: what the capacity figures follow', () => {
  it('a shift typed over a shift leaves the capacity alone; writing, changing or removing absence recomputes it', async () => {
    const { s } = await openStore();
    const rev0 = s().capacityRev;
    expect(rev0).toBeGreaterThan(0); // the check after the load
    s().apply([{ key: keyOf('1', '2027-01-04'), code: 'N' }]);
    s().apply([{ key: keyOf('3', '2027-01-06'), code: 'A' }]);
    s().apply([{ key: keyOf('3', '2027-01-06'), code: null }]);
    expect(s().capacityRev).toBe(rev0);
    s().apply([{ key: keyOf('3', '2027-01-07'), code: 'FE' }]);
    expect(s().capacityRev).toBe(rev0 + 1);
    s().apply([{ key: keyOf('2', '2027-01-05'), code: 'D' }]);
    expect(s().capacityRev).toBe(rev0 + 2);
    s().undo();
    expect(s().capacityRev).toBe(rev0 + 3);
  });
});

describe('plan store: undo and redo', () => {
  it('undo puts back what was there, redo does the edit again', async () => {
    const { store, s } = await openStore();
    s().apply([
      { key: keyOf('1', '2027-01-04'), code: 'N' },
      { key: keyOf('2', '2027-01-06'), code: 'D' },
    ]);
    s().undo();
    expect(code(store, '1', '2027-01-04')).toBe('D');
    expect(code(store, '2', '2027-01-06')).toBeUndefined();
    s().redo();
    expect(code(store, '1', '2027-01-04')).toBe('N');
    expect(code(store, '2', '2027-01-06')).toBe('D');
  });

  it('a new edit after undo drops the redo step; a drag painting is one undo step', async () => {
    const { store, s } = await openStore();
    s().apply([{ key: keyOf('3', '2027-01-04'), code: 'D' }]);
    s().apply([{ key: keyOf('3', '2027-01-05'), code: 'D' }], true);
    s().apply([{ key: keyOf('3', '2027-01-06'), code: 'D' }], true);
    expect(s().undoStack).toHaveLength(1);
    s().undo();
    expect(['04', '05', '06'].map((d) => code(store, '3', `2027-01-${d}`))).toEqual([undefined, undefined, undefined]);
    s().apply([{ key: keyOf('3', '2027-01-07'), code: 'A' }]);
    expect(s().redoStack).toEqual([]);
  });

  it('undoing every edit gives back the loaded plan, redoing them all gives the edited one', async () => {
    const days = Array.from({ length: 14 }, (_, i) => `2027-01-${String(4 + i).padStart(2, '0')}`);
    const edit = fc.record({
      emp: fc.constantFrom('1', '2', '3'),
      day: fc.constantFrom(...days),
      code: fc.constantFrom('D', 'A', 'N', 'FE', null),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { maxLength: 12 }), async (steps) => {
        const { s } = await openStore();
        const snapshot = () => [...s().cells].sort();
        const loaded = snapshot();
        for (const step of steps) s().apply(step.map((e) => ({ key: keyOf(e.emp, e.day), code: e.code })));
        const edited = snapshot();
        while (s().undoStack.length) s().undo();
        expect(snapshot()).toEqual(loaded);
        while (s().redoStack.length) s().redo();
        expect(snapshot()).toEqual(edited);
      }),
      { numRuns: 40 },
    );
  });
});

describe('plan store: selection', () => {
  it('the cursor stays inside the plan and shift extends the selection from the anchor', async () => {
    const { s } = await openStore();
    s().setCursor({ r: 10, c: -3 });
    expect(s().cursor).toEqual({ r: 2, c: 0 });
    s().setCursor({ r: 0, c: 1 });
    s().moveCursor(1, 2, true);
    expect(s().anchor).toEqual({ r: 0, c: 1 });
    expect(s().cursor).toEqual({ r: 1, c: 3 });
  });

  it('fills, copies and pastes the selected block', async () => {
    const { store, s } = await openStore();
    s().selectRange({ r: 2, c: 0 }, { r: 2, c: 1 });
    s().fillSelection('A');
    expect(code(store, '3', '2027-01-04')).toBe('A');
    expect(code(store, '3', '2027-01-05')).toBe('A');
    s().copySelection();
    s().setCursor({ r: 0, c: 7 });
    s().paste();
    expect(code(store, '1', '2027-01-11')).toBe('A');
    expect(code(store, '1', '2027-01-12')).toBe('A');
    expect(s().anchor).toEqual({ r: 0, c: 7 });
    expect(s().cursor).toEqual({ r: 0, c: 8 });
  });

  it('«Gjenta ut perioden» repeats a copied week to the end and keeps ferie already planned', async () => {
    const { store, s } = await openStore();
    s().selectRange({ r: 1, c: 0 }, { r: 1, c: 6 });
    s().fillSelection('D');
    expect(code(store, '2', '2027-01-05')).toBe('D');
    s().undo(); // ferie on the 5th is back
    s().setCursor({ r: 2, c: 0 });
    s().fillSelection('N');
    s().selectRange({ r: 2, c: 0 }, { r: 2, c: 0 });
    s().copySelection();
    s().selectRange({ r: 1, c: 0 }, { r: 1, c: 0 });
    const n = s().pasteToEnd();
    expect(n).toBe(13);
    expect(code(store, '2', '2027-01-05')).toBe('FE');
    expect(code(store, '2', '2027-01-17')).toBe('N');
  });
});

describe('plan store: save queue', () => {
  it('edits made close together go to the API client as one batch after the delay', async () => {
    vi.useFakeTimers();
    const { s, transport } = await openStore(400);
    s().apply([{ key: keyOf('3', '2027-01-04'), code: 'D' }]);
    await vi.advanceTimersByTimeAsync(300);
    s().apply([
      { key: keyOf('3', '2027-01-05'), code: 'A' },
      { key: keyOf('1', '2027-01-04'), code: null },
    ]);
    await vi.advanceTimersByTimeAsync(300);
    expect(transport.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(transport.batches).toEqual([
      [
        { employeeId: '3', date: '2027-01-04', code: 'D' },
        { employeeId: '3', date: '2027-01-05', code: 'A' },
        { employeeId: '1', date: '2027-01-04', code: null },
      ],
    ]);
    expect(s().saveState).toBe('lagret');
    expect(s().hasUnsaved()).toBe(false);
  });

  it('a cell changed twice before saving is saved once, with its last code', async () => {
    const { s, transport } = await openStore();
    s().apply([{ key: keyOf('3', '2027-01-04'), code: 'D' }]);
    s().apply([{ key: keyOf('3', '2027-01-04'), code: 'N' }]);
    await s().flush();
    expect(transport.batches).toEqual([[{ employeeId: '3', date: '2027-01-04', code: 'N' }]]);
  });

  it('a failed save says why, keeps the edits and retries them; a newer edit of the same cell wins', async () => {
    const { store, s, transport } = await openStore();
    transport.fail = 'Databasen er låst av et annet program.';
    s().apply([
      { key: keyOf('3', '2027-01-04'), code: 'D' },
      { key: keyOf('3', '2027-01-05'), code: 'D' },
    ]);
    await s().flush();
    expect(s().saveState).toBe('feil');
    expect(s().saveError).toBe('Databasen er låst av et annet program.');
    expect(s().hasUnsaved()).toBe(true);
    expect(code(store, '3', '2027-01-04')).toBe('D');
    transport.fail = null;
    s().apply([{ key: keyOf('3', '2027-01-05'), code: 'A' }]);
    await s().flush();
    expect(s().saveState).toBe('lagret');
    expect(transport.batches).toHaveLength(1);
    expect([...transport.batches[0]].sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { employeeId: '3', date: '2027-01-04', code: 'D' },
      { employeeId: '3', date: '2027-01-05', code: 'A' },
    ]);
  });

  it('discarding unsaved edits shows the plan as stored and empties undo', async () => {
    const { store, s, transport } = await openStore();
    transport.fail = 'Ingen kontakt.';
    s().apply([{ key: keyOf('1', '2027-01-04'), code: 'N' }]);
    await s().flush();
    await s().discardUnsaved();
    expect(code(store, '1', '2027-01-04')).toBe('D');
    expect(s().saveState).toBe('lagret');
    expect(s().undoStack).toEqual([]);
    expect(s().hasUnsaved()).toBe(false);
  });

  it('unsaved edits survive a reload of the plan', async () => {
    const { store, s } = await openStore();
    s().apply([{ key: keyOf('2', '2027-01-08'), code: 'L' }]);
    await s().reloadFile();
    expect(code(store, '2', '2027-01-08')).toBe('L');
  });

  it('two stores never share a queue', async () => {
    const a = await openStore();
    const b = await openStore();
    a.s().apply([{ key: keyOf('1', '2027-01-05'), code: 'A' }]);
    expect(b.s().hasUnsaved()).toBe(false);
    await b.s().flush();
    expect(b.transport.batches).toEqual([]);
  });
});

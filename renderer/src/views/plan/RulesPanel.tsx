import { useDeferredValue, useMemo, useState } from 'react';
import { allHits, useRules } from '../../stores/rules';
import { usePlan } from '../../stores/plan';
import { reveal } from '../../stores/viewport';
import { RULE_BY_ID } from '../../../../shared/rules/index';
import { formatDateNo } from '../../../../shared/calendar';
import { count } from '../../../../shared/text';
import type { Violation } from '../../../../shared/rules/engine';

const SEVERITY_LABEL: Record<string, string> = { error: 'Brudd', warning: 'Advarsel', info: 'Merknad' };

interface Group {
  employeeId: string;
  name: string;
  rules: { rule: string; title: string; items: Violation[] }[];
  count: number;
  /** The most serious hit of the employee: colours her count (red brudd, amber advarsel, grey merknad). */
  worst: Violation['severity'];
}

const RANK: Record<Violation['severity'], number> = { error: 3, warning: 2, info: 1 };

/** Rule hits grouped by employee and rule; clicking one jumps to the cell. */
export function RulesPanel() {
  const byEmployeeHits = useDeferredValue(useRules((s) => s.byEmployeeHits));
  const counts = useRules((s) => s.counts);
  const ready = useRules((s) => s.ready);
  const employees = usePlan((s) => s.employees);
  const hits = useMemo(() => allHits(byEmployeeHits, employees), [byEmployeeHits, employees]);
  const days = usePlan((s) => s.days);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [collapsed, setCollapsedState] = useState(() => localStorage.getItem('turnus.rulesCollapsed') === '1');
  const setCollapsed = (v: boolean) => {
    localStorage.setItem('turnus.rulesCollapsed', v ? '1' : '0');
    setCollapsedState(v);
  };

  const groups = useMemo(() => {
    const byEmp = new Map<string, Group>();
    for (const e of employees) byEmp.set(e.id, { employeeId: e.id, name: e.name, rules: [], count: 0, worst: 'info' });
    for (const v of hits) {
      const g = byEmp.get(v.employee);
      if (!g) continue;
      let r = g.rules.find((x) => x.rule === v.rule);
      if (!r) {
        r = { rule: v.rule, title: RULE_BY_ID.get(v.rule)?.title ?? v.rule, items: [] };
        g.rules.push(r);
      }
      r.items.push(v);
      g.count++;
      if (RANK[v.severity] > RANK[g.worst]) g.worst = v.severity;
    }
    return [...byEmp.values()].filter((g) => g.count > 0);
  }, [hits, employees]);

  const errors = counts.error;
  const warnings = counts.warning;

  function jump(v: Violation) {
    const c = v.date ? days.indexOf(v.date) : usePlan.getState().cursor.c;
    reveal({ employeeId: v.employee, date: days[Math.max(0, c)] });
  }

  if (collapsed) {
    return (
      <aside className="rules-panel collapsed" aria-label="Regelsjekk">
        <button type="button" className="rules-open" onClick={() => setCollapsed(false)} title="Vis regelsjekken">
          <span>Regelsjekk</span>
          {ready && <span className={errors ? 'count bad' : 'count ok'}>{errors ? `${errors} brudd` : 'OK'}</span>}
        </button>
      </aside>
    );
  }

  return (
    <aside className="rules-panel" aria-label="Regelsjekk">
      <div className="rules-head">
        <h2>Regelsjekk</h2>
        <button type="button" className="link" onClick={() => setCollapsed(true)} title="Gi turnusen mer plass">
          Skjul
        </button>
      </div>
      {!ready ? (
        <p className="muted">Sjekker planen …</p>
      ) : errors + warnings + counts.info === 0 ? (
        <p className="ok">Ingen brudd på arbeidsmiljøloven eller avtalene.</p>
      ) : (
        <p className="rules-summary">
          <span className={errors ? 'bad' : 'ok'}>{errors} brudd</span>
          {warnings > 0 && (
            <>
              , <span className="warn">{count(warnings, 'advarsel', 'advarsler')}</span>
            </>
          )}
          {counts.info > 0 && <>, {count(counts.info, 'merknad', 'merknader')}</>}
        </p>
      )}
      <ul className="rules-list">
        {groups.map((g) => {
          const isOpen = open[g.employeeId] ?? groups.length <= 4;
          return (
            <li key={g.employeeId}>
              <button
                type="button"
                className="rules-emp"
                aria-expanded={isOpen}
                onClick={() => setOpen({ ...open, [g.employeeId]: !isOpen })}
              >
                <span>
                  {isOpen ? '▾' : '▸'} {g.name}
                </span>
                <span
                  className={'count sev-' + g.worst}
                  title={g.worst === 'error' ? 'Har brudd' : g.worst === 'warning' ? 'Advarsler, ingen brudd' : 'Bare merknader'}
                >
                  {g.count}
                </span>
              </button>
              {isOpen &&
                g.rules.map((r) => (
                  <div key={r.rule} className="rules-rule">
                    <div className="rules-title">{r.title}</div>
                    <ul>
                      {r.items.map((v, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the hits of one rule in the order the engine reports them; the list is rebuilt, never reordered
                        <li key={i}>
                          <button
                            type="button"
                            className={'rules-item sev-' + v.severity}
                            onClick={() => jump(v)}
                            title={`${SEVERITY_LABEL[v.severity] ?? v.severity} · ${v.source}`}
                          >
                            {v.date && <span className="rdate">{formatDateNo(v.date)}</span>}
                            <span>{v.message}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}

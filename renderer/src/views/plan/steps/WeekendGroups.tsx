/** Step 4, the tables: the weekend groups' summary (can give vs demand, shifts it cannot cover) and each person's group. */
import { fmtHours } from '../../../lib/format';
import { COMPETENCE_LABEL, type Competence, type Employee } from '../../../../../shared/plan/model';
import type { WeekendGroupSummary } from '../../../../../shared/askermodellen/weekend-summary';
import { formatDateNo } from '../../../../../shared/calendar';

const short = (date: string) => formatDateNo(date, false).slice(0, 5);

/** Per group: members, langvakt consenters, sykepleiere, night-exempt, hours vs demand, shifts it cannot cover, its weekends. */
export function WeekendGroupSummaryTable({ summary }: { summary: WeekendGroupSummary }) {
  return (
    <>
      <table className="table compact" aria-label="Oppsummering av helgegruppene">
        <thead>
          <tr>
            <th>Gruppe</th>
            <th>Helger (fra ankeret)</th>
            <th>Ansatte</th>
            <th>Samtykket langvakt</th>
            <th>Sykepleiere</th>
            <th>Fritatt natt</th>
            <th>Kan gi på sine helger</th>
            <th>Helgene trenger</th>
            <th>Kan ikke dekkes</th>
          </tr>
        </thead>
        <tbody>
          {summary.groups.map((g) => (
            <tr key={g.group} data-group={g.group} className={g.warning ? 'row-warn' : undefined}>
              <td>
                <b>Gruppe {g.group + 1}</b>
              </td>
              <td>
                {g.weekends
                  .slice(0, 3)
                  .map((s) => short(s))
                  .join(', ')}
                {g.weekends.length > 3 ? ` … (${g.weekends.length} helger)` : g.weekends.length === 0 ? 'ingen i perioden' : ''}
              </td>
              <td>{g.members.length}</td>
              <td>{g.consenters}</td>
              <td>{g.sykepleiere}</td>
              <td>{g.nightExempt}</td>
              <td className={g.shortfallHours > 0 ? 'bad' : undefined}>{fmtHours(g.canGiveHours)} t</td>
              <td>{fmtHours(g.demandHours)} t</td>
              <td
                className={g.uncoverableShifts > 0 ? 'bad' : undefined}
                title={
                  g.uncoverableShifts > 0
                    ? `${g.uncoverableExamples.join(', ')}${g.uncoverableShifts > g.uncoverableExamples.length ? ' …' : ''}`
                    : undefined
                }
              >
                {g.uncoverableShifts === 0
                  ? '0'
                  : `${g.uncoverableShifts} ${g.uncoverableShifts === 1 ? 'vakt' : 'vakter'} (${fmtHours(g.uncoverableHours)} t)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.warnings.length > 0 && (
        <ul className="warn-list" aria-label="Advarsler om helgegruppene">
          {summary.warnings.map((w) => (
            <li key={w} className="warn">
              {w}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function EmployeeGroupTable({
  employees,
  groups,
  k,
  onChange,
}: {
  employees: Employee[];
  groups: ReadonlyMap<string, number>;
  k: number;
  onChange: (employeeId: string, group: number | null) => void;
}) {
  return (
    <table className="table compact" aria-label="Helgegrupper">
      <thead>
        <tr>
          <th>Ansatt</th>
          <th>Kompetanse</th>
          <th>Langvakt</th>
          <th>Natt</th>
          <th>Helgegruppe</th>
        </tr>
      </thead>
      <tbody>
        {employees.map((e) => (
          <tr key={e.id}>
            <td>{e.name}</td>
            <td>{COMPETENCE_LABEL[e.competence as Competence] ?? e.competence}</td>
            <td>{e.consentsLongShifts ? 'Samtykket' : <span className="warn">Ikke samtykket</span>}</td>
            <td>{e.nightExempt ? 'Fritatt' : ''}</td>
            <td>
              <select
                aria-label={`Helgegruppe for ${e.name}`}
                value={groups.get(e.id) ?? ''}
                onChange={(ev) => onChange(e.id, ev.target.value === '' ? null : Number(ev.target.value))}
              >
                <option value="">Ingen</option>
                {Array.from({ length: k }, (_, g) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the index is the weekend group number itself
                  <option key={g} value={g}>
                    Gruppe {g + 1}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

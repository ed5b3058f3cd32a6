import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldMessage } from '../../../shared/api/labels';
import { API_METHODS } from '../../../shared/api';
import { argSchemas } from '../../../electron/backend/registry';

describe('field labels in API errors', () => {
  it('names the field as the screen does, with the row for list elements', () => {
    expect(fieldMessage('rows[3].count', 'kan være høyst 200')).toBe('«Antall» (rad 4 i bemanningsplanen): kan være høyst 200.');
    expect(fieldMessage('settings.agreements.maxShiftHours', 'kan være høyst 16 timer.')).toBe(
      '«Lengste vakt (timer)»: kan være høyst 16 timer.',
    );
    expect(fieldLabel('employee.position')).toEqual({ label: 'Stillingsprosent' });
    expect(fieldLabel('changes[0].code')).toEqual({ label: 'Kode', where: 'rad 1 i endringene' });
  });

  it('every parameter name of every API method has a label (no internal name reaches the user)', () => {
    const schemas = argSchemas();
    const unlabelled = new Set<string>();
    for (const m of API_METHODS) {
      for (const n of schemas[m].names) if (fieldLabel(n).label === 'Verdien') unlabelled.add(`${m}(${n})`);
    }
    // Parameters that are whole objects carry their labels one level down (their fields).
    const objects = new Set(['settings', 'shiftType', 'employee', 'patch', 'options', 'input', 'setup']);
    expect([...unlabelled].filter((u) => !objects.has(u.slice(u.indexOf('(') + 1, -1)))).toEqual([]);
  });
});

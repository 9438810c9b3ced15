import { finesConfigSchema } from '@ulms/fines/contracts';
import { describe, expect, it } from 'vitest';
import { labelsOf } from './fines-config-labels.js';
import { finesConfigFormSchema, formValuesOf } from './fines-config.form-schema.js';

const defaults = finesConfigSchema.parse({});

describe('the fines configuration form', () => {
  it('gives back the saved settings unchanged when nothing was edited', () => {
    expect(finesConfigFormSchema.parse(formValuesOf(defaults))).toEqual(defaults);
  });

  it('reads a typed VAT rate and waiving limit as numbers, an empty VAT rate as none', () => {
    const values = formValuesOf(defaults);
    values.feeTypes = values.feeTypes.map((type, i) => (i === 0 ? { ...type, vatRate: '12.5' } : type));
    values.waivingFinesFeesLimit = '250';
    const parsed = finesConfigFormSchema.parse(values);
    expect(parsed.feeTypes.slice(0, 2).map((t) => t.vatRate)).toEqual([12.5, null]);
    expect(parsed.waivingFinesFeesLimit).toBe(250);
  });

  it("refuses what the server would, by the field's path", () => {
    const values = formValuesOf(defaults);
    values.waiveReasons.push({ code: 'goodwill', description: 'Goodwill' });
    values.feeTypes = values.feeTypes.map((type, i) => (i === 0 ? { ...type, vatRate: '101' } : type));
    values.waivingFinesFeesLimit = 'lots';
    const result = finesConfigFormSchema.safeParse(values);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'feeTypes.0.vatRate',
      'waiveReasons.3.code',
      'waivingFinesFeesLimit',
    ]);
  });

  it('names fields in error for the summary', () => {
    expect(labelsOf(['waiveReasons.3.code', 'feeTypes.0', 'waivingFinesFeesLimit'])).toEqual({
      'waiveReasons.3.code': 'Waive reason 4, code',
      'feeTypes.0': 'Fine/fee type 1',
      waivingFinesFeesLimit: 'Waiving limit',
    });
  });
});

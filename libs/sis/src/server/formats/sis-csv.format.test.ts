import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SisSourceRecord } from '../../contracts/sis-extension-points.js';
import { type SisProfileSettingsInput, sisProfileSettings } from '../../contracts/sis-profile.schema.js';
import { writeCsv, writeZip } from '../../testing/sis-files.js';
import { sisCsvFormat } from './sis-csv.format.js';

const csvMapping = [
  { column: 'ID', field: 'primary_id' },
  { column: 'First', field: 'first_name' },
  { column: 'Last', field: 'last_name' },
  { column: 'Group', field: 'user_group' },
  { column: 'Expires', field: 'expiry_date' },
  { column: 'Mail', field: 'email.personal' },
  { column: 'Work mail', field: 'email.work' },
  { column: 'Mobile', field: 'phone.mobile' },
  { column: 'Street', field: 'address.home.line1' },
  { column: 'City', field: 'address.home.city' },
  { column: 'Country', field: 'address.home.country' },
  { column: 'Office', field: 'address.work.line1' },
  { column: 'Barcode', field: 'identifier.BARCODE' },
  { column: 'Programme', field: 'statistic.PROGRAMME' },
  { column: 'Remark', field: 'note.OTHER' },
];
const header = csvMapping.map((m) => m.column);
const row = (id: string, cells: Record<string, string> = {}): string[] =>
  header.map((column) => (column === 'ID' ? id : (cells[column] ?? '')));

const profileOf = (settings: Partial<SisProfileSettingsInput> = {}) =>
  sisProfileSettings.parse({ name: 'Test', format: 'sis.csv', csvMapping, ...settings });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ulms-sis-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(path: string, profile = profileOf(), signal?: AbortSignal): Promise<SisSourceRecord[]> {
  const records: SisSourceRecord[] = [];
  for await (const record of sisCsvFormat.read({ path, fileName: 'users.csv', profile, signal })) records.push(record);
  return records;
}

describe('sisCsvFormat', () => {
  it('maps a row to an Alma user document the users module reads without unmapped fields', async () => {
    const full = row('S1', {
      First: 'Ann',
      Last: 'Lee',
      Group: 'UNDERGRAD',
      Expires: '2030-06-30',
      Mail: 'ann@example.edu',
      'Work mail': 'ann@work.example',
      Mobile: '+1 555 0100',
      Street: '1 Main St',
      City: 'Springfield',
      Country: 'USA',
      Office: 'Hall 3',
      Barcode: 'B1',
      Programme: 'BIO',
      Remark: 'Transfer, 2nd year',
    });
    const path = await writeCsv(dir, 'full.csv', [header, full]);
    expect(await readAll(path)).toStrictEqual([
      {
        user: {
          primary_id: 'S1',
          first_name: 'Ann',
          last_name: 'Lee',
          user_group: { value: 'UNDERGRAD' },
          expiry_date: '2030-06-30',
          contact_info: {
            email: [
              {
                email_address: 'ann@example.edu',
                email_type: [{ value: 'personal' }],
                preferred: true,
                segment_type: 'External',
              },
              {
                email_address: 'ann@work.example',
                email_type: [{ value: 'work' }],
                preferred: false,
                segment_type: 'External',
              },
            ],
            phone: [
              {
                phone_number: '+1 555 0100',
                phone_type: [{ value: 'mobile' }],
                preferred: true,
                segment_type: 'External',
              },
            ],
            address: [
              {
                address_type: [{ value: 'home' }],
                preferred: true,
                segment_type: 'External',
                line1: '1 Main St',
                city: 'Springfield',
                country: { value: 'USA' },
              },
              { address_type: [{ value: 'work' }], preferred: false, segment_type: 'External', line1: 'Hall 3' },
            ],
          },
          user_identifier: [{ id_type: { value: 'BARCODE' }, value: 'B1', status: 'ACTIVE', segment_type: 'External' }],
          user_statistic: [
            { statistic_category: { value: 'BIO' }, category_type: { value: 'PROGRAMME' }, segment_type: 'External' },
          ],
          user_note: [
            {
              note_type: { value: 'OTHER' },
              note_text: 'Transfer, 2nd year',
              user_viewable: false,
              segment_type: 'External',
            },
          ],
        },
      },
    ]);
  });

  it('leaves empty cells out, trims cells, and tolerates a BOM, quotes and another delimiter', async () => {
    const lines = [header.join(';'), row(' S2 ', { First: '"Ann; Jr"', Mail: '  ' }).join(';'), ''];
    const path = join(dir, 'semicolon.csv');
    await writeFile(path, `\ufeff${lines.join('\n')}`);
    const records = await readAll(path, profileOf({ csvDelimiter: ';' }));
    expect(records).toStrictEqual([{ user: { primary_id: 'S2', first_name: 'Ann; Jr' } }]);
  });

  it('gives an error record for a row with another number of cells, and goes on', async () => {
    const path = await writeCsv(dir, 'short.csv', [header, row('S1'), ['S2', 'Ann', 'Lee'], row('S3')]);
    expect(await readAll(path)).toStrictEqual([
      { user: { primary_id: 'S1' } },
      { error: `row 3 has 3 cells; the header has ${header.length}` },
      { user: { primary_id: 'S3' } },
    ]);
  });

  it('fails before any record when a mapped column is not in the header', async () => {
    const path = await writeCsv(dir, 'missing.csv', [header.filter((c) => c !== 'City'), row('S1').slice(1)]);
    await expect(readAll(path)).rejects.toThrow(
      'column "City" of the profile\'s mapping is not in the header of users.csv',
    );
  });

  it('fails without a mapping, or with a target that is not one', async () => {
    const path = await writeCsv(dir, 'any.csv', [header, row('S1')]);
    await expect(readAll(path, profileOf({ csvMapping: [] }))).rejects.toThrow('the profile has no CSV column mapping');
    const bad = profileOf({ csvMapping: [{ column: 'ID', field: 'foo' }] });
    await expect(readAll(path, bad)).rejects.toThrow(/^column "ID" of the profile's mapping: "foo" is not a field/);
  });

  it('fails on a file that is not valid CSV', async () => {
    const path = join(dir, 'quotes.csv');
    await writeFile(path, `${header.join(',')}\n"S1"x,${row('').slice(1).join(',')}\n`);
    await expect(readAll(path)).rejects.toThrow(/^users\.csv is not valid CSV: /);
  });

  it('reads the CSV files of a zip in turn, each with its header', async () => {
    const csv = (ids: string[]): string => [header, ...ids.map((id) => row(id))].map((r) => r.join(',')).join('\n');
    const path = await writeZip(dir, 'csv.zip', [
      { name: 'a.csv', content: csv(['S1', 'S2']) },
      { name: 'b.txt', content: csv(['S3']) },
    ]);
    expect((await readAll(path)).map((r) => r.user?.['primary_id'])).toStrictEqual(['S1', 'S2', 'S3']);
  });

  it('stops reading when aborted', async () => {
    const path = await writeCsv(dir, 'abort.csv', [header, row('S1'), row('S2'), row('S3')]);
    const controller = new AbortController();
    const read: unknown[] = [];
    const reading = (async () => {
      for await (const record of sisCsvFormat.read({
        path,
        fileName: 'abort.csv',
        profile: profileOf(),
        signal: controller.signal,
      })) {
        read.push(record.user?.['primary_id']);
        controller.abort(new Error('stopped'));
      }
    })();
    await expect(reading).rejects.toThrow('stopped');
    expect(read).toStrictEqual(['S1']);
  });
});

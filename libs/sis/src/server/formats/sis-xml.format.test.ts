import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromXml } from '@ulms/platform';
import { almaXmlShape } from '@ulms/users/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SisSourceRecord } from '../../contracts/sis-extension-points.js';
import { sisProfileSettings } from '../../contracts/sis-profile.schema.js';
import { syntheticUser, userXml, writeLargeSisXml, writeSisXml, writeZip } from '../../testing/sis-files.js';
import { sisXmlFormat } from './sis-xml.format.js';

const profile = sisProfileSettings.parse({ name: 'Test', format: 'sis.xml' });
const samples = join(import.meta.dirname, '../../../../users/src/testing/alma-samples');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ulms-sis-xml-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(path: string, signal?: AbortSignal): Promise<SisSourceRecord[]> {
  const records: SisSourceRecord[] = [];
  for await (const record of sisXmlFormat.read({ path, fileName: path, profile, signal })) records.push(record);
  return records;
}

/** The users the kernel's non-streaming reader finds in `xml`. */
function kernelUsers(xml: string): unknown[] {
  const { root, value } = fromXml(xml, almaXmlShape);
  if (root === 'user') return [value];
  const users = value['user'];
  return users === undefined ? [] : Array.isArray(users) ? users : [users];
}

let fileNumber = 0;
async function expectKernelEquivalence(xml: string): Promise<void> {
  const path = join(dir, `case-${++fileNumber}.xml`);
  await writeFile(path, xml);
  const records = await readAll(path);
  expect(records.map((r) => r.user)).toStrictEqual(kernelUsers(xml));
}

describe('sisXmlFormat', () => {
  it('reads the reference sample exactly as the kernel reader does', async () => {
    const path = join(samples, 'berkeley_expected_xml_3.xml');
    const records = await readAll(path);
    const expected = fromXml(await readFile(path, 'utf8'), almaXmlShape).value['user'];
    expect(Array.isArray(expected) && expected.length).toBe(2);
    expect(records.map((r) => r.user)).toStrictEqual(expected);
  });

  it.each([
    [
      'attributes and codes with desc',
      '<users><user link="https://x/1"><primary_id>1</primary_id><user_group desc="Undergraduate">UG</user_group><record_type desc="Public">PUBLIC</record_type></user></users>',
    ],
    [
      'a wrapper with one item, and an empty wrapper',
      '<users><user><primary_id>1</primary_id><user_identifiers><user_identifier segment_type="External"><id_type desc="Barcode">BARCODE</id_type><value>B1</value></user_identifier></user_identifiers><user_roles/></user></users>',
    ],
    [
      'empty elements, self-closed or not, with attributes',
      '<users><user><full_name/><pin_number></pin_number><country desc=""/><x a="1"/><y a="1">t</y><z desc="d" a="1">v</z></user></users>',
    ],
    [
      'entities and character references',
      '<users><user><first_name>Ren&#233; &amp; &lt;Co&gt; &quot;&apos;</first_name><last_name>&#x1F600;</last_name></user></users>',
    ],
    [
      'CDATA, comments and whitespace',
      '<users><user><a>  x <![CDATA[ <y> ]]> z  </a><b><![CDATA[]]></b><c> one <!-- c --> two </c><d>\n\t </d></user></users>',
    ],
    [
      'referenced spaces at the edges of values and attributes',
      '<users><user><note_text>&#32;a&#13;</note_text><b x=" &#32;y ">&#160;</b><c>&#10;</c></user></users>',
    ],
    [
      'repeated elements become lists, next to wrapped lists',
      '<users><user><a>1</a><a>2</a><a><b>3</b></a><user_notes><user_note user_viewable="true"><note_text>n</note_text></user_note><other/></user_notes></user></users>',
    ],
    [
      'nested wrappers',
      '<users><user><contact_info><addresses><address preferred="true" segment_type="External"><line1>L</line1><address_types><address_type desc="Home">home</address_type></address_types></address></addresses><emails/></contact_info></user></users>',
    ],
    ['a single <user> root', '<?xml version="1.0"?><user link="l"><primary_id>1</primary_id></user>'],
    ['a single user under <users>', '<users total_record_count="1"><user><primary_id>1</primary_id></user></users>'],
    [
      'an attribute next to a child of the same name',
      '<users><user><address preferred="true"><preferred>false</preferred></address></user></users>',
    ],
    [
      'mixed content and CRLF line ends',
      '<users>\r\n<user>\r\n<job_description>line 1\r\nline 2</job_description>\r\n<x>t<y>u</y>v</x></user></users>',
    ],
    ['a byte order mark', '\ufeff<users><user><primary_id>1</primary_id></user></users>'],
    ['no users', '<users total_record_count="0"/>'],
  ])('reads %s as the kernel reader does', async (_, xml) => {
    await expectKernelEquivalence(xml);
  });

  it('reads back the users the kernel writes', async () => {
    const users = [1, 2, 3].map((i) => syntheticUser(i, { first_name: ` Ann\r${i} ` }));
    const path = await writeSisXml(dir, 'written.xml', users);
    const xml = await readFile(path, 'utf8');
    expect((await readAll(path)).map((r) => r.user)).toStrictEqual(kernelUsers(xml));
  });

  it('skips elements of <users> other than <user>', async () => {
    const xml =
      '<users><meta><user><primary_id>no</primary_id></user></meta><user><primary_id>1</primary_id></user>text</users>';
    const path = join(dir, 'others.xml');
    await writeFile(path, xml);
    expect((await readAll(path)).map((r) => r.user)).toStrictEqual([{ primary_id: '1' }]);
  });

  it('gives an error record for a <user> without fields', async () => {
    const path = join(dir, 'empty-users.xml');
    await writeFile(path, '<users><user/><user> text </user><user><primary_id>1</primary_id></user></users>');
    expect(await readAll(path)).toStrictEqual([
      { error: `<user> 1 of ${path} has no fields` },
      { error: `<user> 2 of ${path} has no fields` },
      { user: { primary_id: '1' } },
    ]);
  });

  it('fails on a document that is not well-formed, naming line and column, after the users before', async () => {
    const path = join(dir, 'broken.xml');
    await writeFile(path, '<users>\n<user><primary_id>1</primary_id></user>\n<user><primary_id>2</user>\n</users>');
    const records: SisSourceRecord[] = [];
    const reading = (async () => {
      for await (const record of sisXmlFormat.read({ path, fileName: 'broken.xml', profile })) records.push(record);
    })();
    await expect(reading).rejects.toThrow(/^broken\.xml is not well-formed XML: .*\(line 3, column \d+\)$/);
    expect(records).toStrictEqual([{ user: { primary_id: '1' } }]);
  });

  it.each([
    ['an undefined entity', '<users><user><a>&nbsp;</a></user></users>', /undefined entity/],
    ['a DOCTYPE', '<!DOCTYPE users [<!ENTITY x "y">]><users/>', /DOCTYPE/],
    ['another root element', '<people><user/></people>', /root element is <people>/],
    ['an unclosed document', '<users><user><a>1</a>', /line 1/],
    ['an empty file', '', /not well-formed/],
  ])('fails on %s', async (_, xml, message) => {
    const path = join(dir, `bad-${++fileNumber}.xml`);
    await writeFile(path, xml);
    await expect(readAll(path)).rejects.toThrow(message);
  });

  it('reads the XML files of a zip in turn, skipping folders, other files and macOS metadata', async () => {
    const file = (from: number): string =>
      `<users>${[from, from + 1].map((i) => userXml({ primary_id: `U${i}` })).join('')}</users>`;
    const path = await writeZip(dir, 'three.zip', [
      { name: 'a/1.xml', content: file(1) },
      { name: '__MACOSX/a/._1.xml', content: 'junk' },
      { name: 'readme.txt', content: 'not xml' },
      { name: 'b/2.XML', content: file(3) },
      { name: '3.xml', content: Buffer.from(file(5)) },
    ]);
    const ids = (await readAll(path)).map((r) => r.user?.['primary_id']);
    expect(ids).toStrictEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);
  });

  it('fails on a damaged zip', async () => {
    const zip = await readFile(await writeZip(dir, 'whole.zip', [{ name: 'a.xml', content: '<users/>' }]));
    const path = join(dir, 'damaged.zip');
    await writeFile(path, zip.subarray(0, zip.length - 30));
    await expect(readAll(path)).rejects.toThrow(/^the zip file is damaged: /);
  });

  it('stops reading when aborted', async () => {
    const path = await writeSisXml(
      dir,
      'abort.xml',
      [1, 2, 3, 4].map((i) => syntheticUser(i)),
    );
    const controller = new AbortController();
    const read: unknown[] = [];
    const reading = (async () => {
      for await (const record of sisXmlFormat.read({
        path,
        fileName: 'abort.xml',
        profile,
        signal: controller.signal,
      })) {
        read.push(record);
        controller.abort(new Error('stopped'));
      }
    })();
    await expect(reading).rejects.toThrow('stopped');
    expect(read.length).toBeLessThan(4);
  });

  it('streams 200,000 users with flat memory', async () => {
    const count = 200_000;
    const path = await writeLargeSisXml(dir, 'large.xml', count);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let read = 0;
    const started = performance.now();
    for await (const record of sisXmlFormat.read({ path, fileName: 'large.xml', profile })) {
      if (record.user?.['primary_id'] !== `SIS${++read}`) throw new Error(`record ${read} out of order`);
      if (read % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const seconds = (performance.now() - started) / 1000;
    const { size } = await stat(path);
    const growth = Math.round((peak - before) / 2 ** 20);
    console.info(
      `sis.xml: ${count} users (${Math.round(size / 2 ** 20)} MB) in ${seconds.toFixed(1)} s, ${Math.round(count / seconds)} users/s, heap growth ${growth} MB`,
    );
    expect(read).toBe(count);
    expect(peak - before).toBeLessThan(60 * 1024 * 1024);
  });
});

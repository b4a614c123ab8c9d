import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { readRecords } from './parse-records.js';

const collect = async (text: string, format: 'json' | 'jsonl' | 'csv') => {
  const out = [];
  for await (const r of readRecords(Readable.from([text]), format).records) out.push(r);
  return out;
};

describe('readRecords', () => {
  it('numbers JSON Lines by their line, skipping blank lines', async () => {
    const r = await collect('{"a":1}\n\n{"a":2}\n', 'jsonl');
    expect(r).toEqual([{ line: 1, value: { a: 1 } }, { line: 3, value: { a: 2 } }]);
  });

  it('names the line of a malformed JSON line', async () => {
    await expect(collect('{"a":1}\n{"a":\n', 'jsonl')).rejects.toThrow(/^line 2: not valid JSON/);
  });

  it('reads CSV with quoted commas and newlines, counting physical lines', async () => {
    const r = await collect('id,text\n1,"a, b"\n2,"multi\nline"\n3,x\n', 'csv');
    expect(r.map((x) => x.value)).toEqual([{ id: '1', text: 'a, b' }, { id: '2', text: 'multi\nline' }, { id: '3', text: 'x' }]);
    expect(r.map((x) => x.line)).toEqual([2, 4, 5]);
  });

  it('parses NAME:json columns as JSON', async () => {
    const r = await collect('id,responses:json\n1,"[""a"",""b""]"\n', 'csv');
    expect(r[0]!.value).toEqual({ id: '1', responses: ['a', 'b'] });
  });

  it('names the line of a CSV row with the wrong number of fields', async () => {
    await expect(collect('id,text\n1,a\n2,b,c\n', 'csv')).rejects.toThrow(/^line 3:/);
  });

  it('numbers the elements of a JSON array and refuses a non-array', async () => {
    expect((await collect('[{"a":1},{"a":2}]', 'json')).map((r) => r.line)).toEqual([1, 2]);
    await expect(collect('{"a":1}', 'json')).rejects.toThrow(/must be an array/);
  });
});

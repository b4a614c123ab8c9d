import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { readRecords } from './parse-records.js';

const collect = async (text: string, format: 'json' | 'jsonl' | 'csv') => {
  const out = [];
  for await (const r of readRecords(Readable.from([text]), format).records) out.push(r);
  return out;
};
const problems = (records: Awaited<ReturnType<typeof collect>>) => records.flatMap((r) => (r.problem ? [r.problem.message] : []));

describe('readRecords', () => {
  it('numbers JSON Lines by their line, skipping blank lines', async () => {
    const r = await collect('{"a":1}\n\n{"a":2}\n', 'jsonl');
    expect(r).toEqual([{ line: 1, value: { a: 1 } }, { line: 3, value: { a: 2 } }]);
  });

  it('names the line and column of every malformed JSON line, and reads on', async () => {
    const r = await collect('{"a":1}\n{"a":\n{"a":2}\n{"a": "open\n{\'a\': 1}\n{"a":3}\n', 'jsonl');
    expect(r.filter((x) => !x.problem).map((x) => x.line)).toEqual([1, 3, 6]);
    expect(problems(r)).toEqual([
      'line 2, column 6: not valid JSON: the JSON ends too early: a bracket, brace or string is not closed',
      'line 4, column 12: not valid JSON: a string is not closed (a " is missing)',
      'line 5, column 2: not valid JSON: expected a property name in double quotes, or "}"',
    ]);
    expect(r[1]).toMatchObject({ line: 2, problem: { column: 6, scope: 'record' } });
  });

  it('says in words where an unquoted word breaks a JSON line', async () => {
    const r = await collect('{"text": hello}\n', 'jsonl');
    expect(problems(r)).toEqual(['line 1, column 10: not valid JSON: unexpected "h" (text must be in double quotes)']);
  });

  it('reads CSV with quoted commas, doubled quotes and newlines, numbering each row by the line it starts on', async () => {
    const r = await collect('\uFEFFid,text\r\n1,"a, b"\r\n2,"multi\nline"\n3,"say ""hi"""\n\n4,\n', 'csv');
    expect(r.map((x) => x.value)).toEqual([{ id: '1', text: 'a, b' }, { id: '2', text: 'multi\nline' }, { id: '3', text: 'say "hi"' }, { id: '4', text: '' }]);
    expect(r.map((x) => x.line)).toEqual([2, 3, 5, 7]);
  });

  it('parses NAME:json columns as JSON', async () => {
    const r = await collect('id,responses:json\n1,"[""a"",""b""]"\n', 'csv');
    expect(r[0]!.value).toEqual({ id: '1', responses: ['a', 'b'] });
  });

  it('names every malformed CSV row and reads the rows after it', async () => {
    const r = await collect('id,text,gold:json\n1,a,\n2,b,c,d\n3,"bad"quote,\n4,x"y,\n5,ok,{oops\n6,fine,\n', 'csv');
    expect(r.filter((x) => !x.problem).map((x) => x.value)).toEqual([{ id: '1', text: 'a', gold: null }, { id: '6', text: 'fine', gold: null }]);
    expect(problems(r)).toEqual([
      'line 3: the row has 4 cells, the header 3; the extra cell holds "d" (a comma in a cell needs the cell in quotes)',
      'line 4: cell 2: a closing quote is followed by "q"; quote the whole cell and write a quote inside it as ""',
      'line 5: cell 2: a quote inside an unquoted cell; quote the whole cell and write a quote inside it as ""',
      'line 6: column "gold:json" is not valid JSON: expected a property name in double quotes, or "}"',
    ]);
    expect(r.find((x) => x.line === 4)?.problem?.field).toBe('text');
  });

  it('names the line a never-closed quote opens on', async () => {
    const r = await collect('id,text\n1,a\n2,"open\n3,b\n', 'csv');
    expect(problems(r)).toEqual(['line 3: cell 2: the quote opened on line 3 is never closed, so the rest of the file was read as one cell']);
  });

  it('numbers the elements of a JSON array and refuses a non-array', async () => {
    expect((await collect('[{"a":1},{"a":2}]', 'json')).map((r) => r.line)).toEqual([1, 2]);
    expect(problems(await collect('{"a":1}', 'json'))).toEqual([expect.stringMatching(/must be an array/)]);
  });

  it('gives the line and column of a syntax error in a JSON array', async () => {
    const r = await collect('[\n  {"a": 1},\n  {"a": 2,}\n]', 'json');
    expect(r).toEqual([
      {
        line: 3,
        problem: {
          message: expect.stringMatching(/^line 3, column 11: not valid JSON: expected a property name in double quotes .*; a JSON array is read whole/),
          column: 11,
          scope: 'file',
        },
      },
    ]);
  });
});

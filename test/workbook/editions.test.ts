/** The student and instructor editions made from one source: no kernel needed. */
import assert from 'node:assert/strict';
import { cellTags, editionSource, instructorOnlyCells, parseEditions } from '../../scripts/editions';
import { renderEditionsPage, renderIndexPage } from '../../scripts/indexPage';
import { type Cell, type Notebook } from '../../scripts/notebook';
import { renderNotebookPage } from '../../scripts/page';
import { leakedNames, studentCopy } from '../../scripts/studentCopy';
import { editionJobs } from '../../scripts/workbook';

const tagged = (cell: Cell, ...tags: unknown[]): Cell => ({ ...cell, metadata: { ...cell.metadata, tags } });
const md = (source: string): Cell => ({ cell_type: 'markdown', source, metadata: {} });
const code = (source: string, outputs: Cell['outputs'] = []): Cell => ({ cell_type: 'code', source, metadata: {}, outputs, execution_count: null });

function nb(cells: Cell[]): Notebook {
  return { cells, metadata: { kernelspec: { name: 'netlab-tslab' } }, nbformat: 4, nbformat_minor: 5 };
}

const source = nb([
  md('# Part'),
  tagged(md('Objectives: the plan.'), 'instructor'),
  code('const MY_ANSWER = undefined;'),
  code('check(MY_ANSWER);'),
  tagged(code('check(2, { solution: true }); // the answer', [{ output_type: 'stream', name: 'stdout', text: 'saved solution output' }]), 'solution'),
  tagged(md('Two round trips.'), 'hide-input', 'solution'),
  tagged(code('console.log("kept")'), 'hide-input'),
  { ...md('malformed tags stay'), metadata: { tags: 'solution' } },
]);

describe('workbook: editions from one source', () => {
  it('reads cell tags, ignoring malformed ones', () => {
    assert.deepEqual(cellTags(source.cells[5]), ['hide-input', 'solution']);
    assert.deepEqual(cellTags(source.cells[7]), []);
    assert.deepEqual(cellTags(tagged(md('x'), 'a', 3, null)), ['a']);
  });

  it('the student edition drops every solution and instructor cell, and nothing else', () => {
    const student = editionSource(source, 'student');
    assert.deepEqual(
      student.cells.map((c) => c.source),
      ['# Part', 'const MY_ANSWER = undefined;', 'check(MY_ANSWER);', 'console.log("kept")', 'malformed tags stay'],
    );
    assert.deepEqual(instructorOnlyCells(student), []);
    assert.doesNotMatch(JSON.stringify(student), /Objectives|the answer|saved solution output|Two round trips/);
    assert.deepEqual(student.metadata, source.metadata);
  });

  it('the instructor edition keeps every cell; neither edition shares objects with the source', () => {
    const instructor = editionSource(source, 'instructor');
    assert.deepEqual(instructor, source);
    assert.notEqual(instructor.cells[0], source.cells[0]);
    assert.deepEqual(instructorOnlyCells(source), [
      { index: 1, tags: ['instructor'] },
      { index: 4, tags: ['solution'] },
      { index: 5, tags: ['solution'] },
    ]);
    const student = editionSource(source, 'student');
    student.cells[0].source = 'changed';
    assert.equal(source.cells[0].source, '# Part');
  });

  it('parses --edition', () => {
    assert.deepEqual(parseEditions('both'), ['student', 'instructor']);
    assert.deepEqual(parseEditions('student'), ['student']);
    assert.deepEqual(parseEditions('instructor'), ['instructor']);
    assert.throws(() => parseEditions('teacher'), /--edition must be student, instructor or both; got teacher/);
  });

  it('executes a notebook once for both editions, cutting the student copy from the instructor run', () => {
    const plain = nb([md('# Plain'), code('1 + 1')]);
    assert.deepEqual(
      editionJobs('plain.ipynb', plain, ['student', 'instructor']).map((j) => [j.editions, j.cut]),
      [[['student', 'instructor'], []]],
    );
    const jobs = editionJobs('part.ipynb', source, ['student', 'instructor']);
    assert.deepEqual(jobs.map((j) => [j.editions, j.cut]), [[['instructor'], ['student']]]);
    assert.equal(jobs[0].source.cells.length, 8);
    assert.deepEqual(editionJobs('part.ipynb', source, ['instructor']).map((j) => [j.editions, j.cut]), [[['instructor'], []]]);
    const student = editionJobs('part.ipynb', source, ['student']);
    assert.deepEqual(student.map((j) => [j.editions, j.cut]), [[['student'], []]]);
    assert.equal(student[0].source.cells.length, 5);
  });

  it('runs the student edition on its own when a solution leaves a name a shared cell uses', () => {
    const leaking = nb([code('let MY_ANSWER = undefined;'), tagged(code('function helper() { return 2; }'), 'solution'), code('check(helper());')]);
    const jobs = editionJobs('leak.ipynb', leaking, ['student', 'instructor']);
    assert.deepEqual(jobs.map((j) => [j.editions, j.cut]), [[['student'], []], [['instructor'], []]]);
    assert.equal(jobs[0].apart, 'cell 1 (function helper() { return 2; }) sets helper, which cell 2 uses');
  });

  it('finds names left by declarations, imports and assignments, and not names a solution only reads', () => {
    const leak = (solution: string, later: string) => leakedNames(nb([tagged(code(solution), 'solution'), code(later)]));
    assert.match(leak('const { a, b: [c] } = f();', 'use(c)') ?? '', /sets c, which cell 1 uses/);
    assert.match(leak("import { q as r } from 'x';", 'r()') ?? '', /sets r/);
    assert.match(leak('MY_ANSWER = 2;', 'check(MY_ANSWER);') ?? '', /sets MY_ANSWER/);
    assert.match(leak('state.count++;', 'show(state)') ?? '', /sets state/);
    assert.match(leak('items.forEach((x) => { total += x; });', 'print(total)') ?? '', /sets total/);
    assert.match(leak('type Row = { a: number };', 'const r: Row = { a: 1 };') ?? '', /sets Row/);
    assert.equal(leak('check(MY_ANSWER, { solution: true });', 'check(MY_ANSWER);'), null);
    assert.equal(leak('const local = 1; show(local);', 'show(other);'), null);
    // A shared cell before the solution is not reached by it.
    assert.equal(leakedNames(nb([code('use(x)'), tagged(code('const x = 1;'), 'solution')])), null);
  });

  it('numbers the cut copy as a run of the student edition would', () => {
    const result = (n: number): Cell['outputs'] => [{ output_type: 'execute_result', execution_count: n, data: { 'text/plain': String(n) }, metadata: {} }];
    const executed = nb([
      md('# Part'),
      { ...code('1', result(1)), execution_count: 1 },
      tagged({ ...code('2', result(2)), execution_count: 2 }, 'solution'),
      { ...code('3', result(3)), execution_count: 3 },
      tagged(md('Plan.'), 'instructor'),
      { ...code('4'), execution_count: 4 },
    ]);
    const copy = studentCopy(executed);
    assert.deepEqual(copy.cells.map((c) => c.source), ['# Part', '1', '3', '4']);
    assert.deepEqual(copy.cells.map((c) => c.execution_count ?? null), [null, 1, 2, 3]);
    assert.deepEqual(copy.cells.map((c) => (c.outputs ?? []).map((o) => (o as { execution_count?: number }).execution_count)), [[], [1], [2], []]);
    assert.equal(executed.cells[3].execution_count, 3, 'the executed copy is left as it was');
  });
});

describe('workbook: edition pages', () => {
  const page = renderNotebookPage(editionSource(source, 'instructor'), { title: 'Part', source: 'notebooks/part.ipynb', edition: 'Instructor edition' }).html;

  it('labels instructor and solution cells with a badge, and names the edition', () => {
    assert.equal(page.match(/<span class="badge solution">Solution<\/span>/g)?.length, 2);
    assert.equal(page.match(/<span class="badge instructor">Instructor<\/span>/g)?.length, 1);
    assert.match(page, /<section class="cell markdown instructor-only instructor">\n<div class="badges">/);
    assert.match(page, /<section class="cell code instructor-only solution">/);
    assert.match(page, /<span class="edition">Instructor edition<\/span>/);
  });

  it('shows no badge and no solution on a student page', () => {
    const student = renderNotebookPage(editionSource(source, 'student'), { title: 'Part', source: 's', edition: 'Student edition' }).html;
    const body = student.slice(student.indexOf('<body>'));
    assert.doesNotMatch(body, /class="badge|instructor-only|Objectives|Two round trips|saved solution output/);
  });

  it('writes edition indexes and a top page linking the editions, all escaped and script-free', () => {
    const index = renderIndexPage([{ href: 'html/a.html', title: 'A', file: 'a.ipynb', summary: 'first' }], {
      title: 'NetLab workbook: student <edition>',
      intro: 'Without solutions.',
      homeHref: '../index.html',
    });
    assert.match(index, /<h1>NetLab workbook: student &lt;edition&gt;<\/h1>/);
    assert.match(index, /<a class="home" href="..\/index.html">/);
    const top = renderEditionsPage([
      { href: 'student/index.html', title: 'Student edition', description: 'No solutions.', notebooks: 6 },
      { href: 'instructor/index.html', title: 'Instructor edition', description: 'Every solution.', notebooks: 1 },
    ]);
    assert.match(top, /href="student\/index.html">Student edition<\/a><p>No solutions. 6 notebooks.<\/p>/);
    assert.match(top, /href="instructor\/index.html">Instructor edition<\/a><p>Every solution. 1 notebook.<\/p>/);
    for (const html of [index, top]) {
      assert.match(html, /script-src 'none'/);
      assert.doesNotMatch(html, /<script/);
    }
  });
});

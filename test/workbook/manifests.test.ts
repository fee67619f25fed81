/** The exercise and claim manifests, read from hand-made executed notebooks: no kernel needed. */
import assert from 'node:assert/strict';
import {
  buildManifests,
  CLAIM_MIME,
  EXERCISE_MIME,
  manifestFailures,
  manifestGaps,
  manifestJson,
  notebookClaims,
  notebookExercises,
} from '../../scripts/manifests';
import { type Cell, type Notebook, type Output } from '../../scripts/notebook';

const claim = (text: string, passed: boolean): Output => ({
  output_type: 'display_data',
  data: { [CLAIM_MIME]: { text, passed, numbers: { x: 1 } }, 'text/markdown': text, 'text/plain': text },
  metadata: {},
});

const exercise = (id: string, over: Record<string, unknown> = {}): Output => ({
  output_type: 'display_data',
  data: {
    [EXERCISE_MIME]: { id, title: `Title of ${id}`, kind: 'exercise', answered: false, correct: null, solution: false, ...over },
    'text/plain': 'check',
  },
  metadata: {},
});

const cell = (...outputs: Output[]): Cell => ({ cell_type: 'code', source: 'x', metadata: {}, outputs, execution_count: 1 });
const nb = (...cells: Cell[]): Notebook => ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });

describe('workbook: manifests', () => {
  const part = nb(
    cell({ output_type: 'stream', name: 'stdout', text: 'noise' }, claim('p50 rises first', true)),
    cell(exercise('rtt')),
    cell(exercise('rtt', { solution: true, answered: true, correct: true })),
    cell(exercise('bytes', { solution: true, answered: true, correct: false, title: 'from the solution' })),
    cell(exercise('bytes', { title: 'Bits and bytes' })),
    { cell_type: 'markdown', source: 'text', metadata: {} },
    cell(exercise('goal', { kind: 'challenge', answered: true, correct: false }), claim('the queue is stable', false)),
    cell({ output_type: 'execute_result', data: { [CLAIM_MIME]: JSON.stringify({ text: 'as a string', passed: true }) }, execution_count: 3 }),
  );

  it('lists claims in order, with text and verdict', () => {
    assert.deepEqual(notebookClaims(part, '01-part.ipynb'), [
      { notebook: '01-part.ipynb', text: 'p50 rises first', passed: true },
      { notebook: '01-part.ipynb', text: 'the queue is stable', passed: false },
      { notebook: '01-part.ipynb', text: 'as a string', passed: true },
    ]);
  });

  it('merges the check and solution outputs of each exercise id', () => {
    assert.deepEqual(notebookExercises(part, '01-part.ipynb'), [
      { notebook: '01-part.ipynb', id: 'rtt', title: 'Title of rtt', kind: 'exercise', checked: true, solution: true, solutionPassed: true },
      { notebook: '01-part.ipynb', id: 'bytes', title: 'Bits and bytes', kind: 'exercise', checked: true, solution: true, solutionPassed: false },
      { notebook: '01-part.ipynb', id: 'goal', title: 'Title of goal', kind: 'challenge', checked: true, solution: false, solutionPassed: false },
    ]);
  });

  it('counts a solution passed only when every check of it passed', () => {
    const twice = nb(
      cell(exercise('a', { solution: true, correct: true })),
      cell(exercise('a', { solution: true, correct: null })),
    );
    assert.deepEqual(notebookExercises(twice, 'n')[0], {
      notebook: 'n', id: 'a', title: 'Title of a', kind: 'exercise', checked: false, solution: true, solutionPassed: false,
    });
  });

  it('orders notebooks by name and writes stable, indented JSON with keys in contract order', () => {
    const later = nb(cell(claim('later', true), exercise('z')));
    const m = buildManifests([
      { name: '02-b.ipynb', nb: later },
      { name: '01-part.ipynb', nb: part },
    ]);
    assert.deepEqual(m.claims.map((c) => c.notebook), ['01-part.ipynb', '01-part.ipynb', '01-part.ipynb', '02-b.ipynb']);
    assert.deepEqual(m.exercises.map((e) => `${e.notebook}:${e.id}`), ['01-part.ipynb:rtt', '01-part.ipynb:bytes', '01-part.ipynb:goal', '02-b.ipynb:z']);
    const json = manifestJson(m.exercises);
    assert.ok(json.endsWith(']\n'));
    assert.deepEqual(Object.keys(JSON.parse(json)[0]), ['notebook', 'id', 'title', 'kind', 'checked', 'solution', 'solutionPassed']);
    assert.deepEqual(Object.keys(JSON.parse(manifestJson(m.claims))[0]), ['notebook', 'text', 'passed']);
    assert.match(json, /^\[\n  \{\n    "notebook": "01-part.ipynb",\n    "id": "rtt",/);
    const again = buildManifests([
      { name: '01-part.ipynb', nb: part },
      { name: '02-b.ipynb', nb: later },
    ]);
    assert.equal(manifestJson(again.exercises), json);
    assert.equal(manifestJson([]), '[]\n');
  });

  it('names failed claims and failing solutions, and notes missing checks and solutions', () => {
    const m = buildManifests([{ name: '01-part.ipynb', nb: part }]);
    assert.deepEqual(manifestFailures(m.exercises, m.claims), [
      '01-part.ipynb: the claim "the queue is stable" did not hold',
      '01-part.ipynb: the solution of exercise bytes (Bits and bytes) does not pass its own check',
    ]);
    assert.deepEqual(manifestGaps(m.exercises), ['01-part.ipynb: challenge goal has no solution']);
    const unchecked = notebookExercises(nb(cell(exercise('s', { solution: true, correct: true }))), 'n');
    assert.deepEqual(manifestGaps(unchecked), ['n: exercise s has no check cell outside its solution']);
  });

  it('rejects outputs that break the contract, naming the notebook and the cell', () => {
    assert.throws(() => notebookClaims(nb(cell(), cell({ output_type: 'display_data', data: { [CLAIM_MIME]: { text: 'x' } } })), 'p.ipynb'), /p\.ipynb: cell 1 has a application\/vnd\.netlab\.claim\+json output that has no passed boolean/);
    assert.throws(() => notebookExercises(nb(cell(exercise('k', { kind: 'quiz' }))), 'p.ipynb'), /cell 0 .*\(id k\) has kind "quiz"/);
    assert.throws(() => notebookExercises(nb(cell(exercise('', {}))), 'p.ipynb'), /has no id string/);
    assert.throws(() => notebookExercises(nb(cell(exercise('c', { correct: 'yes' }))), 'p.ipynb'), /neither boolean nor null/);
    assert.throws(() => notebookClaims(nb(cell({ output_type: 'display_data', data: { [CLAIM_MIME]: 'not json' } })), 'p.ipynb'), /is not a JSON object/);
  });

  it('finds nothing in a notebook without netlab outputs', () => {
    assert.deepEqual(buildManifests([{ name: 'a', nb: nb(cell(), { cell_type: 'markdown', source: '', metadata: {} }) }]), { exercises: [], claims: [] });
  });
});

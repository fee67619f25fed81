/** show() and progress() outside a Jupyter kernel (plain node, as in these tests). */
import assert from 'node:assert/strict';
import { progress, show, withProgress } from '../../lib/plot';

const figure = { data: [{ x: [1, 2, 3], y: [2, 1, 3], type: 'scatter' }], layout: {} };

describe('workbook: show() and progress() outside a kernel', () => {
  it('show() throws an Error saying it needs the tslab kernel', () => {
    assert.throws(() => show(figure), (err: Error) => err.constructor === Error && /needs the tslab kernel/.test(err.message));
  });

  it('show() rejects something that is not a figure with a TypeError naming it', () => {
    assert.throws(() => show({ layout: {} } as never), (err: Error) => err instanceof TypeError && /show\(figure\)/.test(err.message));
    assert.throws(() => show({ data: [1] } as never), (err: Error) => err instanceof TypeError && /figure\.data\[0\]/.test(err.message));
  });

  it('progress() is silent when not in a kernel or terminal, and checks its numbers', () => {
    const bar = progress('work', 10);
    bar.update(3);
    bar.update(10);
    bar.done();
    bar.update(11); // ignored after done()
    assert.throws(() => progress('work', 0), RangeError);
    assert.throws(() => progress('work').update(1), /no total/);
  });

  it('withProgress() passes the callback, returns the result and lets errors through', () => {
    const seen: number[] = [];
    const result = withProgress('sum', (onProgress) => {
      for (let i = 1; i <= 4; i++) onProgress(i, 4);
      seen.push(4);
      return 10;
    });
    assert.equal(result, 10);
    assert.deepEqual(seen, [4]);
    assert.throws(() => withProgress('fail', () => { throw new Error('inner'); }), /inner/);
  });
});

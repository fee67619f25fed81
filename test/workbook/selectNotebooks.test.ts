/** `--only` and bare names pick notebooks by file name, with or without `.ipynb`, or by the start of one name. */
import assert from 'node:assert/strict';
import { join } from 'path';
import { selectNotebooks } from '../../scripts/workbook';

describe('workbook: choosing notebooks by name', () => {
  const all = ['00-prologue', '01-osi-fault-map', '03a-http-versions', '03b-http-under-loss'].map((n) => join('notebooks', `${n}.ipynb`));

  it('takes every notebook when none is named, else the named ones in the order given', () => {
    assert.deepEqual(selectNotebooks(all, undefined), all);
    assert.deepEqual(selectNotebooks(all, []), all);
    assert.deepEqual(selectNotebooks(all, ['03b-http-under-loss.ipynb', '00-prologue']), [all[3], all[0]]);
  });

  it('takes the start of a name when it names exactly one notebook', () => {
    assert.deepEqual(selectNotebooks(all, ['03a', '01', '00-pro']), [all[2], all[1], all[0]]);
  });

  it('refuses a start shared by several notebooks, and a name that matches none, listing the candidates', () => {
    assert.throws(() => selectNotebooks(all, ['03']), /workbook: 03 is the start of 2 notebooks \(03a-http-versions, 03b-http-under-loss\); give more of the name/);
    assert.throws(() => selectNotebooks(all, ['04a']), /workbook: no notebook named 04a; have: 00-prologue, 01-osi-fault-map, 03a-http-versions, 03b-http-under-loss/);
  });
});

import { strict as assert } from 'node:assert';
import { protocolColors, PROTOCOL_HUES } from '../../lib/http';

describe('protocolColors', () => {
  it('gives every series its protocol\'s hue, light where asked, and leaves other names alone', () => {
    const colors = protocolColors(['HTTP/1.1 p50', 'HTTP/2, no loss', 'HTTP/2, 1% loss', 'HTTP/3', 'paper'], { light: ['HTTP/2, no loss'] });
    assert.deepEqual(colors, {
      'HTTP/1.1 p50': PROTOCOL_HUES['HTTP/1.1'][0],
      'HTTP/2, no loss': PROTOCOL_HUES['HTTP/2'][1],
      'HTTP/2, 1% loss': PROTOCOL_HUES['HTTP/2'][0],
      'HTTP/3': PROTOCOL_HUES['HTTP/3'][0],
    });
  });

  it('gives the three protocols three different colours', () => {
    assert.equal(new Set(Object.values(protocolColors(['HTTP/1.1', 'HTTP/2', 'HTTP/3']))).size, 3);
  });

  it('refuses a light series that is not drawn, and unknown options', () => {
    assert.throws(() => protocolColors(['HTTP/2'], { light: ['HTTP/3'] }), /light\[0\]/);
    assert.throws(() => protocolColors(['HTTP/2'], { lite: [] } as never), /unknown option "lite"/);
    assert.throws(() => protocolColors('HTTP/2' as never), /names must be an array/);
  });
});

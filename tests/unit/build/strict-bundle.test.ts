import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rewriteModule } from '@/scripts/build/strict-bundle';

const require = createRequire(import.meta.url);
const zodUtil = require.resolve('zod/v4/core').replace(/index\.c?js$/, 'util.js');
const preact = require.resolve('preact').replace(/preact\.js$/, 'preact.mjs');

describe('the strict bundle rewrites', () => {
  it('cut zod’s new Function probe: it answers that eval is off, as an extension page’s CSP would', () => {
    const source = readFileSync(zodUtil, 'utf8');
    expect(source).toMatch(/new F\(""\)/);
    const rewritten = rewriteModule(source, zodUtil)!;
    expect(rewritten).not.toMatch(/new F\(""\)/);
    expect(rewritten).toMatch(/export const allowsEval = \/\* @__PURE__\*\/ cached\(\(\) => \{[^]*?return false;\s*\}\);/);
  });

  it('cut Preact’s innerHTML assignment and keep the rest of Preact as it was', () => {
    const source = readFileSync(preact, 'utf8');
    const rewritten = rewriteModule(source, preact)!;
    expect(rewritten).not.toMatch(/\.innerHTML=\w+\.__html/);
    expect(rewritten).toContain('QA Lens renders no HTML');
    expect(rewritten.length - source.length).toBeLessThan(120);
  });

  it('fail the build, naming the rewrite, when an upgrade moved the code', () => {
    expect(() => rewriteModule('export const allowsEval = () => false;', zodUtil)).toThrow(/zod's new Function probe is no longer where/);
    expect(() => rewriteModule('function render(){}', preact)).toThrow(/Preact's dangerouslySetInnerHTML/);
  });

  it('leave every other module alone', () => {
    expect(rewriteModule('el.innerHTML=x.__html', '/app/node_modules/other/index.js')).toBeNull();
  });
});

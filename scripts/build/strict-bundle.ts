import type { Plugin } from 'vite';

/**
 * Two code paths in dependencies that QA Lens never takes, cut out of the bundle so the shipped
 * add-on holds no string evaluation and no HTML injection (`web-ext lint` flags both, and an
 * add-on reviewer would ask why they are there):
 * - zod probes for `new Function` to decide whether it may compile parsers. An extension page's
 *   CSP forbids it in every browser (MV3's fixed policy, Firefox MV2's default `script-src 'self'`),
 *   so the probe always answers false there; it now answers false without asking.
 * - Preact's `dangerouslySetInnerHTML`: transcript and user text is rendered as text only (the
 *   helpdesk page is untrusted), and lint forbids the prop. Its innerHTML assignment now throws.
 * Each rewrite fails the build when its pattern is gone (a new zod or Preact release), so an
 * upgrade is checked by hand rather than silently shipping the old code path.
 */
export const REWRITES = [
  {
    module: /\/node_modules\/zod\/v4\/core\/util\.js$/,
    find: /try \{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch \(_\) \{\s*return false;\s*\}/,
    replace: 'return false;',
    what: "zod's new Function probe",
  },
  {
    module: /\/node_modules\/preact\/dist\/preact\.mjs$/,
    find: /\((\w+)\.innerHTML=(\w+)\.__html\)/,
    replace: '(()=>{throw new Error("QA Lens renders no HTML: dangerouslySetInnerHTML is cut out of this build")})()',
    what: "Preact's dangerouslySetInnerHTML",
  },
] as const;

/** Applies REWRITES to `code` when `id` is one of their modules; throws when a pattern is gone. */
export function rewriteModule(code: string, id: string): string | null {
  const rewrite = REWRITES.find((r) => r.module.test(id.split('?')[0]!));
  if (!rewrite) return null;
  if (!rewrite.find.test(code)) {
    throw new Error(`${rewrite.what} is no longer where scripts/build/strict-bundle.ts expects it in ${id}: check the new release and update the rewrite.`);
  }
  return code.replace(rewrite.find, rewrite.replace);
}

export function strictBundle(): Plugin {
  return {
    name: 'qa-lens:strict-bundle',
    enforce: 'pre',
    transform(code, id) {
      const rewritten = rewriteModule(code, id);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}

/**
 * Formats a number with at most two decimals and no trailing zeros (66.666… → "66.67", 7.50 → "7.5"),
 * so explanations never show floating-point artefacts.
 */
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  // `|| 0` turns -0 into 0 so a tiny negative artefact never prints as "-0".
  return String(rounded || 0);
}

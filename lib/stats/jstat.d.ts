/** The part of jStat (which ships no types) that lib/stats uses: quantile functions of two distributions. */
declare module 'jstat' {
  interface Quantile {
    inv(p: number, ...parameters: number[]): number;
  }
  const jStat: {
    studentt: Quantile;
    normal: Quantile;
  };
  export default jStat;
}

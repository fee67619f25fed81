/** The one part of jstat NetLab uses: Student's t quantile (jstat ships no types). */
declare module 'jstat' {
  export const jStat: {
    studentt: { inv(p: number, degreesOfFreedom: number): number };
  };
}

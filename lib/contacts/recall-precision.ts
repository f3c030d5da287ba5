// Scores detection against what each line really holds: the detection tests and the detection benchmark
// all judge the detector with it. Pure.

/** Matches found values to expected ones as a multiset per line, so a value found twice counts twice. */
export function recallAndPrecision(lines: Iterable<{ expected: readonly string[]; found: readonly string[] }>): { recall: number; precision: number } {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { expected, found } of lines) {
    const unmatched = [...expected];
    for (const value of found) {
      const at = unmatched.indexOf(value);
      if (at >= 0) {
        unmatched.splice(at, 1);
        truePositives++;
      } else {
        falsePositives++;
      }
    }
    falseNegatives += unmatched.length;
  }
  return { recall: truePositives / (truePositives + falseNegatives), precision: truePositives / (truePositives + falsePositives) };
}

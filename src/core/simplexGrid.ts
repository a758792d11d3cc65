/**
 * The points the flow field is drawn from (flowField.ts). Its own module: the main thread imports
 * the grid without the algorithms' numerics.
 */

/**
 * A triangular grid strictly inside the simplex of 3 responses: the points (i + 1/3, j + 1/3,
 * k + 1/3)/m with i + j + k = m − 1, i.e. the centroids of the m² small triangles of the
 * subdivision's upward half, (m(m+1)/2 points, none on the boundary). m = 20 gives 210 points.
 * Row-major, 3 numbers a point.
 */
export function simplexGrid(m: number): Float64Array {
  const out = new Float64Array(((m * (m + 1)) / 2) * 3);
  let at = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; i + j < m; j++) {
      const k = m - 1 - i - j;
      out[at++] = (i + 1 / 3) / m;
      out[at++] = (j + 1 / 3) / m;
      out[at++] = (k + 1 / 3) / m;
    }
  }
  return out;
}

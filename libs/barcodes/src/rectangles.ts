// Dark modules as few rectangles as cheaply possible, so that a PDF draws a whole code as one path
// with a single fill: horizontal runs per row, and a run identical to one in the row above (same x
// and width) extends that rectangle downwards instead of starting a new one.
export type ModuleMatrix = { readonly rows: number; readonly cols: number; readonly modules: Uint8Array };

// [x, y, width, height] in module units, y growing downwards from the top-left module.
export type ModuleRectangle = [x: number, y: number, w: number, h: number];

export const toRectangles = (matrix: ModuleMatrix): ModuleRectangle[] => {
  const { rows, cols, modules } = matrix;
  const result: ModuleRectangle[] = [];
  // Per start column, the last rectangle whose run starts there; it can grow only while its bottom
  // edge is the current row.
  const lastAt = new Int32Array(cols).fill(-1);
  for (let y = 0; y < rows; y++) {
    const row = y * cols;
    let x = 0;
    while (x < cols) {
      if (modules[row + x] === 0) {
        x++;
        continue;
      }
      const start = x;
      while (x < cols && modules[row + x] !== 0) x++;
      const width = x - start;
      const index = lastAt[start];
      const above = index >= 0 ? result[index] : undefined;
      if (above !== undefined && above[2] === width && above[1] + above[3] === y) {
        above[3]++;
      } else {
        lastAt[start] = result.length;
        result.push([start, y, width, 1]);
      }
    }
  }
  return result;
};

// A small SVG subset for seals and logos, drawn with pdfkit's vector API (which parses path data
// itself): <svg viewBox>, <g>, <path d>, <circle>, <ellipse>, <rect> (rx), <line>, <polygon>,
// <polyline>; attributes fill, stroke, stroke-width, fill-rule, also inherited from <g>. Colours as
// #rgb, #rrggbb or `none`. Transforms, text, gradients and CSS are not supported and are rejected,
// so a seal never prints differently from what the template author sees.

type Paint = { fill: string | null; stroke: string | null; strokeWidth: number; evenOdd: boolean };

const TAG = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*"([^"]*)"/g;
const SHAPES = new Set(['path', 'circle', 'ellipse', 'rect', 'line', 'polygon', 'polyline']);
const IGNORED = new Set(['title', 'desc', 'metadata']);

function attributesOf(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) attributes[match[1]!] = match[2]!;
  return attributes;
}

function color(value: string | undefined, inherited: string | null): string | null {
  if (value === undefined) return inherited;
  if (value === 'none') return null;
  if (/^#[0-9a-fA-F]{6}$/.test(value)) return value.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(value)) return `#${[...value.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  if (value === 'black') return '#000000';
  if (value === 'white') return '#ffffff';
  throw new Error(`SVG: Farbe "${value}" wird nicht unterstützt (nur #rgb, #rrggbb, none)`);
}

function paintOf(attributes: Record<string, string>, parent: Paint): Paint {
  for (const unsupported of ['transform', 'style', 'class', 'opacity', 'fill-opacity', 'stroke-opacity']) {
    if (attributes[unsupported] !== undefined) throw new Error(`SVG: Attribut "${unsupported}" wird nicht unterstützt`);
  }
  return {
    fill: color(attributes['fill'], parent.fill),
    stroke: color(attributes['stroke'], parent.stroke),
    strokeWidth: attributes['stroke-width'] !== undefined ? Number(attributes['stroke-width']) : parent.strokeWidth,
    evenOdd: attributes['fill-rule'] !== undefined ? attributes['fill-rule'] === 'evenodd' : parent.evenOdd,
  };
}

const numbers = (value: string | undefined): number[] =>
  (value ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
const num = (attributes: Record<string, string>, key: string): number => Number(attributes[key] ?? 0);

function shape(doc: PDFKit.PDFDocument, name: string, a: Record<string, string>): void {
  switch (name) {
    case 'path':
      doc.path(a['d'] ?? '');
      return;
    case 'circle':
      doc.circle(num(a, 'cx'), num(a, 'cy'), num(a, 'r'));
      return;
    case 'ellipse':
      doc.ellipse(num(a, 'cx'), num(a, 'cy'), num(a, 'rx'), num(a, 'ry'));
      return;
    case 'rect': {
      const radius = num(a, 'rx');
      if (radius > 0) doc.roundedRect(num(a, 'x'), num(a, 'y'), num(a, 'width'), num(a, 'height'), radius);
      else doc.rect(num(a, 'x'), num(a, 'y'), num(a, 'width'), num(a, 'height'));
      return;
    }
    case 'line':
      doc.moveTo(num(a, 'x1'), num(a, 'y1')).lineTo(num(a, 'x2'), num(a, 'y2'));
      return;
    default: {
      const points = numbers(a['points']);
      const pairs: [number, number][] = [];
      for (let i = 0; i + 1 < points.length; i += 2) pairs.push([points[i]!, points[i + 1]!]);
      if (pairs.length === 0) return;
      doc.moveTo(...pairs[0]!);
      for (const pair of pairs.slice(1)) doc.lineTo(...pair);
      if (name === 'polygon') doc.closePath();
    }
  }
}

/** Checks `svg` against the subset without drawing; returns the problems in German. */
export function validateSvg(svg: string): string[] {
  try {
    parse(svg, () => undefined);
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

type ShapeVisitor = (name: string, attributes: Record<string, string>, paint: Paint) => void;

function parse(svg: string, visit: ShapeVisitor): { viewBox: [number, number, number, number] } {
  let viewBox: [number, number, number, number] | null = null;
  const stack: Paint[] = [{ fill: '#000000', stroke: null, strokeWidth: 1, evenOdd: false }];
  let skipping = 0;
  for (const match of svg
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .matchAll(TAG)) {
    const [, closing, rawName, attributeSource, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (IGNORED.has(name)) {
      if (!selfClosing) skipping += closing ? -1 : 1;
      continue;
    }
    if (skipping > 0) continue;
    if (closing) {
      if (name === 'g' || name === 'svg') stack.pop();
      continue;
    }
    const attributes = attributesOf(attributeSource!);
    const paint = paintOf(attributes, stack[stack.length - 1]!);
    if (name === 'svg') {
      const box = numbers(attributes['viewBox']);
      if (box.length !== 4 || box[2]! <= 0 || box[3]! <= 0) throw new Error('SVG: viewBox fehlt oder ist ungültig');
      viewBox = box as [number, number, number, number];
      if (!selfClosing) stack.push(paint);
    } else if (name === 'g') {
      if (!selfClosing) stack.push(paint);
    } else if (SHAPES.has(name)) {
      visit(name, attributes, paint);
    } else {
      throw new Error(`SVG: Element <${name}> wird nicht unterstützt`);
    }
  }
  if (!viewBox) throw new Error('SVG: kein <svg>-Element mit viewBox');
  return { viewBox };
}

/** Draws `svg` scaled into the box (x, y, width, height) in pdfkit's top-down space, keeping its aspect ratio. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, width: number, height: number): void {
  const { viewBox } = parse(svg, () => undefined);
  const [vx, vy, vw, vh] = viewBox;
  const scale = Math.min(width / vw, height / vh);
  doc.save();
  doc
    .translate(x + (width - vw * scale) / 2, y + (height - vh * scale) / 2)
    .scale(scale)
    .translate(-vx, -vy);
  parse(svg, (name, attributes, paint) => {
    if (!paint.fill && !paint.stroke) return;
    shape(doc, name, attributes);
    const rule = paint.evenOdd ? 'even-odd' : 'non-zero';
    if (paint.fill) doc.fillColor(paint.fill);
    if (paint.stroke) doc.strokeColor(paint.stroke).lineWidth(paint.strokeWidth);
    if (paint.fill && paint.stroke) doc.fillAndStroke(paint.fill, paint.stroke, rule);
    else if (paint.fill) doc.fill(rule);
    else doc.stroke();
  });
  doc.restore();
}

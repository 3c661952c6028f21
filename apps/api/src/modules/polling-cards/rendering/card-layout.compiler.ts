import { elementTexts, type CardTemplate } from './card-template.loader';
import type { LayoutElement } from './card-template.schema';
import { scopeOf, type PlaceholderScope } from './card-placeholders';
import { mm } from './pdf-surface';
import type { TextAlign } from './glyph-text';

// Turns a layout into drawing primitives in points, each tagged with its scope (see
// card-placeholders.ts). Compiled once per template and worker; documents only execute them.

export type TextPrimitive = {
  readonly kind: 'text';
  readonly text: string;
  readonly bold: boolean;
  readonly size: number;
  readonly leading: number;
  readonly align: TextAlign;
  readonly paragraphGap: number;
  readonly color: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number | undefined;
  readonly fit: 'wrap' | 'shrink';
};

export type Primitive =
  | TextPrimitive
  | {
      readonly kind: 'box';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly radius: number;
      readonly stroke: number | undefined;
      readonly strokeColor: string;
      readonly fill: string | undefined;
    }
  | {
      readonly kind: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly stroke: number;
      readonly color: string;
      readonly dash: number | undefined;
    }
  | {
      readonly kind: 'image';
      readonly src: string;
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
    }
  | { readonly kind: 'qr'; readonly x: number; readonly y: number; readonly size: number }
  | { readonly kind: 'insertCode'; readonly x: number; readonly y: number; readonly moduleSize: number }
  | {
      readonly kind: 'returnAddress';
      readonly lines: readonly { readonly text: string; readonly bold: boolean }[];
      readonly x: number;
      readonly bottom: number;
      readonly width: number;
      readonly size: number;
      readonly leading: number;
    }
  | {
      readonly kind: 'addressLines';
      readonly x: number;
      readonly top: number;
      readonly width: number;
      readonly height: number;
      readonly size: number;
      readonly minSize: number;
      readonly leading: number;
    };

export type ScopedPrimitive = { readonly scope: PlaceholderScope; readonly when: 'ersatz' | undefined; readonly primitive: Primitive };

export type CompiledSide = {
  readonly job: readonly Primitive[];
  readonly district: readonly Primitive[];
  readonly voter: readonly ScopedPrimitive[];
};

export type CompiledLayout = {
  readonly width: number;
  readonly height: number;
  readonly sheets: readonly { readonly front: CompiledSide; readonly back: CompiledSide }[];
};

const textOf = (element: LayoutElement, template: CardTemplate): string => elementTexts(element, template.texts)[0] ?? '';

function compileElement(element: LayoutElement, template: CardTemplate): ScopedPrimitive[] {
  const at = (scope: PlaceholderScope, primitive: Primitive, when?: 'ersatz'): ScopedPrimitive => ({
    scope: when ? 'voter' : scope,
    when,
    primitive,
  });
  switch (element.type) {
    case 'text': {
      const text = textOf(element, template);
      const leading = element.leading ?? element.size * 1.25;
      const primitive: TextPrimitive = {
        kind: 'text',
        text,
        bold: element.font === 'bold',
        size: element.size,
        leading,
        align: element.align,
        paragraphGap: element.paragraphGap,
        color: element.color,
        x: mm(element.x),
        y: mm(element.y),
        width: mm(element.width),
        height: element.height === undefined ? undefined : mm(element.height),
        fit: element.fit,
      };
      return [at(scopeOf(text), primitive, element.when)];
    }
    case 'box':
      return [
        at(
          'job',
          {
            kind: 'box',
            x: mm(element.x),
            y: mm(element.y),
            width: mm(element.width),
            height: mm(element.height),
            radius: mm(element.radius),
            stroke: element.stroke,
            strokeColor: element.strokeColor,
            fill: element.fill,
          },
          element.when,
        ),
      ];
    case 'line':
      return [
        at(
          'job',
          {
            kind: 'line',
            x1: mm(element.x1),
            y1: mm(element.y1),
            x2: mm(element.x2),
            y2: mm(element.y2),
            stroke: element.stroke,
            color: element.color,
            dash: element.dash,
          },
          element.when,
        ),
      ];
    case 'image':
      return [
        at('job', {
          kind: 'image',
          src: element.src,
          x: mm(element.x),
          y: mm(element.y),
          width: mm(element.width),
          height: mm(element.height),
        }),
      ];
    case 'qr':
      return [at('voter', { kind: 'qr', x: mm(element.x), y: mm(element.y), size: mm(element.size) })];
    case 'insertCode':
      return [at('voter', { kind: 'insertCode', x: mm(element.x), y: mm(element.y), moduleSize: mm(element.moduleSize) })];
    case 'addressField': {
      // R3.6: upper zone (return address, endorsement) written bottom-up, lower zone top-down.
      const x = mm(element.x + element.padding);
      const width = mm(element.width - element.padding - 1);
      const endorsement = template.texts['vermerk'] ?? '';
      const upper = [
        { text: template.municipality.returnAddress, bold: false },
        ...(endorsement ? [{ text: endorsement, bold: true }] : []),
      ];
      return [
        at('job', {
          kind: 'returnAddress',
          lines: upper,
          x,
          bottom: mm(element.y + element.upperZone) - 2,
          width,
          size: element.upperSize,
          leading: element.upperLeading,
        }),
        at('voter', {
          kind: 'addressLines',
          x,
          top: mm(element.y + element.upperZone),
          width,
          height: mm(element.height - element.upperZone),
          size: element.size,
          minSize: element.minSize,
          leading: element.leading,
        }),
      ];
    }
    case 'field': {
      // A form line: label (small, grey), value on the line, rule under it.
      const x = mm(element.x);
      const width = mm(element.width);
      const label: TextPrimitive = {
        kind: 'text',
        text: element.label,
        bold: false,
        size: element.labelSize,
        leading: element.labelSize * 1.2,
        align: 'left',
        paragraphGap: 0,
        color: '#404040',
        x,
        y: mm(element.y),
        width,
        height: undefined,
        fit: 'shrink',
      };
      const valueTop = mm(element.y) + element.labelSize * 1.25;
      const rule = valueTop + element.valueSize * 1.3;
      const value: TextPrimitive = {
        ...label,
        text: element.value,
        size: element.valueSize,
        leading: element.valueSize * 1.2,
        color: '#000000',
        x: x + 1,
        width: width - 2,
        y: valueTop,
      };
      return [
        at(scopeOf(element.label), label),
        at('job', { kind: 'line', x1: x, y1: rule, x2: x + width, y2: rule, stroke: 0.5, color: '#606060', dash: undefined }),
        ...(element.value ? [at(scopeOf(element.value), value)] : []),
      ];
    }
    case 'checkbox': {
      const text = textOf(element, template);
      const edge = mm(element.box);
      const x = mm(element.x);
      const y = mm(element.y);
      const textX = x + edge + mm(2);
      const primitive: TextPrimitive = {
        kind: 'text',
        text,
        bold: element.font === 'bold',
        size: element.size,
        leading: element.leading ?? element.size * 1.25,
        align: element.align,
        paragraphGap: element.paragraphGap,
        color: element.color,
        x: textX,
        // The first line's x-height centre sits on the box centre.
        y: y + edge / 2 - element.size * 0.62,
        width: mm(element.x + element.width) - textX,
        height: undefined,
        fit: 'wrap',
      };
      return [
        at('job', { kind: 'box', x, y, width: edge, height: edge, radius: 0, stroke: 0.7, strokeColor: '#000000', fill: undefined }),
        at(scopeOf(text), primitive),
      ];
    }
  }
}

function compileSide(elements: readonly LayoutElement[], template: CardTemplate): CompiledSide {
  const job: Primitive[] = [];
  const district: Primitive[] = [];
  const voter: ScopedPrimitive[] = [];
  for (const element of elements) {
    for (const scoped of compileElement(element, template)) {
      if (scoped.scope === 'job') job.push(scoped.primitive);
      else if (scoped.scope === 'district') district.push(scoped.primitive);
      else voter.push(scoped);
    }
  }
  return { job, district, voter };
}

export function compileLayout(template: CardTemplate): CompiledLayout {
  return {
    width: mm(template.layout.page.width),
    height: mm(template.layout.page.height),
    sheets: template.layout.sheets.map((sheet) => ({ front: compileSide(sheet.front, template), back: compileSide(sheet.back, template) })),
  };
}

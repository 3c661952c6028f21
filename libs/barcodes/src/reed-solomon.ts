// Reed–Solomon error correction over GF(256), table driven: QR uses the field polynomial 0x11D with
// generator roots α^0…α^(n-1) (ISO/IEC 18004 §7.5.2), Data Matrix ECC200 uses 0x12D with roots
// α^1…α^n (ISO/IEC 16022 §5.7).

export type GaloisField = {
  // exp[log a + log b] needs no modulo: the cycle of 255 is stored twice.
  readonly exp: Uint8Array;
  readonly log: Uint8Array;
};

export const createGaloisField = (primitive: number): GaloisField => {
  const exp = new Uint8Array(510);
  const log = new Uint8Array(256);
  let x = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= primitive;
  }
  for (let i = 255; i < 510; i++) exp[i] = exp[i - 255];
  return { exp, log };
};

export const gfMultiply = (field: GaloisField, a: number, b: number): number =>
  a === 0 || b === 0 ? 0 : field.exp[field.log[a] + field.log[b]];

// A generator polynomial ready for the shift-register division: products[j · 256 + f] is f times the
// non-leading coefficient j (highest degree first), so each step is one table load per register.
export type RsGenerator = {
  readonly degree: number;
  readonly products: Uint8Array;
};

export const createRsGenerator = (field: GaloisField, degree: number, firstRoot: number): RsGenerator => {
  // poly[0] is the leading coefficient 1; multiply by (x + α^(firstRoot+i)) degree times.
  const poly = new Uint8Array(degree + 1);
  poly[0] = 1;
  for (let i = 0; i < degree; i++) {
    const root = field.exp[(firstRoot + i) % 255];
    for (let j = i + 1; j >= 1; j--) poly[j] ^= gfMultiply(field, poly[j - 1], root);
  }
  const products = new Uint8Array(degree * 256);
  for (let j = 0; j < degree; j++) {
    for (let f = 0; f < 256; f++) products[j * 256 + f] = gfMultiply(field, f, poly[j + 1]);
  }
  return { degree, products };
};

// Writes the remainder of data(x)·x^degree divided by the generator into out[outOffset…].
export const rsEncodeInto = (
  generator: RsGenerator,
  data: Uint8Array,
  dataOffset: number,
  dataLength: number,
  out: Uint8Array,
  outOffset: number,
): void => {
  const { degree, products } = generator;
  const last = outOffset + degree - 1;
  out.fill(0, outOffset, last + 1);
  for (let i = 0; i < dataLength; i++) {
    const factor = data[dataOffset + i] ^ out[outOffset];
    for (let k = outOffset, t = factor; k < last; k++, t += 256) out[k] = out[k + 1] ^ products[t];
    out[last] = products[(degree - 1) * 256 + factor];
  }
};

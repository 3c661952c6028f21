// What the web apps share: DOM helpers, form fields, German number/date formatting, base CSS tokens.
// Only `@wahl/domain` may be imported here (lint-enforced); the public page's first view stays small.
import './tokens.css';

export * from './dom/dom';
export * from './dom/form-field';
export * from './format/german-number';
export * from './format/german-date';
export * from './format/german-time';
// The one percent rounding of the whole system (exact, half away from zero), for view models.
export { roundedPercent, roundedPointChange } from '@wahl/domain';

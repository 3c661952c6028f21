// What the web apps share: DOM helpers, German number formatting, base CSS tokens.
export {};

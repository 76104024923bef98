// The interface's words in the handbook's language, for the theme's other
// scripts: `import { t } from "./i18n.js"`. The build writes the theme's
// table of strings for the language (i18n/<language>.yaml, a site's own
// strings over it) into strings.js, which every page loads before the
// other scripts and which sets window.HANDBOOK_STRINGS: the same table the
// layouts read, never a copy of it here.
//
// t("copy")                               "Copy"
// t("steps", 3)                           "3 steps" (the count fills {n} and picks the plural form)
// t("step_of", { index: 2, total: 5 })    "Step 2 of 5"

const table = (typeof window !== "undefined" && window.HANDBOOK_STRINGS) || {};
const strings = table.strings || {};

/** The handbook's language tag ("ja"), and its direction ("ltr" or "rtl"). */
export const lang = table.lang || (typeof document !== "undefined" && document.documentElement.lang) || "en";
export const dir = table.dir || "ltr";

let rules = null;

// The plural category of n in the language, from the browser's own CLDR
// rules (the build picks forms by the same rules).
function category(n) {
  try {
    rules = rules || new Intl.PluralRules(lang);
    return rules.select(n);
  } catch (e) {
    return n === 1 ? "one" : "other";
  }
}

/** has reports whether the table has a string for key. */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(strings, key);
}

/**
 * t returns the string of key with its {placeholders} filled: from a
 * number (it fills {n} and picks the plural form) or from an object of
 * values by name. A key the table lacks returns itself.
 */
export function t(key, args) {
  let s = strings[key];
  if (s == null) {
    if (typeof console !== "undefined") console.warn("handbook: no string " + key + " in strings.js");
    return key;
  }
  const vals = args == null ? {} : typeof args === "object" ? args : { n: args };
  if (typeof s === "object") {
    const n = Number(vals.n);
    s = (vals.n != null && !isNaN(n) && s[category(n)]) || s.other || "";
  }
  return s.replace(/\{([A-Za-z0-9_]+)\}/g, (m, name) => (Object.prototype.hasOwnProperty.call(vals, name) ? String(vals[name]) : m));
}

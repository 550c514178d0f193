// Write one export of an ES module (a map bundled as a JS object) as JSON.
// usage: node esm_export.mjs MODULE.js EXPORT_NAME OUT.json
import fs from 'fs';
const [, , mod, name, out] = process.argv;
const m = await import('file://' + mod);
fs.writeFileSync(out, JSON.stringify(m[name]));

// Validates every statement of xAPI export files with Learning Locker's validator
// (@learninglocker/xapi-validation). Usage: node validate.js FILE... ; exit 1 on any warning.
'use strict';
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

let bad = 0;
let total = 0;
for (const file of process.argv.slice(2)) {
  const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(statements)) {
    console.error(`${file}: not a JSON array of statements`);
    process.exit(1);
  }
  statements.forEach((s, i) => {
    total += 1;
    const warnings = validate(s);
    if (warnings.length > 0) {
      bad += 1;
      if (bad <= 5) console.error(`${file}[${i}] (${s.verb && s.verb.id}):`, JSON.stringify(warnings, null, 1));
    }
  });
}
console.log(`${total} statements checked, ${bad} invalid`);
process.exit(bad === 0 && total > 0 ? 0 : 1);

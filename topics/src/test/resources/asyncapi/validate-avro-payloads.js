// Checks every Avro payload of an AsyncAPI 3 document with the AsyncAPI CLI's own Avro schema
// parser, which `asyncapi validate` applies to AsyncAPI 2 documents only. A payload that names a
// type it does not define (a shared type kept in another file) fails here.
// Usage: node validate-avro-payloads.js <node_modules of the CLI install> <asyncapi.yaml>
const path = require('path');
const [modules, file] = process.argv.slice(2);
const { Parser, fromFile } = require(path.join(modules, '@asyncapi/parser'));
const { AvroSchemaParser } = require(path.join(modules, '@asyncapi/avro-schema-parser'));

(async () => {
  const avro = AvroSchemaParser();
  const parser = new Parser();
  parser.registerSchemaParser(avro);
  const { document, diagnostics } = await fromFile(parser, file).parse();
  if (!document) {
    diagnostics.forEach((d) => console.log(`error ${d.code}: ${d.message}`));
    process.exit(1);
  }
  let checked = 0;
  let failed = 0;
  for (const message of document.allMessages()) {
    const payload = message.json().payload;
    if (!payload || !avro.getMimeTypes().includes(payload.schemaFormat)) {
      continue;
    }
    const schema = payload['x-parser-original-payload'] || payload.schema;
    const errors = await avro.validate({ data: schema, path: [], meta: {} });
    errors.forEach((e) => console.log(`error ${message.id()}: ${e.message}`));
    failed += errors.length > 0 ? 1 : 0;
    checked++;
  }
  console.log(`avro payloads: ${checked} checked, ${failed} invalid`);
  process.exit(failed > 0 || checked === 0 ? 1 : 0);
})().catch((e) => {
  console.log(`error: ${e.message}`);
  process.exit(1);
});

// Validates an export's datapackage.json with Frictionless' own JavaScript libraries: the descriptor against
// the Tabular Data Package profile (datapackage), each resource's Table Schema (tableschema), every CSV's
// header against its schema and every row cast by it, and the package's primary and foreign keys (of the CSV resources:
// the libraries read no Parquet).
// Prints a JSON summary; exits 1 listing what is wrong.
//   node validate-datapackage.mjs /path/to/export/datapackage.json
import { Package } from "datapackage";
import { Schema } from "tableschema";

const errors = [];
const resources = [];
const dataPackage = await Package.load(process.argv[2]);
if (!dataPackage.valid) errors.push(...dataPackage.errors.map((e) => `datapackage.json: ${e.message}`));
for (const resource of dataPackage.resources) {
  const schema = await Schema.load(resource.descriptor.schema);
  if (!schema.valid) errors.push(...schema.errors.map((e) => `${resource.name} schema: ${e.message}`));
  // These libraries read CSV only: a Parquet resource's descriptor and schema are checked, its rows are not.
  if (resource.descriptor.format !== "csv") {
    resources.push({ name: resource.name, path: resource.descriptor.path, rows: null, fields: schema.fieldNames.length,
      primaryKey: schema.primaryKey, foreignKeys: schema.foreignKeys.length });
    continue;
  }
  const table = resource.table; // tableschema's Table, opened with the resource's CSV dialect and encoding
  let rows = 0;
  try {
    await table.read({ forceCast: true }).then((cast) => {
      rows = cast.length;
      cast.filter((row) => row instanceof Error).slice(0, 5).forEach((row) => errors.push(`${resource.name}: ${row.message}`));
    });
    if (JSON.stringify(table.headers) !== JSON.stringify(schema.fieldNames)) {
      errors.push(`${resource.name}: header ${table.headers} is not the schema's ${schema.fieldNames}`);
    }
    // Keys: unique primary keys and foreign keys that resolve to rows of the data sets they name.
    await resource.read({ relations: true, keyed: true });
  } catch (error) {
    errors.push(`${resource.name}: ${error.message}${(error.errors || []).slice(0, 5).map((e) => `\n  ${e.message}`).join("")}`);
  }
  resources.push({ name: resource.name, path: resource.descriptor.path, rows, fields: schema.fieldNames.length,
    primaryKey: schema.primaryKey, foreignKeys: schema.foreignKeys.length });
}
console.log(JSON.stringify({ valid: errors.length === 0, resources, errors }));
process.exit(errors.length === 0 ? 0 : 1);

// A typed SummitApi client: the types come from the API's OpenAPI document (generated/summit-api.d.ts, made by
// openapi-typescript), the calls from openapi-fetch. Paths, parameters and response shapes are checked by tsc.
import createClient from "openapi-fetch";
import type { paths } from "./generated/summit-api.js";

export type SummitClient = ReturnType<typeof createSummitClient>;

export function createSummitClient(baseUrl: string) {
  return createClient<paths>({ baseUrl });
}

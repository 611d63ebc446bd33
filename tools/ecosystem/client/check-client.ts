// Exercises the generated client against a running API and prints what it read as one JSON line:
//   node generated/build/check-client.js http://127.0.0.1:5080
import { createSummitClient } from "./summit-client.js";

const client = createSummitClient(process.argv[2]);

// Every concession, five a page, following nextCursor until it is null.
const concessionIds: string[] = [];
let cursor: string | undefined;
let pages = 0;
do {
  const { data, error, response } = await client.GET("/api/v1/concessions", { params: { query: { limit: 5, cursor } } });
  if (!data) throw new Error(`GET /api/v1/concessions answered ${response.status}: ${JSON.stringify(error)}`);
  concessionIds.push(...data.items.map((concession) => concession.id));
  cursor = data.nextCursor ?? undefined;
  pages++;
} while (cursor);

const differences = await client.GET("/api/v1/summits/{summitId}/readout-differences", {
  params: { path: { summitId: "busan-2025" } },
});
if (!differences.data) throw new Error(`readout differences answered ${differences.response.status}`);

const missing = await client.GET("/api/v1/concessions/{concessionId}", {
  params: { path: { concessionId: "no-such-concession" } },
});

console.log(JSON.stringify({
  pages,
  concessionIds,
  differences: differences.data.items.map((difference) => ({
    topic: difference.topic,
    classification: difference.classification,
    parties: difference.stances.map((stance) => `${stance.party}:${stance.stance}`),
  })),
  missing: { status: missing.response.status, title: missing.error?.title ?? null },
}));

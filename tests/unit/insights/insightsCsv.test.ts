import { describe, expect, it } from "vitest";
import { insightsCsv } from "../../../src/domain/insights/insightsCsv.js";
import type { InsightsReport } from "../../../src/domain/insights/insightsReport.js";

const report = {
  people: [
    {
      id: "u1",
      displayName: "Ada",
      betweenness: 0.5,
      learnersFrom: 2,
      learnedFrom: 1,
      cluster: 0,
      cutsNetwork: true,
      edge: { position: "bridge", reason: "only tie" },
    },
  ],
  ties: [],
} as unknown as InsightsReport;

describe("the people table as CSV", () => {
  it("names the person by id and name, then their measures", () => {
    expect(insightsCsv(report, "people", false).split("\r\n")).toEqual([
      "id,name,betweenness,learners,learned_from,cluster,cuts_network,edge,edge_reason",
      "u1,Ada,0.5,2,1,0,true,bridge,only tie",
    ]);
  });

  it("de-identified, by a pseudonym only, with the same measures", () => {
    expect(insightsCsv(report, "people", true).split("\r\n")).toEqual([
      "person,betweenness,learners,learned_from,cluster,cuts_network,edge,edge_reason",
      "Person 1,0.5,2,1,0,true,bridge,only tie",
    ]);
  });
});

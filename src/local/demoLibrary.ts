import { personRef } from "../domain/identity.js";
import type { Entry, EntryType } from "../domain/library/entry.js";

/**
 * The demo community's library, written by hand so a first-day user sees what a real community
 * keeps: questions with their answers, how-tos, decisions, lessons learned and insights on
 * pipelines, governance, analytics and data operations. (The generated library in
 * generatedLibrary.ts is for benchmarks only.)
 */
interface DemoEntry {
  type: EntryType;
  title: string;
  tags: string[];
  /** The author's place among the demo's people (0 is the steward). */
  author: number;
  daysAgo: number;
  helpful: number;
  /** For questions: whether the body holds an accepted answer. */
  answered?: boolean;
  summary?: string;
  body: string;
}

const ENTRIES: DemoEntry[] = [
  {
    type: "qa",
    title: "How do we backfill a partitioned table without blocking the nightly load?",
    tags: ["pipelines", "backfill", "airflow"],
    author: 3,
    daysAgo: 4,
    helpful: 14,
    answered: true,
    body: `We need to reload 18 months of \`sales_orders\` after the currency fix. The nightly load writes to the same table. How do others do this without the two fighting over locks?

**Answer** (accepted)

Backfill into a shadow table partition by partition, then swap partitions:

1. Create \`sales_orders_backfill\` with the same partitioning.
2. Run the backfill DAG with \`max_active_runs=2\` so it never takes more than two slots from the pool.
3. After each month is written and checked (row counts, sum of \`net_amount\`), \`EXCHANGE PARTITION\` it into the live table. The swap is a metadata change and takes milliseconds.
4. The nightly load only ever touches the current month, which you swap last.

We did this for 24 months of invoices in a week, with no failed nightly run.`,
  },
  {
    type: "howto",
    title: "Onboarding a new analyst in two weeks",
    tags: ["onboarding", "analytics"],
    author: 0,
    daysAgo: 40,
    helpful: 22,
    summary: "A buddy, a real ticket on day one, and the data catalogue tour in week one.",
    body: `What worked for the last four people who joined the analytics team:

- **Day 1**: pair with a buddy on a real (small) ticket. Ship something.
- **Week 1**: read the data catalogue's *Start here* collection and the metric definitions for revenue, churn and active customers.
- **Week 1**: sit in on one think-pair-share session as an observer.
- **Week 2**: own one dashboard fix end to end, reviewed by the buddy.
- **Week 2**: present one thing you found confusing at the community call. Newcomers see what the rest of us stopped seeing.

The buddy blocks two hours a day in week one. It pays back within the month.`,
  },
  {
    type: "decision",
    title: "Decision: dbt is our transformation layer for the warehouse",
    tags: ["dbt", "data-governance", "architecture"],
    author: 0,
    daysAgo: 120,
    helpful: 18,
    summary: "All new warehouse transformations are dbt models; stored procedures are frozen.",
    body: `**Context.** Transformations lived in 140 stored procedures, a few notebooks and two ETL tools. Nobody could answer "where does this column come from?" in under an hour.

**Decision.** From March, every new transformation is a dbt model in the \`analytics-models\` repository, with tests and a description for every model exposed to the BI layer. Existing stored procedures are frozen and moved when touched.

**Consequences.**
- Lineage comes from dbt docs; the catalogue imports it nightly.
- Pull requests need one reviewer from another team.
- We accept slower runs for the first months while the incremental models are tuned.`,
  },
  {
    type: "lesson",
    title: "Lesson learned: a renamed column broke three dashboards silently",
    tags: ["data-quality", "pipelines", "contracts"],
    author: 2,
    daysAgo: 12,
    helpful: 11,
    body: `The CRM team renamed \`cust_segment\` to \`customer_segment\`. Our ingestion kept running: the old column simply arrived as NULL, and three dashboards showed every customer as "Unknown" for nine days.

What we changed:

- Ingestion now **fails** on a missing expected column instead of filling NULLs.
- A not-null test on \`customer_segment\` in the staging model.
- The CRM team is on the alert channel for the contract of the tables we read.

When a pipeline fails at 3 am, check the upstream schema first.`,
  },
  {
    type: "qa",
    title: "What is the difference between a data product owner and a data steward here?",
    tags: ["data-governance", "roles"],
    author: 5,
    daysAgo: 9,
    helpful: 9,
    answered: true,
    body: `I keep hearing both terms in the governance meetings. Are they the same person?

**Answer** (accepted)

Not here. The **data product owner** decides what the product (say, the customer 360 table) is for, who its consumers are and what comes next on its backlog. The **data steward** looks after the meaning and the quality of the data inside it: definitions, classification, access rules, quality checks.

In small domains one person does both. In Finance they are two people, and the steward works across several products.`,
  },
  {
    type: "insight",
    title: "Partition by tenant before the join, not after",
    tags: ["performance", "spark"],
    author: 4,
    daysAgo: 20,
    helpful: 7,
    body: `The nightly usage job went from 52 minutes to 9 after one change: we repartitioned both sides by \`tenant_id\` **before** the join, instead of joining first and repartitioning for the write.

Spark no longer shuffled the 2 billion event rows twice. Check the physical plan (\`explain("formatted")\`) for two \`Exchange\` nodes on the big side: that is the sign.`,
  },
  {
    type: "howto",
    title: "How to request access to a restricted dataset",
    tags: ["access", "data-governance"],
    author: 1,
    daysAgo: 60,
    helpful: 16,
    body: `1. Find the dataset in the catalogue and open **Request access**.
2. Say what you need it for and for how long. "Analysis" is not enough; "churn model for the Q3 retention review, until 30 September" is.
3. The data steward of the domain approves within two working days. Personal data needs the privacy team too (add a day).
4. Access is granted to your group, not to you, and expires on the date you gave.

If it is urgent, post in the community channel and tag the steward: we would rather help than have people copy extracts around.`,
  },
  {
    type: "qa",
    title: "Should our dashboards read from the warehouse or from the semantic model?",
    tags: ["power-bi", "analytics", "architecture"],
    author: 6,
    daysAgo: 2,
    helpful: 0,
    answered: false,
    body: `Some of our Power BI reports query the warehouse tables directly, others use the shared semantic model. The numbers differ slightly for "active customers". Which one should new reports use, and is there a plan to move the old ones?`,
  },
  {
    type: "qa",
    title: "Is there a standard way to mask personal data in test environments?",
    tags: ["privacy", "data-governance", "testing"],
    author: 7,
    daysAgo: 5,
    helpful: 0,
    answered: false,
    body: `We copy a slice of production into the test warehouse for the pipeline tests. Right now we null the e-mail and phone columns by hand. Is there a shared masking job, or a list of columns that count as personal data?`,
  },
  {
    type: "qa",
    title: "How long should we keep raw event data in the lake?",
    tags: ["retention", "data-governance", "storage"],
    author: 8,
    daysAgo: 7,
    helpful: 0,
    answered: false,
    body: `Raw clickstream is 40 TB and growing. Legal says personal data must go after 13 months, but the product analysts want two years of history for seasonality. What do other domains do: aggregate and delete, or pseudonymise and keep?`,
  },
  {
    type: "howto",
    title: "Writing a data contract for a table you publish",
    tags: ["contracts", "data-quality", "pipelines"],
    author: 2,
    daysAgo: 30,
    helpful: 13,
    body: `A contract is a YAML file next to the model, reviewed like code:

\`\`\`yaml
table: finance.invoices
owner: finance-data@contoso.example
freshness: daily by 06:00 CET
columns:
  invoice_id: { type: string, unique: true, not_null: true }
  net_amount: { type: decimal(18,2), not_null: true }
  currency:   { type: string, accepted_values: [EUR, USD, GBP] }
breaking_changes: announce 30 days ahead in #data-community
\`\`\`

The CI job checks the contract against the model on every pull request; consumers subscribe to the file in the repository.`,
  },
  {
    type: "lesson",
    title: "Lesson learned: ship the retro notes the same day",
    tags: ["retrospectives", "ways-of-working"],
    author: 9,
    daysAgo: 15,
    helpful: 6,
    body: `After the March incident we waited a week to write up the retrospective. By then two of the five action items were already forgotten and nobody agreed on the timeline any more.

Now the note-taker posts the notes in the channel before the end of the day, rough as they are. Owners and dates for every action item, nothing else needs to be polished.`,
  },
  {
    type: "insight",
    title: "If a rollback takes longer than ten minutes, the deploy was too big",
    tags: ["dataops", "deployments"],
    author: 10,
    daysAgo: 25,
    helpful: 8,
    body: `Rule of thumb from the incident review of the pricing pipeline: every deploy we could not roll back within ten minutes had bundled a schema migration with logic changes.

Ship migrations on their own, backwards compatible, a day before the code that uses them.`,
  },
  {
    type: "howto",
    title: "Checklist for a data incident retrospective",
    tags: ["retrospectives", "incidents", "dataops"],
    author: 0,
    daysAgo: 50,
    helpful: 12,
    body: `1. Confirm the timeline: first bad data, first alert, first human noticing, fix, all consumers told.
2. Name the blast radius: which tables, reports and decisions used the bad data.
3. Ask *how* it made sense to everyone at the time, not *who*.
4. One owner and one date per action item. No owner, no action item.
5. Decide what consumers are told and by whom.
6. Save the retro to the library as a lesson learned, tagged with the system.`,
  },
  {
    type: "decision",
    title: "Decision: one definition of 'active customer' across all reports",
    tags: ["metrics", "analytics", "data-governance"],
    author: 1,
    daysAgo: 90,
    helpful: 15,
    body: `**Decision.** An active customer is a customer with at least one paid order **or** one logged-in session in the last 90 days, counted at the end of the day in CET.

The definition lives in the semantic model as \`[Active Customers]\` and in dbt as \`metrics.active_customers\`. Reports that count differently must say so in their title.

**Why.** Sales, Marketing and Finance each had their own number; the board pack showed three.`,
  },
  {
    type: "qa",
    title: "Why does my incremental dbt model duplicate rows after a late-arriving update?",
    tags: ["dbt", "pipelines", "data-quality"],
    author: 11,
    daysAgo: 18,
    helpful: 10,
    answered: true,
    body: `My model uses \`is_incremental()\` with \`where updated_at > (select max(updated_at) from {{ this }})\`. Some orders arrive two days late and then appear twice.

**Answer** (accepted)

Set a \`unique_key\` and use the \`merge\` strategy, so a late row replaces the old one instead of being appended:

\`\`\`sql
{{ config(materialized='incremental', unique_key='order_id', incremental_strategy='merge') }}
\`\`\`

And look back further than the maximum: \`updated_at > (select max(updated_at) - interval 3 day from {{ this }})\` catches the late arrivals.`,
  },
  {
    type: "insight",
    title: "Start the data quality checks with the columns people filter on",
    tags: ["data-quality", "analytics"],
    author: 3,
    daysAgo: 33,
    helpful: 5,
    body: `We tried to add tests for every column and stalled at 30 %. What worked better: look at which columns appear in report filters and joins (the BI tool's query log tells you) and test those first. Twelve tests covered 80 % of what people actually noticed when it broke.`,
  },
  {
    type: "howto",
    title: "Reviewing a pull request to the analytics models",
    tags: ["dbt", "code-review", "ways-of-working"],
    author: 4,
    daysAgo: 45,
    helpful: 9,
    body: `What reviewers look at, in this order:

- **Grain**: does the model say what one row is, and do the tests check it (\`unique\` on the key)?
- **Joins**: could any join multiply rows? Ask for the row counts before and after.
- **Names**: columns follow the naming guide (\`_at\` for timestamps, \`is_\` for booleans).
- **Docs**: every column exposed to BI has a description.
- **Cost**: a full refresh of anything over 100 GB needs a note in the description.

Approve when it is better than before, not when it is perfect.`,
  },
  {
    type: "lesson",
    title: "Lesson learned: the dashboard nobody opened for six months",
    tags: ["analytics", "power-bi"],
    author: 6,
    daysAgo: 70,
    helpful: 7,
    body: `We spent three sprints on a logistics dashboard that the usage log shows was opened 11 times, all in its first week. The people who asked for it needed one number in their weekly e-mail.

Now we ask "what decision will this change, and how often?" before building anything with more than one page.`,
  },
  {
    type: "qa",
    title: "Which tool should we use for orchestration of new pipelines?",
    tags: ["airflow", "pipelines", "architecture"],
    author: 9,
    daysAgo: 28,
    helpful: 6,
    answered: true,
    body: `The team is starting three new ingestion pipelines. Airflow, Data Factory, or dbt Cloud's scheduler?

**Answer** (accepted)

Airflow (the managed instance), unless the pipeline only copies data between Azure services, where Data Factory is simpler and cheaper. dbt Cloud's scheduler only for dbt jobs that depend on nothing else. See the decision record on orchestration from last year; it still holds.`,
  },
  {
    type: "insight",
    title: "Use odata filters from the SDK, never string concatenation",
    tags: ["security", "azure", "pipelines"],
    author: 5,
    daysAgo: 22,
    helpful: 4,
    body: `When a pipeline reads Azure Tables, build the filter with the SDK's \`odata\` template tag:

\`\`\`typescript
const filter = odata\`PartitionKey eq \${tenantId} and Status eq \${status}\`;
\`\`\`

It escapes quotes in the values. A hand-built string with a customer name like *O'Brien* broke the nightly export, and a crafted one could read another tenant's rows.`,
  },
  {
    type: "howto",
    title: "Running a knowledge café on a data topic",
    tags: ["sessions", "ways-of-working"],
    author: 0,
    daysAgo: 80,
    helpful: 8,
    body: `**Before**: pick one question that has no single right answer ("What makes a dataset trustworthy?"). Invite people from at least three departments.

**During** (60 minutes):
1. Five minutes of framing by the host.
2. Three rounds of 12 minutes at tables of four; people move, one host per table stays.
3. Harvest: each table host names the one idea that surprised them.

**After**: the note-taker saves the harvest to the library the same day.`,
  },
  {
    type: "decision",
    title: "Decision: personal data is classified in the catalogue before it reaches the warehouse",
    tags: ["privacy", "data-governance"],
    author: 1,
    daysAgo: 100,
    helpful: 11,
    body: `Every new source table is classified (public, internal, confidential, personal) in the catalogue **before** the first load to the warehouse. The ingestion template refuses to run without a classification.

Personal columns are hashed in staging unless the access request names a purpose that needs the clear value.`,
  },
  {
    type: "qa",
    title: "How do I find out who owns a table?",
    tags: ["data-catalogue", "data-governance"],
    author: 10,
    daysAgo: 35,
    helpful: 12,
    answered: true,
    body: `I found \`ops.shipments_daily\` in the warehouse. Who do I ask about it?

**Answer** (accepted)

Search for it in the data catalogue: the *Owner* and *Steward* fields are on the overview tab. If both are empty, the lineage tab shows the pipeline that writes it, and the pipeline's repository has a CODEOWNERS file. If that fails, ask here: someone always knows.`,
  },
  {
    type: "insight",
    title: "Freshness alerts beat failure alerts",
    tags: ["monitoring", "dataops"],
    author: 11,
    daysAgo: 14,
    helpful: 6,
    body: `Half of our "data is wrong" tickets last quarter had no failed job behind them: a job succeeded with zero rows, or did not run at all because its trigger never came.

A freshness check ("the newest row in \`orders\` is less than 26 hours old") catches all three cases. We now alert on freshness first and on job failures second.`,
  },
  {
    type: "howto",
    title: "Setting up a dev copy of the warehouse with zero-copy clones",
    tags: ["snowflake", "testing", "dataops"],
    author: 7,
    daysAgo: 55,
    helpful: 5,
    body: `\`\`\`sql
create database analytics_dev_<you> clone analytics;
\`\`\`

The clone costs nothing until you change data. Drop it when the branch is merged; a nightly job drops clones older than 14 days. Personal data is masked by the same policies as production, so a clone is safe for development.`,
  },
  {
    type: "lesson",
    title: "Lesson learned: forecasting with a holiday calendar from the wrong country",
    tags: ["forecasting", "data-quality", "analytics"],
    author: 8,
    daysAgo: 38,
    helpful: 4,
    body: `Our demand forecast for Austria used the German holiday calendar. Corpus Christi matched, but Austria's national day (26 October) did not, and the forecast overshot by 30 % that week. Holiday calendars now come from the region of the store, and the forecast report shows which calendar it used.`,
  },
  {
    type: "qa",
    title: "Can we share a dataset with an external partner?",
    tags: ["data-sharing", "privacy", "data-governance"],
    author: 2,
    daysAgo: 11,
    helpful: 3,
    answered: true,
    body: `A logistics partner wants our weekly shipment volumes per region. Is that allowed and how?

**Answer** (accepted)

Yes, if it contains no personal data and the domain's data product owner agrees. Use a data share (never an e-mailed extract), with an agreement that says what the partner may do with it. Legal has a template; the steward files it in the catalogue next to the share.`,
  },
  {
    type: "insight",
    title: "Write the metric's definition where people read the number",
    tags: ["metrics", "power-bi"],
    author: 6,
    daysAgo: 27,
    helpful: 5,
    body: `Putting metric definitions in a wiki did not help: nobody went there. Tooltips on the visual ("Active customers: paid order or login in the last 90 days") cut the questions about the sales dashboard by half in a month.`,
  },
  {
    type: "howto",
    title: "Profiling a new source before you model it",
    tags: ["data-quality", "pipelines"],
    author: 4,
    daysAgo: 65,
    helpful: 7,
    body: `Before writing the first model, spend an hour on:

- row counts per day for the last 90 days (gaps, spikes);
- the grain: which columns make a row unique, checked with a \`group by ... having count(*) > 1\`;
- null rates and distinct counts per column;
- the values of every column that looks like a status or a code.

Save the queries with the model; the next person will run them again.`,
  },
  {
    type: "decision",
    title: "Decision: the community reviews verified entries every six months",
    tags: ["community", "knowledge-management"],
    author: 0,
    daysAgo: 30,
    helpful: 4,
    body: `Verified entries get a review date six months out. When it passes, the entry shows as *needs review* and the stewards bring it to the next community call. Entries about tools get three months: tools change faster than practices.`,
  },
  {
    type: "lesson",
    title: "Lesson learned: a Friday deploy of the customer merge logic",
    tags: ["deployments", "incidents", "dataops"],
    author: 5,
    daysAgo: 48,
    helpful: 6,
    body: `We deployed a change to the customer deduplication on a Friday afternoon. It merged customers with the same e-mail *and* no company, which turned out to be 4,000 shared family addresses. Marketing e-mailed the wrong names on Monday.

We now deploy identity logic Monday to Wednesday, behind a flag, with a diff of merged pairs reviewed by someone from the CRM team.`,
  },
  {
    type: "insight",
    title: "Ask 'what would you do differently?' instead of 'what went wrong?'",
    tags: ["retrospectives", "ways-of-working"],
    author: 9,
    daysAgo: 19,
    helpful: 3,
    body: `In the last three case rounds the question "what would you do differently next time?" got people talking about decisions and context. "What went wrong?" got a list of other teams' mistakes.`,
  },
];

/** The demo library for a community, its authors taken from the demo's people in order. */
export function demoLibrary(
  tenantId: string,
  communityId: string,
  people: { id: string; displayName: string }[],
  now: Date,
): Omit<Entry, "etag">[] {
  return ENTRIES.map((e, i) => {
    const person = people[e.author % people.length] ?? { id: "someone", displayName: "Someone" };
    const at = new Date(now.getTime() - e.daysAgo * 86_400_000).toISOString();
    return {
      tenantId,
      communityId,
      id: `demo-${String(i + 1).padStart(3, "0")}`,
      type: e.type,
      title: e.title,
      body: e.body,
      summary: e.summary ?? "",
      tags: e.tags,
      author: personRef(person),
      savedBy: personRef(person),
      source: { kind: "direct" },
      createdAt: at,
      updatedAt: at,
      helpfulCount: e.helpful,
      ...(e.type === "qa" ? { answered: e.answered === true } : {}),
    };
  });
}

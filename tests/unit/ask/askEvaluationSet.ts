/**
 * The evaluation set for asking the community: questions people would type, over the demo
 * library (src/local/demoLibrary.ts, entries `demo-001` … `demo-034` in its order), each with
 * the entry that answers it, and questions the library cannot answer (they must be routed).
 * Phrased as a colleague would ask, not copied from the titles.
 */
export interface AnswerableQuestion {
  question: string;
  /** The entry that answers it. */
  entry: string;
}

export const ANSWERABLE: AnswerableQuestion[] = [
  {
    question: "How can I backfill 18 months of a partitioned table while the nightly load keeps running?",
    entry: "demo-001",
  },
  { question: "Backfill partitions without fighting the nightly load over locks?", entry: "demo-001" },
  { question: "What should a new analyst do in their first two weeks?", entry: "demo-002" },
  { question: "How do we onboard a new analyst with a buddy?", entry: "demo-002" },
  { question: "Is dbt our transformation layer for the warehouse?", entry: "demo-003" },
  { question: "What happens to the old stored procedures now that we use dbt?", entry: "demo-003" },
  { question: "A renamed column upstream broke our dashboards, what did others change?", entry: "demo-004" },
  { question: "Should ingestion fail on a missing column instead of filling NULLs?", entry: "demo-004" },
  { question: "What is the difference between a data product owner and a data steward?", entry: "demo-005" },
  {
    question: "Who looks after data quality and definitions, the steward or the product owner?",
    entry: "demo-005",
  },
  { question: "How do I speed up a Spark join that shuffles billions of rows twice?", entry: "demo-006" },
  { question: "Should I repartition by tenant_id before the join in Spark?", entry: "demo-006" },
  { question: "How do I request access to a restricted dataset?", entry: "demo-007" },
  { question: "How long does the steward take to approve an access request?", entry: "demo-007" },
  { question: "How do I write a data contract for a table I publish?", entry: "demo-011" },
  { question: "What goes in a data contract YAML file?", entry: "demo-011" },
  { question: "When should we share the retrospective notes?", entry: "demo-012" },
  { question: "Our rollback takes too long, are our deploys too big?", entry: "demo-013" },
  { question: "Should schema migrations ship separately from logic changes?", entry: "demo-013" },
  { question: "Is there a checklist for a data incident retrospective?", entry: "demo-014" },
  { question: "How do we define an active customer?", entry: "demo-015" },
  { question: "Which definition of active customers do reports use?", entry: "demo-015" },
  { question: "My incremental dbt model duplicates rows when updates arrive late", entry: "demo-016" },
  { question: "Which incremental strategy and unique_key stop duplicates in dbt?", entry: "demo-016" },
  { question: "Which columns should data quality tests cover first?", entry: "demo-017" },
  { question: "What do reviewers check in a pull request to the analytics models?", entry: "demo-018" },
  { question: "How should I review a dbt pull request?", entry: "demo-018" },
  { question: "How do we avoid building a dashboard nobody opens?", entry: "demo-019" },
  {
    question: "Which orchestration tool for new ingestion pipelines: Airflow or Data Factory?",
    entry: "demo-020",
  },
  { question: "When should I use Data Factory instead of Airflow?", entry: "demo-020" },
  { question: "How do I build an Azure Tables filter safely?", entry: "demo-021" },
  { question: "Is string concatenation for odata filters dangerous?", entry: "demo-021" },
  { question: "How do I run a knowledge café on a data topic?", entry: "demo-022" },
  {
    question: "Must personal data be classified in the catalogue before loading the warehouse?",
    entry: "demo-023",
  },
  { question: "Who owns a table and how do I find out?", entry: "demo-024" },
  { question: "Where do I find the owner and steward of a warehouse table?", entry: "demo-024" },
  { question: "Should we alert on freshness or on job failures?", entry: "demo-025" },
  { question: "How do I set up a dev copy of the warehouse?", entry: "demo-026" },
  { question: "Are zero-copy clones in Snowflake safe for development?", entry: "demo-026" },
  { question: "Which holiday calendar should a forecast use?", entry: "demo-027" },
  { question: "Can we share a dataset with an external partner?", entry: "demo-028" },
  { question: "Is it allowed to send shipment volumes to a logistics partner?", entry: "demo-028" },
  { question: "Where should a metric's definition be written so people read it?", entry: "demo-029" },
  { question: "What should I profile in a new source before modelling it?", entry: "demo-030" },
  { question: "How often are verified entries reviewed?", entry: "demo-031" },
  { question: "Is it a bad idea to deploy customer merge logic on a Friday?", entry: "demo-032" },
  { question: "What question works better than 'what went wrong' in a retro?", entry: "demo-033" },
];

/** Questions the demo library holds no answer to: they must come back as "don't know" (routed). */
export const UNANSWERABLE: string[] = [
  "How do I book a meeting room in the Munich office?",
  "What is the expense limit for a team dinner?",
  "How do I reset my VPN password?",
  "When is the next company holiday party?",
  "Which Python version does the machine learning platform support?",
  "How do I configure Kafka consumer groups for exactly-once delivery?",
  "What is our parental leave policy?",
  "How do I get a second monitor for home office?",
  "Who approves travel to a conference abroad?",
  "How do I train a neural network on GPUs in Azure Machine Learning?",
  "What is the recommended Kubernetes autoscaling setting for web services?",
  "Can I bring my dog to the office?",
];

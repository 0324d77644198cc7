import { getBearerTokenProvider, ManagedIdentityCredential } from "@azure/identity";
import { AzureOpenAI } from "openai";
import type { ChatCompletion } from "./generatedAnswerer.js";

/** Entra ID's scope for Azure OpenAI. */
const COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";
/** A generated answer must not hold the asker long: past this the quoted answer is given. */
const TIMEOUT_MS = 10_000;

/** An admin's Azure OpenAI deployment for generated answers. */
export interface GeneratedAnswersConfig {
  endpoint: string;
  deployment: string;
  apiVersion: string;
  /** An API key, or the app's managed identity (`clientId` for a user-assigned one). */
  auth: { kind: "key"; apiKey: string } | { kind: "managed-identity"; clientId: string | undefined };
}

/**
 * Chat completions on the admin's Azure OpenAI deployment through the official `openai` SDK's
 * `AzureOpenAI` client, with an API key or the app's managed identity. Deterministic and short:
 * temperature 0, a few sentences.
 */
export function azureOpenAiCompletion(config: GeneratedAnswersConfig): ChatCompletion {
  const client = new AzureOpenAI({
    endpoint: config.endpoint,
    deployment: config.deployment,
    apiVersion: config.apiVersion,
    timeout: TIMEOUT_MS,
    maxRetries: 1,
    ...(config.auth.kind === "key"
      ? { apiKey: config.auth.apiKey }
      : {
          azureADTokenProvider: getBearerTokenProvider(
            config.auth.clientId
              ? new ManagedIdentityCredential({ clientId: config.auth.clientId })
              : new ManagedIdentityCredential(),
            COGNITIVE_SERVICES_SCOPE,
          ),
        }),
  });
  return async (messages) => {
    const completion = await client.chat.completions.create({
      model: config.deployment,
      messages,
      temperature: 0,
      max_tokens: 400,
    });
    return completion.choices[0]?.message?.content ?? "";
  };
}

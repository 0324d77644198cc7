import "i18next";
import type { en } from "./en.js";

// Types `t("area.key")` against the English catalog: a misspelt key is a compile error.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

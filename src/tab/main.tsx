import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { TabRoot } from "./TabRoot.js";

const container = document.getElementById("root");
if (!container) throw new Error("The tab's index.html has no #root element.");

createRoot(container).render(
  <StrictMode>
    <TabRoot />
  </StrictMode>,
);

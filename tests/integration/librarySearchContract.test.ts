import { SyncedLibrarySearch } from "../../src/search/memory/syncedLibrarySearch.js";
import { describeLibrarySearchContract } from "../support/librarySearchContract.js";

describeLibrarySearchContract("in-memory BM25F engine", (entries) => new SyncedLibrarySearch(entries));

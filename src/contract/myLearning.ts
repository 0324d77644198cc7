import type { MyLearning } from "../domain/home/myLearningService.js";

/** `GET /api/me/learning`: my own learning across my communities, as the domain gathers it. */
export type MyLearningAnswer = MyLearning;

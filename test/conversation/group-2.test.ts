/** One of the runners of the case files in this folder (test/support/case-groups.ts says why). */
import { runCases } from '../support/case-groups';

runCases(__dirname, 1, 4);

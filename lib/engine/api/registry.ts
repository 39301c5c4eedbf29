import type { OperationTable } from "./context";
import { aliasOperations } from "./lambda/aliases";
import { concurrencyOperations } from "./lambda/concurrency";
import { esmOperations } from "./lambda/esm-control-plane";
import { eventInvokeConfigOperations } from "./lambda/event-invoke-config";
import { functionOperations } from "./lambda/functions";
import { invokeOperations } from "./lambda/invoke";
import { recursionOperations } from "./lambda/recursion";
import { versionOperations } from "./lambda/versions";
import { eventBridgeApi, snsApi, sqsApi } from "./messaging";
import { faultApi, iamApi } from "./platform";
import { dataApi } from "./data";

/** Every operation the engine implements, by AWS operation name (one module per family). */
export const operations: OperationTable = {
  ...functionOperations,
  ...versionOperations,
  ...aliasOperations,
  ...concurrencyOperations,
  ...eventInvokeConfigOperations,
  ...invokeOperations,
  ...recursionOperations,
  ...esmOperations,
  ...sqsApi,
  ...snsApi,
  ...eventBridgeApi,
  ...iamApi,
  ...faultApi,
  ...dataApi,
};

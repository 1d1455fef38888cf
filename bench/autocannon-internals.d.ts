// The one internal of autocannon (pinned at 8.0.0) that the bench replaces; see pages-load.ts.
declare module 'autocannon/lib/pipelinedRequestsQueue.js' {
  export default class PipelinedRequestsQueue {
    addBody(data: Buffer): void;
  }
}

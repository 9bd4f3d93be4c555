// A bulk award's job state, asked once per unfinished job; a finished job keeps its final state and
// the time it was first seen finished.
export async function pollBulkJobs(call, ledger, province) {
  for (const job of ledger.bulkJobs) {
    if (!job.jobId || job.final) continue;
    const state = await call('bulk award (status)', `/v2/bulk-awards/${job.jobId}`, { token: province[job.institution].staff });
    if (state.ok && ['completed', 'failed'].includes(state.body.result[0].status)) {
      job.final = state.body.result[0];
      job.finishedAt = performance.now();
    }
  }
  return ledger.bulkJobs.every((job) => !job.jobId || job.final);
}

// A bulk award's job state, asked once per unfinished job; a finished job keeps its final state and
// the time it was first seen finished; its awards' ids become readable.
export async function pollBulkJobs(call, ledger, province) {
  for (const job of ledger.bulkJobs) {
    if (!job.jobId || job.final) continue;
    const state = await call('bulk award (status)', `/v2/bulk-awards/${job.jobId}`, { token: province[job.institution].staff });
    if (state.ok && ['completed', 'failed'].includes(state.body.result[0].status)) {
      job.final = state.body.result[0];
      job.finishedAt = performance.now();
      // Its first 1,000 awards join the readers' ids, so reads also meet documents never rendered.
      const page = await call('bulk award (list its awards)', `/v2/badgeclasses/${job.badgeClassId}/assertions?num=1000`, { token: province[job.institution].staff });
      for (const assertion of page.ok ? page.body.result : []) ledger.readableId(assertion.entityId);
    }
  }
  return ledger.bulkJobs.every((job) => !job.jobId || job.final);
}

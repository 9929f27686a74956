export function runPlan(_args: string[]): Promise<number> {
  process.stderr.write('zone-records: this command is being built\n');
  return Promise.resolve(2);
}

export function runApply(_args: string[]): Promise<number> {
  process.stderr.write('zone-records: this command is being built\n');
  return Promise.resolve(2);
}

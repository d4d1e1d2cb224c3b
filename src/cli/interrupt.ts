/**
 * Ctrl-C during an audit: the first one asks the scan to stop (the files in flight finish, the
 * cache is saved, no report is written); a second one exits at once.
 */
export function listenForInterrupt(onFirst: () => void = () => {}): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    onFirst();
  };
  process.on('SIGINT', handler);
  return { signal: controller.signal, dispose: () => void process.off('SIGINT', handler) };
}

/** A `ByteSink` that keeps every chunk, for reading back what a writer streamed. */
export function byteCollector() {
  const chunks: Buffer[] = [];
  return {
    sink: (chunk: Buffer) => {
      chunks.push(chunk);
      return Promise.resolve();
    },
    bytes: () => Buffer.concat(chunks),
  };
}

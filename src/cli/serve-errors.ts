/** The one-line reason a server could not start listening. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/** `khabar prepare`, run by `serve`, failed; unless it was killed, it has said why on stderr. */
export class PreparationFailedError extends Error {
  override name = 'PreparationFailedError';

  constructor(
    message: string,
    readonly reported: boolean,
  ) {
    super(message);
  }
}

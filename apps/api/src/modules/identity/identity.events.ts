// In-process events of identity, emitted after the change is stored.
// Subscriber: the office gateway, which closes the session's sockets (issue 17, finding 8).

/** A session ended by sign-out or by deactivating its account; `session` is the key the socket authenticator gave its sockets. */
export class SessionEnded {
  static readonly event = 'identity.session-ended';
  constructor(readonly session: string) {}
}

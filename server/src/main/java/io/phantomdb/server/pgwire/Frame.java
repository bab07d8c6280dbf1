package io.phantomdb.server.pgwire;

/**
 * One frontend message as framed off the socket: its type byte (0 for the untyped startup-phase packets, whose
 * body then starts with the request code) and its body without the length.
 * <p>
 * <b>Note:</b> immutable by convention; handed from the event loop to the connection's thread.
 *
 * @param type the message type byte, or 0 in the startup phase.
 * @param body the bytes after the length field.
 */
record Frame(byte type, byte[] body)
{
    /** Sentinel telling the connection's thread that the channel closed. */
    static final Frame CLOSED = new Frame((byte)-1, new byte[0]);
    /** Sentinel telling the connection's thread that the client was idle too long. */
    static final Frame IDLE = new Frame((byte)-2, new byte[0]);
    /** Sentinel telling the connection's thread that the server shuts down. */
    static final Frame SHUTDOWN = new Frame((byte)-3, new byte[0]);
}

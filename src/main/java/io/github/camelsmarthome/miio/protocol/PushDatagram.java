package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the push server does with one datagram arriving on UDP 54321, as decided by {@link
 * PushDatagramClassifier}. Every outcome that carries a {@code reply} must be answered with exactly
 * those bytes to the datagram's source address and port.
 */
public sealed interface PushDatagram {

    /**
     * Row "exactly the 32-byte hello": answer with {@code reply}, the fake device's hello reply. Any
     * host gets it (miIO discovery scans see the server too).
     */
    record HelloRequest(byte[] reply) implements PushDatagram {
    }

    /**
     * Row "from registered IP, checksum OK, JSON with id and method containing ':'": send {@code
     * reply} (the ack {@code {"result": 0, "id": id}}) first, then emit the event asynchronously.
     *
     * @param id the gateway's message id (echoed in the ack, key of de-duplication)
     * @param method the full method, {@code <action>:<source with '_' for '.'>}
     * @param action the part before the last {@code ':'}
     * @param sourceDevice the part after it with every {@code '_'} turned into {@code '.'}: a
     *     sub-device sid such as {@code lumi.158d0001a2b3c4}, or the gateway's own did
     * @param params the message's {@code params}, or a JSON null node when absent
     * @param message the whole decrypted message (unknown fields such as {@code from} kept)
     * @param reply the encrypted ack to send back
     */
    record Event(long id, String method, String action, String sourceDevice, JsonNode params, ObjectNode message,
            byte[] reply) implements PushDatagram {
    }

    /**
     * Row "duplicate of an acknowledged event": the same (gateway IP, id) arrived again within the
     * de-duplication window. Send {@code reply} (the ack) again; do not deliver the event again.
     */
    record DuplicateEvent(long id, String method, byte[] reply) implements PushDatagram {
    }

    /**
     * Row "from registered IP, valid, method without ':'" (also a missing or non-text method, or an
     * empty action or source): send {@code reply} (the ack) so the gateway stops re-sending, emit no
     * event, log and count.
     *
     * @param method the method as received, or null when absent or not text
     */
    record AckWithoutEvent(long id, String method, byte[] reply) implements PushDatagram {
    }

    /**
     * Every row that ends in "drop" or "ignore": send nothing, emit nothing. {@code detail} is a
     * ready log line without secrets or payload; rate-limit it, it is attacker-controlled volume.
     */
    record Drop(DropReason reason, String detail) implements PushDatagram {
    }

    /** Why a datagram is dropped; each value names the table row it comes from. */
    enum DropReason {
        /** Row "bad checksum / … / truncated": fewer than 32 bytes, the empty datagram included. */
        TOO_SHORT,
        /** Row "… / wrong magic / …". */
        BAD_MAGIC,
        /** Row "… / length mismatch": the length field differs from the datagram size. */
        LENGTH_MISMATCH,
        /** Row "other 32-byte packet (e.g. a hello reply)": ignored. */
        NOT_A_HELLO_REQUEST,
        /** Row "from unregistered IP": no token for the source address. */
        UNKNOWN_SENDER,
        /** Row "bad checksum / …": ciphertext not a whole number of AES blocks. */
        BAD_CIPHERTEXT_LENGTH,
        /** Row "bad checksum / wrong token". */
        BAD_CHECKSUM,
        /** Row "… / bad padding". */
        BAD_PADDING,
        /** Row "… / not JSON": unparseable, not an object, or too large. */
        NOT_JSON,
        /** Row "from registered IP, valid, no id": no integral {@code id}, nothing to acknowledge. */
        MISSING_ID
    }
}

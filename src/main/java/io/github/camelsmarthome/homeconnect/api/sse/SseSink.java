package io.github.camelsmarthome.homeconnect.api.sse;

/**
 * Receives what {@link SseLineParser} finds in the bytes it is fed, in stream order.
 *
 * <p>A callback rather than a returned list so that the parser allocates nothing per chunk when
 * the caller does not need it.
 */
public interface SseSink {

    /** Called for every event completed by a blank line. */
    void onEvent(RawSseEvent event);

    /**
     * Called at most once, when the stream stops being valid server-sent events: a garbage line,
     * a line or event over the {@link SseLimits}, bytes that are not UTF-8. The parser ignores
     * all further input; the connection should be closed and reopened (brief 8.5 rule 6).
     *
     * @param reason what was wrong, safe to log (it never repeats a line's value)
     * @param offset byte offset in the stream where the offending line starts
     */
    void onMalformed(String reason, long offset);
}
